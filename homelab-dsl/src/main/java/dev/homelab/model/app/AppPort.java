package dev.homelab.model.app;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A port of an app besides its HTTP port, e.g. {@code extraPort("discovery", 7359, Protocol.UDP)}: a container
 * port and a port of the app's Service, reachable inside the app's namespace only (routes and
 * NetworkPolicies keep to the HTTP port).
 *
 * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services">multi-port Services</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class AppPort {
  AppPort() {}

  /**
   * Port name: a DNS-1035 label of at most 15 characters, as Kubernetes requires of port names. Required.
   *
   * @see <a href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports">container ports</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Port number, 1 to 65535. Required.
   *
   * @see <a href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports">container ports</a>
   */
  @Value.Parameter
  public abstract int port();

  /**
   * Protocol. Required; {@link App#extraPort(String, int)} passes {@code TCP}.
   *
   * @see <a href="https://kubernetes.io/docs/reference/networking/service-protocols/">Service protocols</a>
   */
  @Value.Parameter
  public abstract Protocol protocol();

  /**
   * A port; prefer {@link App#extraPort(String, int, Protocol)}. Required: name, port and protocol; nothing has a default.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services">multi-port Services</a>
   */
  public static AppPort of(String name, int port, Protocol protocol) {
    required(name, ModelPaths.app(Arguments.UNKNOWN) + "/extraPorts/" + nameOrUnknown(name), "AppPort.of(name, …)", "the port's name", "AppPort.of(\"discovery\", 7359, Protocol.UDP)");
    required(protocol, ModelPaths.app(Arguments.UNKNOWN) + "/extraPorts/" + nameOrUnknown(name), "AppPort.of(…, protocol)", "a protocol", "AppPort.of(\"discovery\", 7359, Protocol.UDP)");
    return ImmutableAppPort.of(name, port, protocol);
  }

  /** {@code 7359/UDP}: how problems and duplicates name the port. */
  String number() {
    return port() + "/" + protocol();
  }

  /** Broken invariants of this port; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isPort(port()), Checks.PORT, () -> "port " + port() + " is not between 1 and 65535",
            "Call .extraPort(\"" + name() + "\", ...) with the container's port, 1 to 65535")
        .when(!Names.isPortName(name()), Checks.PORT_NAME,
            () -> "port name " + Texts.quote(name()) + " is not a DNS-1035 label of at most 15 characters",
            () -> "Use lower case letters, digits and single '-', starting with a letter, e.g. \"" + suggest(name()) + "\"")
        .list();
  }

  /** A valid port name close to {@code name}: lower case, '-' for the rest, starting with a letter, at most 15. */
  static String suggest(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceFirst("^[^a-z]+", "");
    s = s.substring(0, Math.min(15, s.length())).replaceFirst("-+$", "");
    return s.isEmpty() ? "extra" : s;
  }
}
