package dev.homelab.k8s;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RabbitMQ's per-app users, every data service's backup, and the restores and restore tests beside them. */
class DataBackupsTest {
  private static final DataService DB = postgres("db").backup(TestLabs.OFFSITE);
  private static final DataService CACHE = redis("cache").backup(TestLabs.OFFSITE);
  private static final DataService QUEUE = rabbitmq("queue").backup(TestLabs.OFFSITE);
  private static final RenderedFiles FILES = TestLabs.render(lab());
  private static final Rendered OUT = Rendered.of(FILES);

  private static Lab lab() {
    return homelab("data").domain("example.com").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .backups(TestLabs.OFFSITE)
        .dataServices(DB, CACHE, QUEUE)
        .apps(app("wiki", "ghcr.io/example/wiki:1.0.0").uses(DB).backup(TestLabs.OFFSITE).volume("data", "/data", "1Gi")
                .cronJob("cron", "*/5 * * * *", "wiki", "jobs"),
            app("worker", "ghcr.io/example/worker:2.0.1").uses(QUEUE, CACHE),
            app("mailer", "ghcr.io/example/mailer:1.0.0").uses(QUEUE));
  }

  @Test
  void should_create_a_user_and_vhost_per_app_using_rabbitmq_with_every_password_from_a_secret() {
    JsonNode job = only(OUT.kind("Job").stream().filter(j -> Rendered.namespace(j).equals("queue")).toList());
    JsonNode pod = job.path("spec").path("template").path("spec");
    JsonNode users = pod.path("containers").get(0);

    assertThat(Rendered.name(job)).matches("queue-users-[0-9a-f]{8}");
    assertThat(job.path("spec").path("ttlSecondsAfterFinished").asInt()).isEqualTo(3600);
    assertThat(users.path("image").asText()).isEqualTo("docker.io/library/rabbitmq:4.1.4-management");
    assertThat(users.path("command").toString())
        .isEqualTo("[\"escript\",\"/scripts/rabbitmq-admin.escript\",\"users\",\"mailer\",\"worker\"]");
    assertThat(secretEnv(users, "RABBITMQ_ADMIN_PASSWORD")).isEqualTo("queue-credentials/password");
    assertThat(secretEnv(users, "USER_PASSWORD_MAILER")).isEqualTo("mailer-queue/password");
    assertThat(secretEnv(users, "USER_PASSWORD_WORKER")).isEqualTo("worker-queue/password");
    assertThat(pod.path("volumes").get(0).path("configMap").path("name").asText()).isEqualTo("queue-admin");
    assertThat(configMap("queue-admin").path("data").path("rabbitmq-admin.escript").asText())
        .contains("put_json(Api, \"vhosts/\" ++ App, <<\"{}\">>)",
            "Password = utf8(env(\"USER_PASSWORD_\" ++ [upper(C) || C <- App]))",
            "\"permissions/\" ++ App ++ \"/\" ++ App");
  }

  @Test
  void should_list_each_apps_rabbitmq_secret_in_both_namespaces() {
    assertThat(FILES.text("SECRETS.md")).contains("- `worker-queue`: `queue`, `worker`");
  }

  @Test
  void should_back_up_redis_as_an_rdb_snapshot_with_the_password_out_of_the_command_line() {
    JsonNode pod = cronJobPod("cache", "backup-offsite");
    JsonNode rdb = pod.path("initContainers").get(0);

    assertThat(rdb.path("command").get(2).asText())
        .isEqualTo("exec redis-cli -h cache.cache.svc.cluster.local -p 6379 --rdb /backup/dump/dump.rdb");
    assertThat(secretEnv(rdb, "REDISCLI_AUTH")).isEqualTo("cache-credentials/password");
    assertThat(pod.path("containers").get(0).path("env").toString())
        .contains("s3:https://s3.example.net/example-homelab-backups/data/data/cache");
  }

