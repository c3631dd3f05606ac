package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

/**
 * Every value is checked with the grammar of the tool that reads it, so that what validates also
 * renders; credentials are refused by their value; problem lines stay one short line each. The
 * credential fixtures are made-up shapes, none a real credential.
 */
class BadInputRulesTest {
  private static final String IMAGE = "ghcr.io/example/wiki:1.0.0";
  private static final String FAKE_GITHUB_TOKEN = "ghp_" + "x".repeat(36);

  @Test
  void should_reject_a_memory_request_that_is_no_quantity() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("50m", "1Gi1Gi", "2Gi")), Checks.RESOURCE_QUANTITY,
        "homelab/apps/wiki: memory request '1Gi1Gi' is not a positive Kubernetes quantity. "
            + "Write it like \"128Mi\" (CPU: 50m, 0.5, 2; memory: 512Mi, 1Gi, 1G)");
  }

  @Test
  void should_reject_cpu_and_limit_that_are_no_quantities() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("lots", "1Gi", "1 2")), Checks.RESOURCE_QUANTITY,
        "homelab/apps/wiki: CPU request 'lots' is not a positive Kubernetes quantity. Write it like \"50m\" (CPU: 50m, 0.5, 2; memory: 512Mi, 1Gi, 1G)",
        "homelab/apps/wiki: memory limit '1 2' is not a positive Kubernetes quantity. Write it like \"512Mi\" (CPU: 50m, 0.5, 2; memory: 512Mi, 1Gi, 1G)");
  }

  @Test
  void should_accept_every_quantity_form_the_api_server_reads() {
    Expect.none(minimal().apps(app("wiki", IMAGE).resources("0.5", "1e9", "1G")));
  }

  @Test
  void should_reject_docker_style_memory_amounts_that_kubernetes_reads_as_millibytes() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("100m", "256m", "512m")), Checks.MEMORY_MINIMUM,
        "homelab/apps/wiki: memory request '256m' is 0.256 bytes (m is milli in Kubernetes). Write it in mebibytes, e.g. \"256Mi\" (at least 4Mi)",
        "homelab/apps/wiki: memory limit '512m' is 0.512 bytes (m is milli in Kubernetes). Write it in mebibytes, e.g. \"512Mi\" (at least 4Mi)");
  }

  @Test
  void should_reject_a_memory_limit_of_a_few_bytes_once_not_also_as_below_the_request() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("50m", "128Mi", "512")), Checks.MEMORY_MINIMUM,
        "homelab/apps/wiki: memory limit '512' is 512 bytes, less than the 4Mi a container needs. Write it in mebibytes, e.g. \"512Mi\" (at least 4Mi)");
  }

  @Test
  void should_suggest_the_example_rather_than_a_huge_amount_for_a_large_byte_count_below_4mi() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("50m", "128Mi", "100000")), Checks.MEMORY_MINIMUM,
        "homelab/apps/wiki: memory limit '100000' is 100000 bytes, less than the 4Mi a container needs. Write it in mebibytes, e.g. \"512Mi\" (at least 4Mi)");
  }

  @Test
  void should_accept_memory_given_as_a_plain_byte_count_of_4mi_or_more() {
    Expect.none(minimal().apps(app("wiki", IMAGE).resources("50m", "4194304", "536870912")));
  }

  @Test
  void should_reject_a_memory_request_above_its_limit() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("50m", "2Gi", "1Gi")), Checks.RESOURCE_REQUEST_LIMIT,
        "homelab/apps/wiki: memory request '2Gi' is above the memory limit '1Gi', which the API server rejects. "
            + "Raise the limit to at least the request, e.g. .resources(\"50m\", \"2Gi\", \"2Gi\"), or lower the request");
  }

  @Test
  void should_compare_request_and_limit_across_units() {
    Expect.only(minimal().apps(app("wiki", IMAGE).resources("50m", "1100M", "1Gi")), Checks.RESOURCE_REQUEST_LIMIT,
        "homelab/apps/wiki: memory request '1100M' is above the memory limit '1Gi', which the API server rejects. "
            + "Raise the limit to at least the request, e.g. .resources(\"50m\", \"1100M\", \"1100M\"), or lower the request");
  }

  @Test
  void should_reject_an_upper_case_repository() {
    Expect.only(minimal().apps(app("wiki", "ghcr.io/Example/Wiki:1.0.0")), Checks.IMAGE_REFERENCE,
        "homelab/apps/wiki: image 'ghcr.io/Example/Wiki:1.0.0' is not an OCI image reference. "
            + "Use a lower-case repository and a tag or sha256 digest, e.g. app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\")");
  }

  @Test
  void should_reject_a_malformed_digest() {
    Expect.only(minimal().apps(app("wiki", "ghcr.io/example/wiki@sha256:1234")), Checks.IMAGE_REFERENCE,
        "homelab/apps/wiki: image 'ghcr.io/example/wiki@sha256:1234' is not an OCI image reference. "
            + "Use a lower-case repository and a tag or sha256 digest, e.g. app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\")");
  }

  @Test
  void should_reject_a_data_service_image_that_is_no_reference() {
    Expect.only(minimal().dataServices(redis("cache").image("Redis:8")), Checks.IMAGE_REFERENCE,
        "homelab/dataServices/cache: image 'Redis:8' is not an OCI image reference. "
            + "Use a lower-case repository and a tag or sha256 digest, e.g. .image(\"docker.io/library/redis:8.2.2\"), or drop .image(...)");
  }

  @Test
  void should_reject_a_cron_schedule_out_of_range() {
    Expect.only(minimal().dataServices(postgres("db").backupSchedule("99 99 * * *")), Checks.CRON_SCHEDULE,
        "homelab/dataServices/db: backup schedule '99 99 * * *' is not a five-field cron with values in range. "
            + "Call .backupSchedule(\"30 2 * * *\") (minute hour day-of-month month day-of-week, Sunday is 0)");
  }

  @Test
  void should_reject_an_admin_host_on_redis_which_has_no_admin_ui() {
    Expect.only(web().dataServices(redis("cache").adminHost("cache")), Checks.ADMIN_HOST_UI,
        "homelab/dataServices/cache: redis serves no admin UI to route adminHost(...) to. Drop .adminHost(...) from cache");
  }

  @Test
  void should_reject_an_oncalendar_schedule_that_would_inject_a_unit_line() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas"), "restic").paths("/srv/data").schedule("daily\nExecStart=/bin/sh")),
        Checks.CALENDAR_SCHEDULE,
        "homelab/resticBackups/local: schedule 'daily\\nExecStart=/bin/sh' is not a systemd OnCalendar event. "
            + "Call .schedule(\"daily\") or .schedule(\"*-*-* 03:30:00\")");
  }

  @Test
  void should_reject_a_backup_path_with_a_space() {
    Expect.only(withNas(minimal()).resticBackups(restic("local", node("nas"), "restic").paths("/srv/my data")), Checks.ABSOLUTE_PATH,
        "homelab/resticBackups/local: path '/srv/my data' is not a plain absolute path. "
            + "Back up absolute host paths of letters, digits and ._-, such as \"/srv/data\"");
  }

  @Test
  void should_reject_export_options_that_are_no_option_list() {
    Lab lab = minimal().nodes(node("nas").ip("192.168.1.20").disks(
        mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs().exportOptions("rw sync\n/ *(rw)")));
    Expect.only(lab, Checks.EXPORT_OPTIONS,
        "homelab/nodes/nas/disks/media: NFS export options 'rw sync\\n/ *(rw)' are not a comma-separated option list. "
            + "Call .exportOptions(\"rw,sync,no_subtree_check,no_root_squash\")");
  }

  @Test
  void should_reject_a_vpn_endpoint_with_a_port() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("vpn.example.com:51820")), Checks.ENDPOINT_HOST,
        "homelab/vpn: endpoint 'vpn.example.com:51820' is neither a host name nor an IPv4 address. "
            + "Call .endpoint(\"vpn.example.com\") with the name or public IP peers dial, without port or scheme");
  }

  @Test
  void should_reject_a_token_in_a_plain_env_value() {
    Expect.only(minimal().apps(app("wiki", IMAGE).env("GIT_REMOTE_AUTH", FAKE_GITHUB_TOKEN)), Checks.PLAIN_SECRET_VALUE,
        "homelab/apps/wiki: env GIT_REMOTE_AUTH holds a GitHub token as a plain value. "
            + "Use .env(\"GIT_REMOTE_AUTH\", secret(\"wiki-git-remote-auth\", \"value\")) so it is read from a Secret");
  }

  @Test
  void should_reject_a_password_in_a_url_env_value() {
    Expect.only(minimal().apps(app("wiki", IMAGE).env("DATABASE_URL", "postgres://wiki:hunter2@db:5432/wiki")), Checks.PLAIN_SECRET_VALUE,
        "homelab/apps/wiki: env DATABASE_URL holds a password in a URL (user:password@) as a plain value. "
            + "Use .env(\"DATABASE_URL\", secret(\"wiki-database-url\", \"value\")) so it is read from a Secret");
  }

  @Test
  void should_reject_credentials_in_an_s3_endpoint() {
    Expect.only(minimal().backups(s3("offsite", "https://key:hunter2@s3.example.net", "example-bucket")), Checks.PLAIN_SECRET_VALUE,
        "homelab/backups/offsite: endpoint holds a password in a URL (user:password@). "
            + "Drop them from the URL, e.g. \"https://s3.example.com\": the keys are read from secret(\"s3-offsite\", \"access-key-id\") "
            + "and its key secret-access-key");
  }

  @Test
  void should_reject_a_password_on_an_exec_probe_command_line() {
    Expect.only(minimal().apps(app("wiki", IMAGE).execProbe("mysqladmin", "ping", "-phunter2")), Checks.PLAIN_SECRET_VALUE,
        "homelab/apps/wiki: execProbe(...) holds a password on the command line. Let the command read the password from an env "
            + "variable set with .env(\"DB_PASSWORD\", secret(...)), e.g. .execProbe(\"sh\", \"-c\", \"MYSQL_PWD=\\\"$DB_PASSWORD\\\" mysqladmin ping\")");
  }

  @Test
  void should_reject_a_token_in_a_health_path() {
    Expect.only(minimal().apps(app("wiki", IMAGE).healthPath("/health?token=abc")), Checks.PLAIN_SECRET_VALUE,
        "homelab/apps/wiki: health path holds a credential in a query parameter. Probe a path that needs no credentials, "
            + "e.g. .healthPath(\"/healthz\"), or .tcpProbe(); keep credentials in a secret(...)");
  }

  @Test
  void should_reject_a_key_in_a_metrics_path() {
    Lab lab = minimal().monitoring(monitoring()).apps(app("wiki", IMAGE).metrics("/metrics?key=abc"));
    assertThat(Expect.problems(lab)).filteredOn(p -> p.check().equals(Checks.PLAIN_SECRET_VALUE)).extracting(Problem::toString)
        .containsExactly("homelab/apps/wiki: metrics path holds a credential in a query parameter. "
            + "Scrape a path without credentials, e.g. .metrics(\"/metrics\"); keep credentials in a secret(...)");
  }

  @Test
  void should_reject_a_password_looking_node_label() {
    Lab lab = homelab("test").lan("192.168.1.0/24").cluster(k3s("v1.33.4+k3s1"))
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11").label("admin-password", "hunter2"));
    Expect.only(lab, Checks.PLAIN_SECRET_VALUE,
        "homelab/nodes/pi1: label admin-password looks like it holds a credential, and labels are public to every reader of "
            + "the cluster. Drop the label; keep credentials in a secret(...) that the app reads");
  }

  @Test
  void should_reject_a_private_key_in_a_config_file() {
    Expect.only(minimal().apps(app("wiki", IMAGE).configFile("/etc/wiki/key.pem", "-----BEGIN PRIVATE KEY-----\nMII...")),
        Checks.PLAIN_SECRET_VALUE,
        "homelab/apps/wiki: config file '/etc/wiki/key.pem' holds a private key. Keep the credential in a secret(...) and read it "
            + "from an env variable, e.g. .env(\"APP_TOKEN\", secret(\"wiki-token\", \"value\"))");
  }

  @Test
  void should_suggest_a_corrected_env_name_never_the_bad_one() {
    Expect.only(minimal().apps(app("wiki", IMAGE).env("1BAD", "x")), Checks.ENV_NAME,
        "homelab/apps/wiki: environment variable '1BAD' is not a valid name. "
            + "Use letters, digits and _, not starting with a digit, e.g. .env(\"_1BAD\", ...)");
  }

  @Test
  void should_suggest_a_placeholder_path_when_the_bad_one_cannot_be_mended() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("data", "data dir", "1Gi")), Checks.ABSOLUTE_PATH,
        "homelab/apps/wiki/volumes/data: mount path 'data dir' is not a plain absolute path. "
            + "Mount it at an absolute path of letters, digits and ._-, e.g. \"/data\"");
  }

  @Test
  void should_reject_an_sqlite_database_that_is_not_on_a_claim_of_the_app() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume(claim("data", "/data", "1Gi").local()).sqliteDatabase("/srv/wiki/wiki.db")),
        Checks.SQLITE_PATH, "homelab/apps/wiki: SQLite database '/srv/wiki/wiki.db' is on none of the app's claims. "
            + "Mount a claim over its folder, e.g. .volume(claim(\"data\", \"/srv/wiki\", \"1Gi\").local())");
    Expect.only(minimal().apps(app("wiki", IMAGE).volume(claim("data", "/data", "1Gi").local()).sqliteDatabase("/data/../wiki.db")),
        Checks.SQLITE_PATH, "homelab/apps/wiki: SQLite database '/data/../wiki.db' is not a plain absolute path. "
            + "Give its absolute path in the container, in letters, digits and ._-, e.g. .sqliteDatabase(\"/data/app.db\")");
  }

  @Test
  void should_show_a_user_newline_escaped_and_long_text_shortened() {
    String longImage = "ghcr.io/example/" + "w".repeat(80) + ":latest";
    Lab lab = minimal().apps(app("wiki", longImage).healthPath("/a\nb"));
    assertThat(Expect.problems(lab)).extracting(Problem::toString).containsExactly(
        "homelab/apps/wiki: image 'ghcr.io/example/wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww…' has no pinned tag. "
            + "Pin a version, e.g. app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\")",
        "homelab/apps/wiki: health path '/a\\nb' is not an absolute URL path. Call .healthPath(\"/healthz\")");
  }

  @Test
  void should_keep_every_problem_line_on_one_line() {
    Lab lab = minimal().apps(app("wiki", IMAGE).env("A\nB", "x").runsOn(node("pi\n1")));
    assertThat(Expect.problems(lab)).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).doesNotContain("\n"));
  }

  @Test
  void should_reject_an_nfs_sub_directory_that_leaves_the_export() {
    Expect.only(withNas(minimal()).storage(nfsStorageClass("nfs-data", node("nas"), "data").subPath("../etc")), Checks.NFS_SUB_PATH,
        "homelab/storage/nfs-data: NFS sub-directory '../etc' is not a relative path of letters, digits and ._-. Call .subPath(\"k8s\")");
  }

  @Test
  void should_reject_a_terraform_state_key_with_a_newline() {
    Expect.only(minimal().backups(offsite()).terraformState(terraformState(offsite()).key("state\nkey")), Checks.TERRAFORM_STATE_KEY,
        "homelab/terraformState: state key 'state\\nkey' is not a relative path of letters, digits and ._-. "
            + "Call .key(\"terraform/homelab.tfstate\")");
  }

  @Test
  void should_reject_a_chart_version_that_is_no_release() {
    Expect.only(minimal().loadBalancer(LAN_POOL).ingress(traefik().chartVersion("latest")), Checks.CHART_VERSION,
        "homelab/ingress: chart version 'latest' is not a release version like 41.3.0. "
            + "Call .chartVersion(\"41.3.0\") with a release of the Traefik Helm chart");
  }

  @Test
  void should_reject_a_domain_that_is_no_dns_name() {
    Expect.only(minimal().domain("Example_Com"), Checks.DOMAIN_NAME,
        "homelab: domain 'Example_Com' is not a lower-case DNS name with a dot. Call homelab.domain(\"example.com\") with the zone "
            + "your hosts live in");
  }
}
