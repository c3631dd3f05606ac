package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL roles per app, Redis' password file and the SECRETS.md they need. */
class DataServicesTest {
  private static final RenderedFiles FILES = new KubernetesBackend().render(TestLabs.referenceLike());
  private static final Rendered OUT = Rendered.of(FILES);

  @Test
  void should_create_a_role_and_database_per_app_using_postgres_in_a_job_of_its_namespace() {
    JsonNode job = only(OUT.kind("Job").stream().filter(j -> Rendered.namespace(j).equals("postgres")).toList());
    JsonNode pod = job.path("spec").path("template").path("spec");
    JsonNode psql = pod.path("containers").get(0);

    assertThat(Rendered.namespace(job)).isEqualTo("postgres");
    assertThat(Rendered.name(job)).matches("postgres-roles-[0-9a-f]{8}");
    assertThat(psql.path("image").asText()).isEqualTo("docker.io/library/postgres:17.9");
    assertThat(job.path("spec").path("ttlSecondsAfterFinished").asInt()).isEqualTo(3600);
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(secretEnv(psql, "PGPASSWORD")).isEqualTo("postgres-credentials/password");
    assertThat(secretEnv(psql, "ROLE_PASSWORD_NEXTCLOUD")).isEqualTo("nextcloud-db/password");
    String sql = OUT.kind("ConfigMap").stream().filter(c -> Rendered.name(c).equals("postgres-roles")).findFirst()
        .orElseThrow().path("data").path("roles.sql").asText();
    assertThat(sql).contains("\\set app_role 'nextcloud'\n",
        "\\set app_password `printf '%s' \"$ROLE_PASSWORD_NEXTCLOUD\"`\n",
        "SELECT format('CREATE ROLE %I LOGIN', :'app_role')\n"
            + "  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_role') \\gexec\n",
        "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'app_role', :'app_password') \\gexec\n",
        "SELECT format('CREATE DATABASE %I OWNER %I', :'app_role', :'app_role')\n"
            + "  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'app_role') \\gexec\n");
    // the job's pod reaches the server through the namespace's own policy
    JsonNode sameNamespace = OUT.kind("NetworkPolicy").stream()
        .filter(p -> Rendered.namespace(p).equals("postgres") && Rendered.name(p).equals("allow-same-namespace"))
        .findFirst().orElseThrow();
    assertThat(sameNamespace.path("spec").path("podSelector").size()).isZero();
    assertThat(sameNamespace.path("spec").path("ingress").get(0).path("from").get(0).path("podSelector").size()).isZero();
  }

  @Test
  void should_rename_the_roles_job_when_the_apps_using_postgres_change() {
    DataService postgres = postgres("postgres");
    String one = jobName(labUsing(postgres, "wiki"));
    String two = jobName(labUsing(postgres, "wiki", "notes"));

    assertThat(one).startsWith("postgres-roles-").isNotEqualTo(two);
    assertThat(jobName(labUsing(postgres, "wiki"))).isEqualTo(one);
  }

  @Test
  void should_make_an_app_wait_until_its_own_role_can_log_into_its_database() {
    JsonNode pod = OUT.kind("Deployment").stream().filter(d -> Rendered.name(d).equals("nextcloud")).findFirst()
        .orElseThrow().path("spec").path("template").path("spec");
    JsonNode wait = pod.path("initContainers").get(0);

    assertThat(wait.path("name").asText()).isEqualTo("wait-for-postgres");
    assertThat(wait.path("image").asText()).isEqualTo("docker.io/library/postgres:17.9");
    assertThat(wait.path("command").get(2).asText()).startsWith("until psql --no-psqlrc --quiet --command 'SELECT 1'");
    assertThat(secretEnv(wait, "PGPASSWORD")).isEqualTo("nextcloud-db/password");
    assertThat(wait.path("env").findValuesAsText("value")).contains("nextcloud", "postgres.postgres.svc.cluster.local");
  }

  @Test
  void should_list_each_apps_database_secret_in_both_namespaces() {
    assertThat(FILES.text("SECRETS.md"))
        .contains("| nextcloud | nextcloud-db | password | Deployment nextcloud/nextcloud |")
        .containsPattern("\\| postgres \\| nextcloud-db \\| password \\| Job postgres/postgres-roles-[0-9a-f]{8} \\|")
        .contains("- `nextcloud-db`: `nextcloud`, `postgres`");
  }

