package dev.homelab.model.app;

import dev.homelab.model.HomelabStyle;
import org.immutables.value.Value;

/**
 * Container resources: CPU request, memory request and memory limit.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/">resources</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Resources {
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
}
