package dev.homelab.model.app.preset;

import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.app.LabValue;
import dev.homelab.versions.VersionKey;

/**
 * Home Assistant from its container image, port 8123, configuration (and its SQLite recorder) on a
 * node-local volume.
 */
final class HomeAssistant {
  private HomeAssistant() {}

  /**
   * The first configuration.yaml, written once: HA and its users own it afterwards. It is HA's own
   * default (homeassistant/config.py DEFAULT_CONFIG, 2025.8) plus the packages folder, where the lab
   * keeps its settings current as read-only files.
   */
  static final String CONFIGURATION = """
      homeassistant:
        # The lab's settings (reverse proxy and more): the files of packages/. Keep this line.
        packages: !include_dir_named packages

      default_config:

      frontend:
        themes: !include_dir_merge_named themes

      automation: !include automations.yaml
      script: !include scripts.yaml
      scene: !include scenes.yaml
      """;

  /**
   * HA answers 400 to a forwarded request from a proxy it does not trust; Traefik connects from the
   * pod network (https://www.home-assistant.io/integrations/http/#reverse-proxies).
   */
  static final String REVERSE_PROXY = """
      http:
        use_x_forwarded_for: true
        trusted_proxies:
          - %s
      """.formatted(LabValue.CLUSTER_CIDR.token());

  static App app() {
    return App.of("homeassistant", KnownApps.pinned(VersionKey.IMAGE_HOME_ASSISTANT))
        .port(8123)
        // The image starts s6-overlay's /init, supported only as root (HA ADR 0013,
        // https://github.com/home-assistant/architecture/blob/master/adr/0013-home-assistant-container.md).
        .runAsRoot("Home Assistant's s6-overlay init runs only as root")
        // SQLite (the recorder's default home-assistant_v2.db): node-local, never NFS, and copied
        // consistently before a backup.
        .volume(AppVolume.claim("config", "/config", "5Gi").local())
        .sqliteDatabase("/config/home-assistant_v2.db")
        .seedFile("/config/configuration.yaml", CONFIGURATION)
        .seedFile("/config/automations.yaml", "[]\n")
        .seedFile("/config/scripts.yaml", "")
        .seedFile("/config/scenes.yaml", "")
        .configFile("/config/packages/homelab.yaml", REVERSE_PROXY)
        // With .uses(postgresOn(node)): the URL a recorder's db_url reads with !env_var HA_DB_URL
        // (https://www.home-assistant.io/integrations/recorder/#custom-database-engines).
        .databaseUrlEnv("HA_DB_URL")
        // Home Assistant Core loads every integration into one Python process, and a recorder
        // purge or a history query adds to it; the app default's 512Mi limit is below what a
        // house with a few dozen integrations uses. Its docs ask 2 GB for a whole HA system
        // (https://www.home-assistant.io/installation/generic-x86-64#suggested-hardware).
        .resources("100m", "512Mi", "1536Mi");
  }
}
