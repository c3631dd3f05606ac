package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import java.util.List;

/**
 * The platform components, in folder order.
 *
 * <p>Internal: shared by the Kubernetes backend's packages; not part of the API.
 */
public final class PlatformComponents {
  private PlatformComponents() {}

  /** One instance of each platform component, in folder order. */
  public static List<Component> all() {
    return List.of(
        new ArcControllerComponent(),
        new CertManagerComponent(),
        new CrowdSecComponent(),
        new ExternalSecretsComponent(),
        new GitHubRunnersComponent(),
        new MonitoringComponent(),
        new NfsStorageComponent(),
        new UpgradesComponent());
  }
}
