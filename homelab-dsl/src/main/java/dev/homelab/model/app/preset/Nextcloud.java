package dev.homelab.model.app.preset;

import dev.homelab.model.SecretRef;
import dev.homelab.model.app.App;
import dev.homelab.model.app.LabValue;
import dev.homelab.model.data.DataService;
import dev.homelab.model.data.Setting;
import dev.homelab.versions.VersionKey;

/**
 * Nextcloud from the official Apache image: one container serves PHP on port 80. Pair it with
 * {@code .uses(postgres, redis)}; without a database a public Nextcloud is refused
 * ({@code public-nextcloud-installs}), as it would serve its web installer.
 *
 * <p>Every quirk below is read from nextcloud/docker at commit 9a78a3478ea07190394c469c87ab85c73337ccba
 * (the 31.0.8 images): {@code 31/apache/Dockerfile}, {@code 31/apache/entrypoint.sh} and
 * {@code .config/*.config.php}.
 */
final class Nextcloud {
  private Nextcloud() {}

  static App app() {
    return App.of("nextcloud", KnownApps.pinned(VersionKey.IMAGE_NEXTCLOUD))
        // apache2-foreground listens on 80 (Dockerfile CMD); containerd lets a non-root UID bind it.
        .port(80)
        // www-data of the Debian image; as non-root the entrypoint runs as the current UID
        // (entrypoint.sh: uid="$(id -u)") and rsyncs without --chown.
        .runAsUser(33)
        // The whole installation: the entrypoint copies /usr/src/nextcloud here and upgrades it in place.
        // No SQLite with uses(postgres), so shared (NFS) storage is fine.
        .volume("data", "/var/www/html", "100Gi")
        // With REDIS_HOST the entrypoint writes redis-session.ini into PHP's root-owned conf.d.
        .writableDir("/usr/local/etc/php/conf.d")
        // Background jobs: the image's own crontab line (Dockerfile), else they run only when someone browses.
        .cronJob("cron", "*/5 * * * *", "php", "-f", "/var/www/html/cron.php")
        // After a restore: the nightly file backup and the database dump are taken at different
        // moments, so the file cache is rebuilt from the files, and sync clients are told the data
        // went back in time (admin manual, "Restoring backup": maintenance:data-fingerprint).
        .afterRestore("php", "/var/www/html/occ", "files:scan", "--all")
        .afterRestore("php", "/var/www/html/occ", "maintenance:data-fingerprint")
        // The image installs itself on first start with both admin variables (entrypoint.sh "New nextcloud instance").
        .env("NEXTCLOUD_ADMIN_USER", SecretRef.of("nextcloud-admin", "user"))
        .env("NEXTCLOUD_ADMIN_PASSWORD", SecretRef.of("nextcloud-admin", "password"))
        .env("NEXTCLOUD_TRUSTED_DOMAINS", LabValue.HOST)
        // Behind Traefik (.config/reverse-proxy.config.php): trust the pod network for X-Forwarded-For,
        // and build links to the public https address, also from cron (overwrite.cli.url).
        .env("TRUSTED_PROXIES", LabValue.CLUSTER_CIDR)
        .env("OVERWRITEPROTOCOL", "https")
        .env("OVERWRITEHOST", LabValue.HOST)
        .env("OVERWRITECLIURL", LabValue.URL)
        // .config/redis.config.php and entrypoint.sh read Redis as REDIS_HOST, REDIS_HOST_PORT,
        // REDIS_HOST_PASSWORD; .config/autoconfig.php reads POSTGRES_HOST, _DB, _USER, _PASSWORD (the defaults).
        .serviceEnv(DataService.Kind.REDIS, Setting.PORT, "REDIS_HOST_PORT")
        .serviceEnv(DataService.Kind.REDIS, Setting.PASSWORD, "REDIS_HOST_PASSWORD")
        .resources("250m", "512Mi", "2Gi")
        // status.php answers without a session (the image's documented health check).
        .healthPath("/status.php")
        // The first start copies Nextcloud onto its volume and installs it; upgrades migrate: no restarts meanwhile.
        .startupMinutes(30);
  }
}