  @Test
  void should_say_in_secrets_md_what_a_secret_must_hold() {
    assertThat(FILES.text("SECRETS.md")).contains("\nWhat these values must hold:\n\n"
        + "- `homeassistant-db` key `url`: `postgresql://homeassistant:<password>@192.168.1.20:5432/homeassistant`\n");
  }

  @Test
  void should_ask_for_url_safe_passwords_of_the_data_services_apps_log_in_to() {
    String secrets = FILES.text("SECRETS.md");
    String rule = "letters, digits and `-._~` only (e.g. `openssl rand -hex 32`): clients may put it into a URL unencoded"
        + " (Nextcloud's image writes the Redis password into PHP's session path, where `+`, `&` or `#` break every login)";

    assertThat(secrets).contains("- `redis-credentials` key `password`: a password of redis; " + rule + "\n")
        .contains("- `nextcloud-db` key `password`: a password of postgres; " + rule + "\n");
  }

  @Test
  void should_give_redis_its_password_in_a_memory_backed_config_file_only() {
    JsonNode pod = only(OUT.kind("StatefulSet").stream().filter(s -> Rendered.name(s).equals("redis")).toList())
        .path("spec").path("template").path("spec");
    JsonNode server = pod.path("containers").get(0);
    JsonNode init = pod.path("initContainers").get(0);

    assertThat(server.has("env")).isFalse();
    assertThat(server.path("args").get(0).asText()).isEqualTo("/run/redis/redis.conf");
    assertThat(secretEnv(init, "REDIS_PASSWORD")).isEqualTo("redis-credentials/password");
    assertThat(init.path("command").get(2).asText()).contains("umask 077",
        "printf 'requirepass \"%s\"\\n' \"$escaped\" > /run/redis/redis.conf");
    assertThat(pod.path("volumes").get(0).path("emptyDir").path("medium").asText()).isEqualTo("Memory");
  }

  @Test
  void should_cap_redis_memory_well_below_its_limit_and_refuse_writes_rather_than_evict() {
    JsonNode server = only(OUT.kind("StatefulSet").stream().filter(s -> Rendered.name(s).equals("redis")).toList())
        .at("/spec/template/spec/containers/0");

    assertThat(server.at("/resources/limits/memory").asText()).isEqualTo("256Mi");
    assertThat(server.path("args").toString()).isEqualTo("[\"/run/redis/redis.conf\",\"--appendonly\",\"yes\","
        + "\"--maxmemory\",\"107374182\",\"--maxmemory-policy\",\"noeviction\"]");
  }

  @Test
  void should_put_a_pinned_data_service_on_its_node_and_leave_an_unpinned_one_to_the_scheduler() {
    Lab lab = homelab("db").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"),
            node("nuc").amd64().worker().ip("192.168.1.20").label("homelab.dev/disk", "ssd"))
        .cluster(k3s("v1.33.4+k3s1"))
        .dataServices(postgres("postgres").runsOn(node("nuc")), redis("redis").runsOn(nodesLabelled("homelab.dev/disk", "ssd")),
            rabbitmq("rabbitmq"));
    Rendered out = Rendered.of(TestLabs.render(lab));

