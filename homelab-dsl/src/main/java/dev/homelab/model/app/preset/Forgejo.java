package dev.homelab.model.app.preset;

import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.app.LabValue;
import dev.homelab.model.data.DataService;
import dev.homelab.model.data.Setting;
import dev.homelab.versions.VersionKey;

/**
 * Forgejo from its rootless image. The image's layout (USER 1000:1000, EXPOSE 3000, VOLUME
 * /var/lib/gitea and /etc/gitea, FORGEJO__section__KEY variables written into app.ini by
 * environment-to-ini) is Forgejo's {@code Dockerfile.rootless}, inherited from go-gitea/gitea's.
 * Settings: https://forgejo.org/docs/latest/admin/config-cheat-sheet/.
 */
final class Forgejo {
  /** Where the rootless image's app.ini template puts the SQLite database. */
  private static final String SQLITE_PATH = "/var/lib/gitea/data/gitea.db";

  private Forgejo() {}

  static App app() {
    return App.of("forgejo", KnownApps.pinned(VersionKey.IMAGE_FORGEJO))
        .port(3000)
        .runAsUser(1000)
        // Repositories and the SQLite database: node-local, never NFS; the database is copied
        // consistently before a backup (nothing to copy with PostgreSQL).
        .volume(AppVolume.claim("data", "/var/lib/gitea", "20Gi").local())
        .sqliteDatabase(SQLITE_PATH)
        // app.ini, where the first start writes the generated secrets (INTERNAL_TOKEN, JWT secrets).
        .volume(AppVolume.claim("config", "/etc/gitea", "1Gi").local())
        // No web installer: the settings below are the whole configuration.
        .env("FORGEJO__security__INSTALL_LOCK", "true")
        .env("FORGEJO__server__DOMAIN", LabValue.HOST)
        .env("FORGEJO__server__ROOT_URL", LabValue.URL.token() + "/")
        // Traefik routes HTTP only; clone over HTTPS.
        .env("FORGEJO__server__DISABLE_SSH", "true")
        // The first registered user would become the admin: accounts come from the admin only.
        .env("FORGEJO__service__DISABLE_REGISTRATION", "true")
        // Client addresses from X-Forwarded-For only when Traefik's pods send it.
        .env("FORGEJO__security__REVERSE_PROXY_TRUSTED_PROXIES", LabValue.CLUSTER_CIDR)
        .env("FORGEJO__database__DB_TYPE", "sqlite3")
        // Pinned, so the backup copies the file the app writes: the rootless image's app.ini template
        // says $GITEA_WORK_DIR/data/gitea.db, Forgejo's built-in default data/forgejo.db.
        .env("FORGEJO__database__PATH", SQLITE_PATH)
        // With .uses(postgres) and .env("FORGEJO__database__DB_TYPE", "postgres"); HOST takes the
        // default port 5432 when it has none.
        .serviceEnv(DataService.Kind.POSTGRES, Setting.HOST, "FORGEJO__database__HOST")
        .serviceEnv(DataService.Kind.POSTGRES, Setting.DATABASE, "FORGEJO__database__NAME")
        .serviceEnv(DataService.Kind.POSTGRES, Setting.USER, "FORGEJO__database__USER")
        .serviceEnv(DataService.Kind.POSTGRES, Setting.PASSWORD, "FORGEJO__database__PASSWD")
        .resources("100m", "256Mi", "1Gi")
        .healthPath("/api/healthz");
  }
}
