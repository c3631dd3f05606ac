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

  @Value.Parameter
  public abstract String cpuRequest();

  @Value.Parameter
  public abstract String memoryRequest();

  @Value.Parameter
  public abstract String memoryLimit();

  public static Resources of(String cpuRequest, String memoryRequest, String memoryLimit) {
    return ImmutableResources.of(cpuRequest, memoryRequest, memoryLimit);
  }

  /** 50m CPU, 128Mi request, 512Mi limit. */
  public static Resources small() {
    return of("50m", "128Mi", "512Mi");
  }
}