  @Test
  void should_back_up_rabbitmq_definitions_and_render_a_suspended_import() {
    JsonNode backup = cronJobPod("queue", "backup-offsite");
    JsonNode restore = cronJob("queue", "queue-restore");
    JsonNode importer = restore.path("spec").path("jobTemplate").path("spec").path("template").path("spec").path("containers").get(0);

    assertThat(backup.path("initContainers").get(0).path("command").toString())
        .isEqualTo("[\"escript\",\"/scripts/rabbitmq-admin.escript\",\"export\",\"/backup/dump/definitions.json\"]");
    assertThat(restore.path("spec").path("suspend").asBoolean()).isTrue();
    assertThat(restore.path("spec").path("schedule").asText()).isEqualTo("0 0 29 2 *");
    assertThat(importer.path("command").toString())
        .isEqualTo("[\"escript\",\"/scripts/rabbitmq-admin.escript\",\"import\",\"/restore/backup/dump/definitions.json\"]");
  }

  @Test
  void should_render_a_suspended_postgres_restore_that_replays_the_latest_dump() {
    JsonNode restore = cronJob("db", "db-restore");
    JsonNode pod = restore.path("spec").path("jobTemplate").path("spec").path("template").path("spec");

    assertThat(restore.path("spec").path("suspend").asBoolean()).isTrue();
    assertThat(restore.path("spec").path("jobTemplate").path("spec").path("backoffLimit").asInt()).isZero();
    assertThat(pod.path("initContainers").get(0).path("command").get(2).asText())
        .isEqualTo("set -eu\nrestic restore latest --host db --target /restore\n");
    assertThat(pod.path("containers").get(0).path("command").get(2).asText())
        .contains("SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS false', datname) FROM pg_database WHERE datname IN ('wiki') \\gexec",
            "pg_terminate_backend(pid)",
            "psql --no-psqlrc --quiet --dbname postgres --file /restore/backup/dump/pg_dumpall.sql 2>&1 >/dev/null");
    assertThat(secretEnv(pod.path("containers").get(0), "PGPASSWORD")).isEqualTo("db-credentials/password");
  }

  @Test
  void should_test_the_latest_dump_weekly_in_a_scratch_server_that_asks_every_apps_database() {
    JsonNode verify = cronJob("db", "db-restore-verify");
    JsonNode scratch = verify.path("spec").path("jobTemplate").path("spec").path("template").path("spec").path("containers").get(0);
    String script = scratch.path("command").get(2).asText();

    assertThat(verify.path("spec").path("schedule").asText()).isEqualTo("45 4 * * 0");
    assertThat(verify.path("spec").has("suspend")).isFalse();
    assertThat(script).contains("initdb --username=postgres --auth=trust",
        "pg_ctl --wait --silent --options \"-h '' -k /scratch\" start",
        "--file /restore/backup/dump/pg_dumpall.sql", "for db in wiki; do", "pg_ctl --wait --silent stop");
    // the scratch server never touches the live one: no host, no password
    assertThat(scratch.path("env").toString()).doesNotContain("db.db.svc").doesNotContain("secretKeyRef");
  }

  @Test
  void should_say_in_the_readme_how_to_restore_each_backup_and_how_it_is_tested() {
    assertThat(FILES.text("README.md")).contains("## Backups and restore",
        "`kubectl -n db create job --from=cronjob/db-restore db-restore-1`",
        "CronJob `db-restore-verify` (`45 4 * * 0`)",
        "scale the apps that use it to 0 (`wiki`) and suspend their\n  CronJobs (`kubectl -n wiki patch cronjob wiki-cron -p '{\"spec\":{\"suspend\":true}}'`)",
        "`kubectl -n queue create job --from=cronjob/queue-restore queue-restore-1`",
        "remove `appendonlydir/`",
        "app `wiki`: its own volumes");
  }

  private static JsonNode cronJob(String namespace, String name) {
    return only(OUT.kind("CronJob").stream()
        .filter(c -> Rendered.namespace(c).equals(namespace) && Rendered.name(c).equals(name)).toList());
  }

  private static JsonNode cronJobPod(String namespace, String name) {
    return cronJob(namespace, name).path("spec").path("jobTemplate").path("spec").path("template").path("spec");
  }

  private static JsonNode configMap(String name) {
    return only(OUT.kind("ConfigMap").stream().filter(c -> Rendered.name(c).equals(name)).toList());
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
}
