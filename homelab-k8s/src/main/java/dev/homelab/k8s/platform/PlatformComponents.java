package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import java.util.List;

/** The platform components, in folder order. */
public final class PlatformComponents {
  private PlatformComponents() {}

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
