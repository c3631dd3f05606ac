package dev.homelab.model.app;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Quantities;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Container resources: CPU request, memory request and memory limit.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">resources</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Resources {
  /** The least memory a request or limit may name: 4Mi, below which no container starts. */
  private static final BigDecimal MIN_MEMORY = BigDecimal.valueOf(4L * 1024 * 1024);

  Resources() {}

  /**
   * CPU request, e.g. {@code 50m}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  @Value.Parameter
  public abstract String cpuRequest();

  /**
   * Memory request, e.g. {@code 128Mi}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  @Value.Parameter
  public abstract String memoryRequest();

  /**
   * Memory limit, e.g. {@code 512Mi}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  @Value.Parameter
  public abstract String memoryLimit();

  /**
   * Resources; prefer {@link App#resources(String, String, String)}. Required: all three; nothing has
   * a default.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  public static Resources of(String cpuRequest, String memoryRequest, String memoryLimit) {
    required(cpuRequest, ModelPaths.app(Arguments.UNKNOWN) + "/resources", "Resources.of(cpuRequest, …)", "a CPU request", "Resources.of(\"50m\", \"128Mi\", \"512Mi\")");
    required(memoryRequest, ModelPaths.app(Arguments.UNKNOWN) + "/resources", "Resources.of(…, memoryRequest, …)", "a memory request", "Resources.of(\"50m\", \"128Mi\", \"512Mi\")");
    required(memoryLimit, ModelPaths.app(Arguments.UNKNOWN) + "/resources", "Resources.of(…, memoryLimit)", "a memory limit", "Resources.of(\"50m\", \"128Mi\", \"512Mi\")");
    return ImmutableResources.of(cpuRequest, memoryRequest, memoryLimit);
  }

  /**
   * 50m CPU, 128Mi request, 512Mi limit. Default: what every app gets unless it sets its own.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">container resources</a>
   */
  public static Resources small() {
    return of("50m", "128Mi", "512Mi");
  }

  /**
   * Broken invariants: each amount must be a positive Kubernetes quantity (the renderers parse it,
   * and a typo such as {@code 1Gi1Gi} would stop the render), memory amounts must be at least 4Mi
   * (Docker's {@code 512m} is 0.512 bytes to Kubernetes, whose {@code m} is milli: no container
   * starts under such a limit), and the memory request must not be above the limit, which
   * kube-apiserver rejects ({@code must be less than or equal to memory limit}).
   */
  public List<Problem> violations() {
    Problems v = new Problems();
    quantity(v, "CPU request", cpuRequest(), "50m");
    quantity(v, "memory request", memoryRequest(), "128Mi");
    quantity(v, "memory limit", memoryLimit(), "512Mi");
    memory(v, "memory request", memoryRequest(), "128Mi");
    memory(v, "memory limit", memoryLimit(), "512Mi");
    Optional<BigDecimal> request = Quantities.value(memoryRequest()).filter(b -> !belowMinimum(memoryRequest()));
    Optional<BigDecimal> limit = Quantities.value(memoryLimit()).filter(b -> !belowMinimum(memoryLimit()));
    v.when(request.isPresent() && limit.isPresent() && request.get().compareTo(limit.get()) > 0, Checks.RESOURCE_REQUEST_LIMIT,
        () -> "memory request " + Texts.quote(memoryRequest()) + " is above the memory limit " + Texts.quote(memoryLimit())
            + ", which the API server rejects",
        "Raise the limit to at least the request, e.g. .resources(\"" + safe(cpuRequest(), "50m") + "\", \""
            + safe(memoryRequest(), "128Mi") + "\", \"" + safe(memoryRequest(), "128Mi") + "\"), or lower the request");
    return v.list();
  }

  private static void quantity(Problems v, String what, String value, String example) {
    v.when(!Quantities.isPositive(value), Checks.RESOURCE_QUANTITY,
        () -> what + " " + Texts.quote(value) + " is not a positive Kubernetes quantity",
        "Write it like \"" + example + "\" (CPU: 50m, 0.5, 2; memory: 512Mi, 1Gi, 1G)");
  }

  /** A positive amount below {@link #MIN_MEMORY}: a Docker-style {@code 512m}, or a byte count too small to run anything. */
  private static boolean belowMinimum(String value) {
    return Quantities.value(value).filter(b -> b.signum() > 0 && b.compareTo(MIN_MEMORY) < 0).isPresent();
  }

  private static void memory(Problems v, String what, String value, String example) {
    v.when(belowMinimum(value), Checks.MEMORY_MINIMUM,
        () -> what + " " + Texts.quote(value) + " is " + bytes(Quantities.value(value).orElseThrow()) + " bytes"
            + (value.endsWith("m") ? " (m is milli in Kubernetes)" : ", less than the 4Mi a container needs"),
        () -> "Write it in mebibytes, e.g. \"" + mebibytes(value, example) + "\" (at least 4Mi)");
  }

  /** A byte count to at most 3 decimals, e.g. {@code 0.512}; what rounds to nothing is {@code less than 0.001}. */
  private static String bytes(BigDecimal amount) {
    BigDecimal rounded = amount.setScale(3, RoundingMode.HALF_UP);
    return rounded.signum() == 0 ? "less than 0.001" : rounded.stripTrailingZeros().toPlainString();
  }

  /**
   * {@code 512m} and {@code 512} as {@code 512Mi}, what their author meant; {@code example} when that
   * is still below 4Mi, or a plain byte count above 64Ki (100000 bytes meant as MiB is unlikely).
   */
  private static String mebibytes(String value, String example) {
    boolean milli = value.endsWith("m");
    String number = milli ? value.substring(0, value.length() - 1) : value;
    if (!number.matches("\\d{1,6}")) {
      return example;
    }
    int n = Integer.parseInt(number);
    return n >= 4 && (milli || n <= 65536) ? number + "Mi" : example;
  }

  /** {@code value} when it is a quantity, else {@code example}: a fix never repeats a bad value. */
  private static String safe(String value, String example) {
    return Quantities.isPositive(value) ? value : example;
  }
}
