package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.app.App;
import dev.homelab.model.data.DataService;
import org.junit.jupiter.api.Test;

/** Writable directories, config and seed files of apps, and the Nextcloud installer rule. */
class AppFilesRulesTest {
  private static final String IMAGE = "ghcr.io/example/wiki:1.0.0";
  private static final String NEXTCLOUD = "docker.io/library/nextcloud:31.0.8-apache";

  @Test
  void should_reject_two_volumes_mounted_at_one_path() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("data", "/data", "1Gi").volume("cache", "/data", "1Gi")), Checks.MOUNT_PATH_UNIQUE,
        "homelab/apps/wiki/volumes/cache: volume cache is mounted at /data like volume data, and a container mounts one volume per path. "
            + "Mount it at a path of its own, e.g. '/cache'");
  }

  @Test
  void should_accept_a_volume_mounted_inside_another() {
    Expect.none(minimal().apps(app("wiki", IMAGE).volume("data", "/data", "1Gi").volume("cache", "/data/cache", "1Gi")));
  }

  @Test
  void should_reject_a_relative_writable_dir() {
    Expect.only(minimal().apps(app("wiki", IMAGE).writableDir("etc/wiki")), Checks.WRITABLE_DIR,
        "homelab/apps/wiki: writable directory 'etc/wiki' is not a plain absolute path. Name the image's directory, e.g. .writableDir(\"/usr/local/etc/php/conf.d\")");
  }

  @Test
  void should_reject_a_writable_dir_overlapping_a_volume() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("data", "/var/www", "1Gi").writableDir("/var/www/html")),
        Checks.WRITABLE_DIR,
        "homelab/apps/wiki: writable directory /var/www/html overlaps volume data at /var/www. Drop .writableDir(\"/var/www/html\") since a volume is writable already, or mount the volume elsewhere");
  }

  @Test
  void should_reject_nested_writable_dirs() {
    Expect.only(minimal().apps(app("wiki", IMAGE).writableDir("/etc/wiki").writableDir("/etc/wiki/conf.d")),
        Checks.WRITABLE_DIR,
        "homelab/apps/wiki: writable directory /etc/wiki/conf.d overlaps writable directory /etc/wiki. Keep only the outer one of the two .writableDir(...) calls");
  }

  @Test
  void should_accept_a_writable_dir_beside_a_volume() {
    Expect.none(minimal().apps(app("wiki", IMAGE).volume("data", "/var/www/html", "1Gi")
        .writableDir("/usr/local/etc/php/conf.d")));
  }

  @Test
  void should_reject_a_config_file_path_a_shell_would_split() {
    Expect.only(minimal().apps(app("wiki", IMAGE).configFile("/etc/my wiki.conf", "")), Checks.FILE_PATH,
        "homelab/apps/wiki: config file '/etc/my wiki.conf' is not a plain absolute path. Use letters, digits, '.', '_' and '-' between slashes, e.g. \"/config/app.yaml\"");
  }

  @Test
  void should_reject_a_config_file_over_a_volume() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("config", "/config", "1Gi").configFile("/config", "")),
        Checks.FILE_PATH,
        "homelab/apps/wiki: config file /config collides with volume config at '/config'. Put the file below the volume's mount path or elsewhere");
  }

  @Test
  void should_reject_a_seed_file_on_no_volume() {
    Expect.only(minimal().apps(app("wiki", IMAGE).seedFile("/etc/wiki.yaml", "a: 1\n")), Checks.SEED_FILE_ON_VOLUME,
        "homelab/apps/wiki: seed file /etc/wiki.yaml is on no volume, so it would be written again at every start. Put it below a volume's mount path, or use .configFile(\"/etc/wiki.yaml\", ...) for a file the app never changes");
  }

  @Test
  void should_reject_a_file_that_is_both_config_and_seed() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("config", "/config", "1Gi")
            .configFile("/config/a.yaml", "").seedFile("/config/a.yaml", "")), Checks.FILE_PATH,
        "homelab/apps/wiki: file '/config/a.yaml' is both a config file and a seed file. Keep one of .configFile(...) and .seedFile(...) for it");
  }

  @Test
  void should_accept_config_and_seed_files_inside_a_volume() {
    Expect.none(minimal().apps(app("wiki", IMAGE).volume("config", "/config", "1Gi")
        .seedFile("/config/configuration.yaml", "a: 1\n").configFile("/config/packages/lab.yaml", "b: 2\n")));
  }

  @Test
  void should_reject_a_public_nextcloud_without_admin_credentials() {
    Expect.only(web().apps(app("cloud", NEXTCLOUD).port(80).publicVia(TRAEFIK)), Checks.PUBLIC_NEXTCLOUD_INSTALLS,
        "homelab/apps/cloud: public Nextcloud without NEXTCLOUD_ADMIN_USER and NEXTCLOUD_ADMIN_PASSWORD serves its web installer to the internet. Call .env(\"NEXTCLOUD_ADMIN_USER\", secret(\"cloud-admin\", \"user\")).env(\"NEXTCLOUD_ADMIN_PASSWORD\", secret(\"cloud-admin\", \"password\")) so the image installs itself on first start");
  }

  @Test
  void should_reject_a_public_nextcloud_pinned_by_digest_without_admin_password() {
    Expect.only(web().apps(app("cloud", "nextcloud@sha256:" + "0".repeat(64)).port(80).publicVia(TRAEFIK)
            .env("NEXTCLOUD_ADMIN_USER", "admin")), Checks.PUBLIC_NEXTCLOUD_INSTALLS,
        "homelab/apps/cloud: public Nextcloud without NEXTCLOUD_ADMIN_PASSWORD serves its web installer to the internet. Call .env(\"NEXTCLOUD_ADMIN_USER\", secret(\"cloud-admin\", \"user\")).env(\"NEXTCLOUD_ADMIN_PASSWORD\", secret(\"cloud-admin\", \"password\")) so the image installs itself on first start");
  }

  @Test
  void should_reject_a_public_nextcloud_with_admin_but_no_complete_database() {
    Expect.only(web().apps(admin(app("cloud", NEXTCLOUD).port(80).publicVia(TRAEFIK)).env("POSTGRES_HOST", "db")),
        Checks.PUBLIC_NEXTCLOUD_INSTALLS,
        "homelab/apps/cloud: public Nextcloud without a complete database configuration serves its web installer to the internet. Call .uses(postgres), which sets POSTGRES_HOST, POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD, or .env(\"SQLITE_DATABASE\", \"nextcloud\"), so the image installs itself on first start");
  }

  @Test
  void should_accept_a_public_nextcloud_that_installs_itself_into_its_postgres_database() {
    DataService postgres = postgres("postgres");
    Expect.none(web().dataServices(postgres).apps(admin(app("cloud", NEXTCLOUD).port(80).publicVia(TRAEFIK)
        .uses(postgres)
        .env("POSTGRES_HOST", postgres.host())
        .env("POSTGRES_DB", postgres.databaseFor("cloud"))
        .env("POSTGRES_USER", postgres.databaseFor("cloud"))
        .env("POSTGRES_PASSWORD", postgres.credentialsFor("cloud")))));
  }

  @Test
  void should_leave_internal_nextcloud_and_other_images_alone() {
    Expect.none(web().apps(app("cloud", NEXTCLOUD).port(80).internalVia(TRAEFIK),
        app("next", "ghcr.io/example/nextcloud-fork:1.0.0").port(80).publicVia(TRAEFIK)));
  }

  @Test
  void should_name_each_apps_database_credentials_by_one_convention() {
    DataService postgres = postgres("postgres");

    assertThat(postgres.credentialsFor("nextcloud")).isEqualTo(secret("nextcloud-db", "password"));
    assertThat(postgres.credentialsFor(app("wiki", IMAGE))).isEqualTo(secret("wiki-db", "password"));
    assertThat(postgres.databaseFor("wiki")).isEqualTo("wiki");
    assertThat(postgres.host()).isEqualTo("postgres.postgres.svc.cluster.local");
  }

  private static App admin(App app) {
    return app.env("NEXTCLOUD_ADMIN_USER", secret("cloud-admin", "user"))
        .env("NEXTCLOUD_ADMIN_PASSWORD", secret("cloud-admin", "password"));
  }
}
