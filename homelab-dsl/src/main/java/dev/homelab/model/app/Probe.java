package dev.homelab.model.app;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.SecretShapes;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How Kubernetes checks that an app is ready and alive: an HTTP GET on the HTTP port (the default),
 * a TCP connect to it (apps that speak no HTTP there), or a command in the container (workers
 * without a port). One probe serves both readiness and liveness.
 *
 * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/">probes</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Probe {
  Probe() {}

  /** What the probe does. */
  public enum Kind {
    /** HTTP GET of {@link #path()} on the HTTP port; any 2xx or 3xx answer passes. */
    HTTP,
    /** Opens a TCP connection to the HTTP port. */
    TCP,
    /** Runs {@link #command()} in the container; exit code 0 passes. */
    EXEC
  }

  /**
   * Kind of probe. Required.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/">probes</a>
   */
  @Value.Parameter
  public abstract Kind kind();

  /**
   * Path of an HTTP probe. Default: empty; {@link #http(String)} sets it.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-http-request">HTTP probes</a>
   */
  public abstract Optional<String> path();

  /**
   * Command of an exec probe, run without a shell. Default: empty; {@link #exec(String...)} sets it.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command">exec probes</a>
   */
  public abstract List<String> command();

  /**
   * HTTP GET of {@code path} on the HTTP port; prefer {@link App#healthPath(String)}. Required: the path.
   * Default for every app: {@code http("/")}.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-http-request">HTTP probes</a>
   */
  public static Probe http(String path) {
    required(path, ModelPaths.app(Arguments.UNKNOWN) + "/probe", "Probe.http(path)", "an absolute URL path", ".healthPath(\"/health\")");
    return ImmutableProbe.of(Kind.HTTP).withPath(path);
  }

  /**
   * TCP connect to the HTTP port; prefer {@link App#tcpProbe()}. Default: none, apps probe over HTTP.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe">TCP probes</a>
   */
  public static Probe tcp() {
    return ImmutableProbe.of(Kind.TCP);
  }

  /**
   * Runs {@code command} in the container; prefer {@link App#execProbe(String...)}. Required: the command.
   * Default: none, apps probe over HTTP.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command">exec probes</a>
   */
  public static Probe exec(String... command) {
    requiredEach(command, ModelPaths.app(Arguments.UNKNOWN) + "/probe", "Probe.exec(command)", "the program and its arguments", ".execProbe(\"redis-cli\", \"ping\")");
    return ImmutableProbe.of(Kind.EXEC).withCommand(command);
  }

  /** Broken invariants of this probe; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems();
    path().ifPresent(p -> {
      v.when(!HttpPaths.isPath(p), Checks.HTTP_PATH, () -> "health path " + Texts.quote(p) + " is not an absolute URL path",
          () -> "Call .healthPath(\"" + HttpPaths.suggest(p, "/healthz") + "\")");
      SecretShapes.inText(p).ifPresent(shape -> v.add(Checks.PLAIN_SECRET_VALUE, "health path holds " + shape,
          "Probe a path that needs no credentials, e.g. .healthPath(\"/healthz\"), or .tcpProbe(); keep credentials in a secret(...)"));
    });
    SecretShapes.inCommand(command()).ifPresent(shape -> v.add(Checks.PLAIN_SECRET_VALUE, "execProbe(...) holds " + shape,
        "Let the command read the password from an env variable set with .env(\"DB_PASSWORD\", secret(...)), "
            + "e.g. .execProbe(\"sh\", \"-c\", \"MYSQL_PWD=\\\"$DB_PASSWORD\\\" mysqladmin ping\")"));
    v.when(kind() == Kind.EXEC && (command().isEmpty() || command().get(0).isBlank()), Checks.PROBE_COMMAND,
        () -> "execProbe() has no command", "Call .execProbe(\"/app/healthcheck\") with a command that fails when the app is unhealthy");
    return v.list();
  }
}