    assertThat(selector(out, "postgres")).isEqualTo("{\"kubernetes.io/hostname\":\"nuc\"}");
    assertThat(selector(out, "redis")).isEqualTo("{\"homelab.dev/disk\":\"ssd\"}");
    assertThat(selector(out, "rabbitmq")).isEqualTo("");
  }

  private static String selector(Rendered out, String service) {
    JsonNode selector = only(out.kind("StatefulSet").stream().filter(s -> Rendered.name(s).equals(service)).toList())
        .at("/spec/template/spec/nodeSelector");
    return selector.isMissingNode() ? "" : selector.toString();
  }

  private static Lab labUsing(DataService postgres, String... apps) {
    Lab lab = homelab("db").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .dataServices(postgres);
    for (String a : apps) {
      lab = lab.apps(app(a, "ghcr.io/example/" + a + ":1.0.0").uses(postgres));
    }
    return lab;
  }

  private static String jobName(Lab lab) {
    return Rendered.name(only(Rendered.of(TestLabs.render(lab)).kind("Job")));
  }

  private static String secretEnv(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (e.path("name").asText().equals(name)) {
        JsonNode ref = e.path("valueFrom").path("secretKeyRef");
        return ref.path("name").asText() + "/" + ref.path("key").asText();
      }
    }
    return null;
  }

  private static JsonNode only(List<JsonNode> nodes) {
    assertThat(nodes).hasSize(1);
    return nodes.get(0);
  }

  @Test
  void should_let_prometheus_scrape_rabbitmqs_own_metrics_once() {
    JsonNode monitor = only(OUT.kind("ServiceMonitor").stream().filter(m -> Rendered.namespace(m).equals("rabbitmq")).toList());
    JsonNode policy = only(OUT.kind("NetworkPolicy").stream()
        .filter(p -> Rendered.namespace(p).equals("rabbitmq") && Rendered.name(p).equals("allow-from-monitoring")).toList());

    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("prometheus");
    assertThat(policy.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(15692);
    assertThat(policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
        .isEqualTo("monitoring");
    // both Services carry the labels the monitor selects; only one may have the port, or each pod is scraped twice
    assertThat(FILES.text("data/rabbitmq/service-rabbitmq.yaml")).contains("name: prometheus");
    assertThat(FILES.text("data/rabbitmq/service-rabbitmq-headless.yaml")).doesNotContain("prometheus");
    assertThat(OUT.kind("ServiceMonitor").stream().map(Rendered::namespace)).doesNotContain("postgres", "redis", "pihole");
  }

  @Test
  void should_size_rabbitmqs_memory_alarm_from_its_container_limit_not_the_hosts_ram() {
    JsonNode rabbitmq = only(OUT.kind("StatefulSet").stream().filter(s -> Rendered.name(s).equals("rabbitmq")).toList())
        .at("/spec/template/spec/containers/0");

    assertThat(rabbitmq.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
    assertThat(rabbitmq.at("/env").toString())
        .contains("{\"name\":\"RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS\",\"value\":\"-rabbit total_memory_available_override_value 1073741824\"}");
  }

  @Test
  void should_give_pihole_ten_minutes_to_build_its_block_lists_before_liveness_counts() {
    JsonNode pihole = only(OUT.kind("StatefulSet").stream().filter(s -> Rendered.name(s).equals("pihole")).toList())
        .at("/spec/template/spec/containers/0");

    assertThat(pihole.at("/startupProbe/httpGet/path").asText()).isEqualTo("/admin/");
    assertThat(pihole.at("/startupProbe/periodSeconds").asInt() * pihole.at("/startupProbe/failureThreshold").asInt()).isEqualTo(600);
    assertThat(only(OUT.kind("StatefulSet").stream().filter(s -> Rendered.name(s).equals("redis")).toList())
        .at("/spec/template/spec/containers/0/startupProbe").isMissingNode()).isTrue();
  }

  @Test
  void should_resolve_every_routed_host_in_pihole_at_the_traefik_side_that_serves_it() {
    String pihole = FILES.text("data/pihole/statefulset-pihole.yaml");
    String line = pihole.lines().dropWhile(l -> !l.contains("name: FTLCONF_dns_hosts")).skip(1).findFirst().orElseThrow();
    List<String> records = List.of(line.substring(line.indexOf("value: ") + 7).replace("\"", "").split(";"));

    // internal names at the internal IP (LAN and VPN), public names at the public IP (no hairpin NAT needed)
    assertThat(records).contains("192.168.1.241 media.example.com", "192.168.1.241 home.example.com",
        "192.168.1.241 pihole.example.com", "192.168.1.241 grafana.example.com", "192.168.1.240 cloud.example.com");
    assertThat(records).hasSize(TestLabs.referenceLike().routedHosts().size());
  }

  @Test
  void should_give_each_backup_job_its_own_s3_key_limited_to_its_repository() {
    String job = FILES.text("data/postgres/cronjob-backup-offsite.yaml");
    assertThat(job).contains("name: s3-offsite-postgres").doesNotContain("name: s3-offsite\n")
        .contains("homelab.dev/s3-key-scope: s3-offsite-postgres=example-homelab-backups/test/data/postgres/")
        .contains("s3:https://s3.example.net/example-homelab-backups/test/data/postgres");
    assertThat(FILES.text("SECRETS.md")).contains("- `s3-offsite-postgres` (namespace `postgres`): an S3 key of its own, "
        + "limited to bucket `example-homelab-backups` and prefix `test/data/postgres/`");
  }

  @Test
  void should_share_the_targets_key_when_the_store_cannot_limit_keys_to_a_prefix() {
    var shared = dev.homelab.fixtures.TestLabs.offsite().sharedKey();
    Lab lab = dev.homelab.fixtures.TestLabs.minimal().backups(shared).dataServices(postgres("postgres").backup(shared));
    assertThat(TestLabs.render(lab).text("data/postgres/cronjob-backup-offsite.yaml")).contains("name: s3-offsite\n")
        .doesNotContain("s3-key-scope");
  }
}
