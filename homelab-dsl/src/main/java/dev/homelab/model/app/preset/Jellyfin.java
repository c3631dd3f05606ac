package dev.homelab.model.app.preset;

import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.app.LabValue;
import dev.homelab.versions.VersionKey;

/**
 * Jellyfin from its official image. Quirks from jellyfin/jellyfin-packaging
 * {@code docker/Dockerfile} at v10.10.7-202504051515 and jellyfin/jellyfin at v10.10.7.
 */
final class Jellyfin {
  private Jellyfin() {}

  /**
   * Jellyfin reads forwarded headers only from its KnownProxies, which accept subnets
   * (Jellyfin.Server/Extensions/ApiServiceCollectionExtensions.cs, AddProxyAddresses), and only from
   * network.xml in its config folder (JELLYFIN_CONFIG_DIR=/config/config): written once, so a change
   * in the dashboard stays; missing settings keep their defaults.
   */
  static final String NETWORK = """
      <?xml version="1.0" encoding="utf-8"?>
      <NetworkConfiguration xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
        <KnownProxies>
          <string>%s</string>
        </KnownProxies>
      </NetworkConfiguration>
      """.formatted(LabValue.CLUSTER_CIDR.token());

  static App app() {
    return App.of("jellyfin", KnownApps.pinned(VersionKey.IMAGE_JELLYFIN))
        .port(8096)  // Dockerfile EXPOSE 8096
        // The image has no USER and makes /config and /cache writable to any UID (chmod 777).
        .runAsUser(1000)
        // The databases are SQLite (JELLYFIN_DATA_DIR=/config, its data/ holds library.db and
        // jellyfin.db): node-local, never NFS, and copied consistently before a backup.
        .volume(AppVolume.claim("config", "/config", "10Gi").local())
        .sqliteDatabase("/config/data/library.db")
        .sqliteDatabase("/config/data/jellyfin.db")
        .seedFile("/config/config/network.xml", NETWORK)
        // The address clients are given (Program.cs reads JELLYFIN_* variables as settings: PublishedServerUrl).
        .env("JELLYFIN_PublishedServerUrl", LabValue.URL)
        // Transcoding and image extraction run ffmpeg in the pod.
        .resources("500m", "1Gi", "3Gi")
        .healthPath("/health");  // the image's HEALTHCHECK_URL
  }
}
