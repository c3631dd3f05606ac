package dev.homelab.validation;

import dev.homelab.model.app.Protocol;
import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.app.Probe;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppRulesTest {
  private static final String IMAGE = "ghcr.io/example/wiki:1.0.0";

  @Test
  void should_reject_a_port_out_of_range() {
    Expect.only(minimal().apps(app("wiki", IMAGE).port(0)), Checks.PORT,
        "homelab/apps/wiki: port 0 is not between 1 and 65535. Call .port(8080) with the container's port");
  }

  @Test
  void should_reject_a_startup_time_below_one_minute() {
    Expect.only(minimal().apps(app("wiki", IMAGE).startupMinutes(0)), Checks.STARTUP_MINUTES,
        "homelab/apps/wiki: startupMinutes is 0, at least 1 is needed. Call .startupMinutes(5)");
  }

  @Test
  void should_reject_zero_replicas() {
    Expect.only(minimal().apps(app("wiki", IMAGE).replicas(0)), Checks.REPLICAS,
        "homelab/apps/wiki: replicas is 0, at least 1 is needed. Call .replicas(1)");
  }

  @Test
  void should_reject_the_latest_tag() {
    Expect.only(minimal().apps(app("wiki", "ghcr.io/example/wiki:latest")), Checks.IMAGE_PINNED,
        "homelab/apps/wiki: image 'ghcr.io/example/wiki:latest' has no pinned tag. Pin a version, e.g. app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\")");
  }

  @Test
  void should_reject_an_image_without_tag_behind_a_registry_port() {
    Expect.only(minimal().apps(app("wiki", "registry.lan:5000/wiki")), Checks.IMAGE_PINNED,
        "homelab/apps/wiki: image 'registry.lan:5000/wiki' has no pinned tag. Pin a version, e.g. app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\")");
  }

  @Test
  void should_accept_an_image_pinned_by_digest() {
    Expect.none(minimal().apps(app("wiki", "ghcr.io/example/wiki@sha256:" + "0".repeat(64))));
  }

  @Test
  void should_reject_running_as_root() {
    Expect.only(minimal().apps(app("wiki", IMAGE).runAsUser(0)), Checks.RUN_AS_ROOT,
        "homelab/apps/wiki: runAsUser 0 runs the container as root. Call .runAsUser(1000) with the image's non-root UID, "
            + "or .runAsRoot(reason) if the image runs only as root");
  }

  @Test
  void should_reject_a_health_path_without_slash() {
    Expect.only(minimal().apps(app("wiki", IMAGE).healthPath("health")), Checks.HTTP_PATH,
        "homelab/apps/wiki: health path 'health' is not an absolute URL path. Call .healthPath(\"/health\")");
  }

  @Test
  void should_reject_an_exec_probe_without_command() {
    Expect.only(minimal().apps(app("wiki", IMAGE).execProbe()), Checks.PROBE_COMMAND,
        "homelab/apps/wiki: execProbe() has no command. Call .execProbe(\"/app/healthcheck\") with a command that fails when the app is unhealthy");
  }

  @Test
  void should_accept_tcp_and_exec_probes() {
    Expect.none(minimal().apps(app("wiki", IMAGE).tcpProbe(), app("queue", IMAGE).execProbe("/app/healthcheck", "--quiet")));
  }

  @Test
  void should_let_the_last_probe_choice_win() {
    assertThat(app("wiki", IMAGE).healthPath("/health").tcpProbe().probe()).isEqualTo(Probe.tcp());
    assertThat(app("wiki", IMAGE).tcpProbe().healthPath("/health").probe()).isEqualTo(Probe.http("/health"));
    assertThat(app("wiki", IMAGE).probe()).isEqualTo(Probe.http("/"));
  }

  @Test
  void should_reject_an_extra_port_out_of_range() {
    Expect.only(minimal().apps(app("wiki", IMAGE).extraPort("discovery", 70000, Protocol.UDP)), Checks.PORT,
        "homelab/apps/wiki/extraPorts/discovery: port 70000 is not between 1 and 65535. Call .extraPort(\"discovery\", ...) with the container's port, 1 to 65535");
  }

  @Test
  void should_reject_an_extra_port_name_longer_than_15_characters() {
    Expect.only(minimal().apps(app("wiki", IMAGE).extraPort("client-discovery", 7359, Protocol.UDP)), Checks.PORT_NAME,
        "homelab/apps/wiki/extraPorts/client-discovery: port name 'client-discovery' is not a DNS-1035 label of at most 15 characters. "
            + "Use lower case letters, digits and single '-', starting with a letter, e.g. \"client-discover\"");
  }

  @Test
  void should_reject_an_extra_port_name_starting_with_a_digit() {
    Expect.only(minimal().apps(app("wiki", IMAGE).extraPort("9p_Share", 564)), Checks.PORT_NAME,
        "homelab/apps/wiki/extraPorts/9p_Share: port name '9p_Share' is not a DNS-1035 label of at most 15 characters. "
            + "Use lower case letters, digits and single '-', starting with a letter, e.g. \"p-share\"");
  }

  @Test
  void should_reject_an_extra_port_named_http() {
    Expect.only(minimal().apps(app("wiki", IMAGE).extraPort("http", 8081)), Checks.PORT_UNIQUE,
        "homelab/apps/wiki/extraPorts/http: port name http is already used by the HTTP port. Give each port its own name");
  }

  @Test
  void should_reject_an_extra_port_on_the_http_port_number() {
    Expect.only(minimal().apps(app("wiki", IMAGE).port(8096).extraPort("web", 8096)), Checks.PORT_UNIQUE,
        "homelab/apps/wiki/extraPorts/web: port 8096/TCP is already used by the HTTP port. Declare each port and protocol once");
  }

  @Test
  void should_reject_two_extra_ports_with_one_name_or_one_number() {
    Expect.only(minimal().apps(app("wiki", IMAGE).extraPort("dlna", 1900, Protocol.UDP).extraPort("dlna", 1901, Protocol.UDP)
            .extraPort("ssdp", 1900, Protocol.UDP)), Checks.PORT_UNIQUE,
        "homelab/apps/wiki/extraPorts/dlna: port name dlna is already used by port dlna. Give each port its own name",
        "homelab/apps/wiki/extraPorts/ssdp: port 1900/UDP is already used by port dlna. Declare each port and protocol once");
  }

  @Test
  void should_accept_one_number_over_tcp_and_udp() {
    Expect.none(minimal().apps(app("wiki", IMAGE).port(8096).extraPort("dns-tcp", 53).extraPort("dns-udp", 53, Protocol.UDP)
        .extraPort("web-udp", 8096, Protocol.UDP)));
  }

  @Test
  void should_reject_an_invalid_env_name() {
    Expect.only(minimal().apps(app("wiki", IMAGE).env("WIKI-URL", "https://wiki.example.com")), Checks.ENV_NAME,
        "homelab/apps/wiki: environment variable 'WIKI-URL' is not a valid name. Use letters, digits and _, not starting with a digit, e.g. .env(\"WIKI_URL\", ...)");
  }

  @Test
  void should_reject_an_env_set_twice() {
    Expect.only(minimal().apps(app("wiki", IMAGE).env("DB_PASSWORD", "x").env("DB_PASSWORD", secret("wiki-db", "password"))),
        Checks.ENV_NAME,
        "homelab/apps/wiki: environment variable DB_PASSWORD is set both plainly and from a secret. Keep one of the two .env(\"DB_PASSWORD\", ...) calls");
  }

  @Test
  void should_reject_a_credential_with_a_plain_value() {
    Expect.only(minimal().apps(app("x", "ghcr.io/a/b:1").env("DB_PASSWORD", "plain-value")), Checks.ENV_PLAIN_SECRET,
        "homelab/apps/x: env DB_PASSWORD looks like a credential but has a plain value. "
            + "Use .env(\"DB_PASSWORD\", secret(\"x-db-password\", \"value\")) so it is read from a Secret");
  }

  @Test
  void should_reject_credential_names_in_any_case() {
    for (String name : java.util.List.of("api_token", "GITHUB_APIKEY", "Smtp_Passwd", "SSH_PRIVATE_KEY", "OIDC_CLIENT_SECRET", "X_API_KEY")) {
      assertThat(Expect.problems(minimal().apps(app("x", IMAGE).env(name, "plain-value"))))
          .as(name).extracting(Problem::check).containsExactly(Checks.ENV_PLAIN_SECRET);
    }
  }

  @Test
  void should_accept_plain_values_for_other_names_and_credentials_from_secrets() {
    assertThat(Expect.problems(minimal().apps(app("x", IMAGE)
        .env("DB_USER", "wiki").env("DB_HOST", "postgres").env("REDIS_HOST_PASSWORD", secret("redis-credentials", "password")))))
        .isEmpty();
  }

  @Test
  void should_reject_a_relative_mount_path() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("data", "data", "1Gi")), Checks.ABSOLUTE_PATH,
        "homelab/apps/wiki/volumes/data: mount path 'data' is not a plain absolute path. Mount it at an absolute path of letters, digits and ._-, e.g. \"/data\"");
  }

  @Test
  void should_reject_a_malformed_claim_size() {
    Expect.only(minimal().apps(app("wiki", IMAGE).volume("data", "/data", "1GB")), Checks.SIZE_QUANTITY,
        "homelab/apps/wiki/volumes/data: size '1GB' is not a quantity like 10Gi. Write the size like \"10Gi\"");
  }

  @Test
  void should_reject_an_internal_app_without_traefik() {
    Expect.only(minimal().domain("example.com").apps(app("wiki", IMAGE).internalVia(TRAEFIK)), Checks.EXPOSURE_NEEDS_TRAEFIK,
        "homelab/apps/wiki: internalVia(traefik) needs a managed Traefik. Call homelab.ingress(traefik())");
  }

  @Test
  void should_reject_an_app_routed_via_a_traefik_other_than_the_labs_ingress() {
    Expect.only(minimal().domain("example.com").loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(TRAEFIK)
            .apps(app("wiki", IMAGE).internalVia(traefik().entrypoints("websecure", "lan"))),
        Checks.ROUTES_VIA_LAB_INGRESS,
        "homelab/apps/wiki: internalVia(traefik) routes through entrypoint 'lan', but the lab's ingress has 'websecure-int' on that side. Pass the Traefik value given to homelab.ingress(...)");
  }

  @Test
  void should_accept_an_app_routed_via_the_ingress_changed_later_in_what_routes_do_not_depend_on() {
    Expect.none(minimal().domain("example.com").loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"))
        .ingress(TRAEFIK.replicas(3).chartVersion("41.3.0")).apps(app("wiki", IMAGE).internalVia(TRAEFIK)));
  }

  @Test
  void should_reject_an_internal_app_without_domain() {
    Expect.only(minimal().loadBalancer(pool("lan", "192.168.1.240-192.168.1.250")).ingress(TRAEFIK)
            .apps(app("wiki", IMAGE).internalVia(TRAEFIK)), Checks.INTERNAL_NEEDS_DOMAIN,
        "homelab/apps/wiki: internalVia(traefik) needs a domain for host wiki. Call homelab.domain(\"example.com\"), or give a full host name");
  }

  @Test
  void should_reject_an_admin_host_without_traefik() {
    Expect.only(minimal().domain("example.com").dataServices(rabbitmq("rabbitmq").adminHost("rabbitmq")), Checks.ADMIN_HOST_NEEDS_TRAEFIK,
        "homelab/dataServices/rabbitmq: adminHost(\"rabbitmq\") needs a managed Traefik. Call homelab.ingress(traefik()), or drop .adminHost(...)");
  }

  @Test
  void should_reject_an_invalid_host_name() {
    Expect.only(web().apps(app("wiki", IMAGE).internalVia(TRAEFIK).host("My_Wiki")), Checks.HOST_NAME,
        "homelab/apps/wiki: host name 'My_Wiki' is not a valid DNS name. Use lower case letters, digits, '-' and '.', e.g. host \"my-wiki\"");
  }

  @Test
  void should_reject_two_apps_on_one_host() {
    Expect.only(web().apps(app("wiki", IMAGE).internalVia(TRAEFIK), app("docs", IMAGE).internalVia(TRAEFIK).host("wiki")), Checks.HOST_UNIQUE,
        "homelab/apps/docs: host wiki.example.com is already used by app wiki. Give each route its own host name");
  }

  @Test
  void should_report_two_apps_of_one_name_once_not_also_their_shared_default_host() {
    Expect.only(web().apps(app("wiki", IMAGE).internalVia(TRAEFIK), app("wiki", "ghcr.io/example/wiki:2.0.0").internalVia(TRAEFIK)),
        Checks.UNIQUE_NAMES, "homelab/apps/wiki: two apps are called wiki. Give each app its own name");
  }

  @Test
  void should_still_reject_two_apps_of_one_name_on_a_host_they_both_chose() {
    List<String> found = Expect.problems(web().apps(app("wiki", IMAGE).internalVia(TRAEFIK).host("docs"),
        app("wiki", "ghcr.io/example/wiki:2.0.0").internalVia(TRAEFIK).host("docs"))).stream().map(Problem::toString).toList();

    assertThat(found).containsExactly(
        "homelab/apps/wiki: two apps are called wiki. Give each app its own name",
        "homelab/apps/wiki: host docs.example.com is already used by app wiki. Give each route its own host name");
  }

  @Test
  void should_reject_an_admin_ui_on_an_app_host() {
    Expect.only(web().apps(app("pihole-ui", IMAGE).internalVia(TRAEFIK).host("pihole"))
            .dataServices(pihole("pihole").loadBalancerIp("192.168.1.243").adminHost("pihole")), Checks.HOST_UNIQUE,
        "homelab/dataServices/pihole: host pihole.example.com is already used by app pihole-ui. Give each route its own host name");
  }

  @Test
  void should_reject_grafana_on_an_app_host() {
    Expect.only(web().apps(app("grafana", IMAGE).internalVia(TRAEFIK)).monitoring(monitoring()), Checks.HOST_UNIQUE,
        "homelab/monitoring: host grafana.example.com is already used by app grafana. Give each route its own host name");
  }

  @Test
  void should_reject_runs_on_an_unknown_node() {
    Expect.only(minimal().apps(app("wiki", IMAGE).runsOn(node("nuc"))), Checks.RUNS_ON_KNOWN,
        "homelab/apps/wiki: runsOn(...) names node nuc, which is not in the lab. Use one of the nodes: pi1");
  }

  @Test
  void should_reject_a_data_service_on_an_unknown_node() {
    Expect.only(minimal().dataServices(postgres("postgres").runsOn(node("nuc"))), Checks.RUNS_ON_KNOWN,
        "homelab/dataServices/postgres: runsOn(...) names node nuc, which is not in the lab. Use one of the nodes: pi1");
  }

  @Test
  void should_reject_an_app_using_a_service_of_another_kind_than_the_labs_of_that_name() {
    Expect.only(minimal().dataServices(redis("pg")).apps(app("wiki", IMAGE).uses(postgres("pg"))), Checks.USES_KNOWN,
        "homelab/apps/wiki: uses PostgreSQL pg, but the lab's pg is Redis. "
            + "Pass .uses(...) the service the lab defines, or name the PostgreSQL service otherwise");
  }

  @Test
  void should_reject_an_app_using_postgres_when_none_is_defined() {
    Expect.only(minimal().apps(app("wiki", IMAGE).uses(postgres("postgres"))), Checks.USES_KNOWN,
        "homelab/apps/wiki: uses data service postgres, which is not defined. Add it with homelab.dataServices(...)");
  }

  @Test
  void should_reject_an_arm64_only_image_pinned_to_an_amd64_node() {
    Expect.only(minimal().nodes(node("nuc").amd64()).apps(app("wiki", IMAGE).arches(Arch.ARM64).runsOn(node("nuc"))), Checks.ARCH_PINNED_NODE,
        "homelab/apps/wiki: image runs on arm64 only, but runsOn(...) names nuc, an amd64 node. Pin it to pi1, or fix .arches(...)");
  }

  @Test
  void should_reject_an_amd64_only_image_pinned_to_an_arm64_node() {
    Expect.only(minimal().apps(app("wiki", IMAGE).arches(Arch.AMD64).runsOn(node("pi1"))), Checks.ARCH_PINNED_NODE,
        "homelab/apps/wiki: image runs on amd64 only, but runsOn(...) names pi1, an arm64 node. Use an image for arm64 and fix .arches(...)");
  }

  @Test
  void should_reject_an_unpinned_image_of_an_arch_no_node_has() {
    Expect.only(minimal().apps(app("wiki", IMAGE).arches(Arch.AMD64)), Checks.ARCH_NO_NODE,
        "homelab/apps/wiki: image runs on amd64 only, and no node is amd64. Add such a node, or use a multi-arch image and drop .arches(...)");
  }

  @Test
  void should_accept_an_unpinned_single_arch_image_on_a_mixed_cluster() {
    Expect.none(minimal().nodes(node("nuc").amd64()).apps(app("wiki", IMAGE).arches(Arch.AMD64)));
  }

  @Test
  void should_reject_metrics_without_monitoring() {
    Expect.only(minimal().apps(app("wiki", IMAGE).metrics("/metrics")), Checks.METRICS_NEED_MONITORING,
        "homelab/apps/wiki: metrics(\"/metrics\") needs the monitoring stack. Call homelab.monitoring(monitoring()), or drop .metrics(...)");
  }

  @Test
  void should_reject_a_pihole_without_load_balancer_ip() {
    Expect.only(minimal().dataServices(pihole("pihole")), Checks.PIHOLE_LB_IP,
        "homelab/dataServices/pihole: Pi-hole serves no DNS to the LAN without a load-balancer IP. Call .loadBalancerIp(\"192.168.1.53\")");
  }

  @Test
  void should_reject_a_backup_of_pihole() {
    Expect.only(minimal().backups(offsite()).loadBalancer(pool("dns", "192.168.1.53/32").manualOnly())
            .dataServices(pihole("pihole").loadBalancerIp("192.168.1.53").backup(offsite())),
        Checks.DATA_BACKUP_KIND,
        "homelab/dataServices/pihole: Pi-hole holds no data to back up, the lab renders its settings again. Drop .backup(...) from pihole");
  }

  @Test
  void should_accept_backups_of_redis_and_rabbitmq() {
    Expect.none(minimal().backups(offsite()).dataServices(redis("redis").backup(offsite()), rabbitmq("rabbitmq").backup(offsite())));
  }

  @Test
  void should_require_the_database_of_a_backed_up_app_to_be_backed_up() {
    DataService db = postgres("db");
    Expect.only(minimal().backups(offsite()).dataServices(db, redis("cache"))
            .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").backup(offsite()).uses(db, redis("cache"))),
        Checks.APP_DATABASE_BACKED_UP,
        "homelab/dataServices/db: app wiki is backed up but its database here is not. Add .backup(offsite) to db");
  }

  @Test
  void should_accept_a_backed_up_app_whose_database_is_backed_up() {
    DataService db = postgres("db").backup(offsite());
    Expect.none(minimal().backups(offsite()).dataServices(db).apps(app("wiki", "ghcr.io/example/wiki:1.0.0").backup(offsite()).uses(db)));
  }

  @Test
  void should_reject_a_malformed_dump_schedule() {
    Expect.only(minimal().backups(offsite()).dataServices(postgres("postgres").backup(offsite()).backupSchedule("nightly")),
        Checks.CRON_SCHEDULE,
        "homelab/dataServices/postgres: backup schedule 'nightly' is not a five-field cron with values in range. Call .backupSchedule(\"30 2 * * *\") (minute hour day-of-month month day-of-week, Sunday is 0)");
  }

  @Test
  void should_reject_a_data_service_image_on_latest() {
    Expect.only(minimal().dataServices(redis("redis").image("redis:latest")), Checks.IMAGE_PINNED,
        "homelab/dataServices/redis: image 'redis:latest' has no pinned tag. Pin a version with .image(\"docker.io/library/redis:8.2.2\") or drop .image(...)");
  }

  @Test
  void should_reject_home_assistant_as_a_non_root_user() {
    Expect.only(minimal().apps(app("ha", "ghcr.io/home-assistant/home-assistant:2025.8.3")), Checks.ROOT_ONLY_IMAGE,
        "homelab/apps/ha: the Home Assistant image runs only as root (its s6-overlay init), so as uid 1000 it stops "
            + "before Home Assistant starts. Call .runAsRoot(\"Home Assistant's s6-overlay init runs only as root\")");
  }

  @Test
  void should_accept_home_assistant_as_root_with_a_reason() {
    assertThat(Expect.problems(minimal().apps(app("ha", "homeassistant/home-assistant:2025.8.3").runAsRoot("s6-overlay")))).isEmpty();
  }

  @Test
  void should_want_a_reason_to_run_as_root() {
    Expect.only(minimal().apps(app("ha", "ghcr.io/example/ha:1.0.0").runAsRoot(" ")), Checks.ROOT_REASON,
        "homelab/apps/ha: runAsRoot(...) needs a one-line reason of plain text. Say why the image must run as root, "
            + "e.g. .runAsRoot(\"s6-overlay init runs only as root\")");
  }

  @Test
  void should_check_the_name_schedule_and_command_of_a_cron_job() {
    assertThat(Expect.problems(minimal().apps(app("cloud", IMAGE).cronJob("Cron Job", "every 5 minutes")))
        .stream().map(Problem::toString).toList()).containsExactly(
        "homelab/apps/cloud/cronJobs/Cron Job: cron job name 'Cron Job' is not a short DNS label. "
            + "Use lower-case letters, digits and '-', at most 20 characters, e.g. \"cron\"",
        "homelab/apps/cloud/cronJobs/Cron Job: schedule 'every 5 minutes' is not a five-field cron expression. Write it like \"*/5 * * * *\"",
        "homelab/apps/cloud/cronJobs/Cron Job: cron job Cron Job has no command. Name the program and its arguments, "
            + "e.g. .cronJob(\"cron\", \"*/5 * * * *\", \"php\", \"-f\", \"/var/www/html/cron.php\")");
  }

  @Test
  void should_reject_an_empty_after_restore_command_with_its_position() {
    assertThat(Expect.problems(minimal().apps(app("cloud", IMAGE).afterRestore("php", "occ", "files:scan", "--all").afterRestore("")))
        .stream().map(Problem::toString).toList()).containsExactly(
        "homelab/apps/cloud: after-restore command 2 is empty. Name the program and its arguments, "
            + "e.g. .afterRestore(\"php\", \"occ\", \"files:scan\", \"--all\")");
  }

  @Test
  void should_reject_an_after_restore_word_the_readme_cannot_show_on_one_line() {
    assertThat(Expect.problems(minimal().apps(app("cloud", IMAGE).afterRestore("sh", "-c", "occ files:scan\nid")))
        .stream().map(Problem::toString).toList()).containsExactly(
        "homelab/apps/cloud: after-restore command 1 has a word that is blank, spans lines or holds a backtick or control character. "
            + "Give plain one-line words, e.g. .afterRestore(\"sh\", \"-c\", \"php occ files:scan --all && php occ maintenance:repair\")");
  }

  @Test
  void should_reject_a_null_after_restore_word_by_its_index() {
    assertThatThrownBy(() -> app("cloud", IMAGE).afterRestore("php", null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
            .hasToString("homelab/apps/cloud: .afterRestore(command[1]) got null. Pass the program and its arguments, "
                + "e.g. .afterRestore(\"php\", \"occ\", \"files:scan\", \"--all\")"));
  }

  @Test
  void should_reject_a_tab_between_the_fields_of_a_cron_schedule() {
    Expect.only(minimal().apps(app("cloud", IMAGE).cronJob("cleanup", "0\t3 * * *", "true")), Checks.CRON_SCHEDULE,
        "homelab/apps/cloud/cronJobs/cleanup: schedule '0\\t3 * * *' is not a five-field cron expression. "
            + "Write it like \"*/5 * * * *\"");
  }

  @Test
  void should_reject_a_non_breaking_space_in_a_backup_schedule() {
    Expect.only(minimal().dataServices(postgres("postgres").backupSchedule("30\u00a02 * * *").backup(offsite())).backups(offsite()), Checks.CRON_SCHEDULE,
        "homelab/dataServices/postgres: backup schedule '30\u00a02 * * *' is not a five-field cron with values in range. "
            + "Call .backupSchedule(\"30 2 * * *\") (minute hour day-of-month month day-of-week, Sunday is 0)");
  }

  @Test
  void should_reject_two_cron_jobs_of_one_name() {
    Expect.only(minimal().apps(app("cloud", IMAGE).cronJob("cron", "*/5 * * * *", "true").cronJob("cron", "0 * * * *", "true")),
        Checks.CRON_JOB_UNIQUE, "homelab/apps/cloud: two cron jobs have the same name. Give each .cronJob(...) its own name");
  }

  @Test
  void should_keep_what_a_secret_holds_on_one_line() {
    Expect.only(minimal().apps(app("cloud", IMAGE).env("DB_URL", secret("cloud-db", "url").holding("postgres://u:<p>@h/db\u2028# more"))),
        Checks.SECRET_NAME, "homelab/apps/cloud: the description of what a secret holds, 'postgres://u:<p>@h/db\\u2028# more', is not one line "
            + "of text. Describe it on one line without control characters or backticks, e.g. "
            + ".holding(\"postgresql://user:<password>@host:5432/db\")");
  }

  @Test
  void should_want_an_alert_receiver_name_that_is_a_dns_label() {
    Expect.only(minimal().monitoring(monitoring().receiver("Ops_1", dev.homelab.model.monitoring.AlertReceiver.Kind.WEBHOOK,
            secret("hook", "url"))), Checks.RECEIVER_NAME,
        "homelab/monitoring: alert receiver name 'Ops_1' is not a DNS label. Use lower-case letters, digits and '-', e.g. .receiver(\"ops\", ...)");
  }

  @Test
  void should_refuse_a_root_reason_that_no_yaml_comment_can_hold() {
    assertThat(Expect.problems(minimal().apps(app("ha", "ghcr.io/example/ha:1.0.0").runAsRoot("s6\uFFFE"))))
        .extracting(Problem::check).containsExactly(Checks.ROOT_REASON);
  }
}
