package dev.homelab.model.app.preset;

import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.app.LabValue;
import dev.homelab.versions.VersionKey;

/**
 * Vaultwarden, a Bitwarden-compatible server. Quirks from dani-garcia/vaultwarden at 1.34.3:
 * {@code docker/Dockerfile.debian}, {@code docker/healthcheck.sh}, {@code .env.template},
 * {@code src/config.rs}.
 */
final class Vaultwarden {
  private Vaultwarden() {}

  static App app() {
    return App.of("vaultwarden", KnownApps.pinned(VersionKey.IMAGE_VAULTWARDEN))
        // The image listens on ROCKET_PORT=80; a port above 1024 needs no privilege at all.
        .port(8080)
        .env("ROCKET_PORT", "8080")
        // The image runs as root by default but needs only its data folder writable (fsGroup).
        .runAsUser(1000)
        // SQLite (DATA_FOLDER=/data, db.sqlite3) and the RSA keys: node-local, never NFS; the
        // database is copied consistently before a backup.
        .volume(AppVolume.claim("data", "/data", "1Gi").local())
        .sqliteDatabase("/data/db.sqlite3")
        // Links in mails and the WebAuthn origin (config.rs: domain, default http://localhost).
        .env("DOMAIN", LabValue.URL)
        // A password manager on the internet takes no sign-ups; the admin page invites users.
        .env("SIGNUPS_ALLOWED", "false")
        // /admin is enabled only with a token (config.rs: admin_token); Traefik sends X-Real-IP,
        // the header Vaultwarden logs as the client (IP_HEADER default).
        .env("ADMIN_TOKEN", SecretRef.of("vaultwarden-admin", "token"))
        .healthPath("/alive");  // docker/healthcheck.sh
  }
}
