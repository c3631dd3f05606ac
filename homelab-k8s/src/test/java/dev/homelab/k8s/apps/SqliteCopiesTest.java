package dev.homelab.k8s.apps;

import static dev.homelab.Homelab.app;
import static dev.homelab.Homelab.claim;
import static dev.homelab.fixtures.TestLabs.TRAEFIK;
import static dev.homelab.fixtures.TestLabs.offsite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.fixtures.TestLabs;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.k8s.yaml.KubernetesYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app backup copies the SQLite databases its volumes declare consistently, and leaves their live files out. */
class SqliteCopiesTest {
  @TempDir Path dir;

  @Test
  void should_copy_each_declared_database_before_restic_and_leave_the_live_files_out() throws Exception {
    // the Forgejo preset declares /var/lib/gitea/data/gitea.db, on its claim "data" (at /var/lib/gitea)
    RenderedFiles files = new KubernetesBackend().render(TestLabs.rich().apps(
        app("forgejo").host("git").internalVia(TRAEFIK).backup(offsite())));
    JsonNode pod = KubernetesYaml.mapper().readTree(files.text("apps/forgejo/cronjob-backup-offsite.yaml"))
        .at("/spec/jobTemplate/spec/template/spec");

    JsonNode copier = pod.at("/initContainers/0");
    assertThat(copier.path("name").asText()).isEqualTo("sqlite-copy");
    assertThat(copier.path("image").asText()).isEqualTo("docker.io/library/python:3.13.7-alpine3.22");
    assertThat(strings(copier.path("command"))).containsExactly("python3", "-c", SqliteCopies.SCRIPT, "data/data/gitea.db");
    assertThat(copier.path("volumeMounts").toString())
        .isEqualTo("[{\"mountPath\":\"/backup/data\",\"name\":\"data\"},{\"mountPath\":\"/backup/.sqlite\",\"name\":\"sqlite-copies\"}]");
    JsonNode restic = pod.at("/containers/0");
    assertThat(restic.at("/command/2").asText()).contains("\nrc=0; restic backup --host forgejo"
        + " --exclude '/backup/data/data/gitea.db' --exclude '/backup/data/data/gitea.db-wal'"
        + " --exclude '/backup/data/data/gitea.db-shm' --exclude '/backup/data/data/gitea.db-journal'"
        + " /backup || rc=$?\n");
    assertThat(restic.path("volumeMounts").toString())
        .contains("{\"mountPath\":\"/backup/.sqlite\",\"name\":\"sqlite-copies\",\"readOnly\":true}");
    assertThat(pod.path("volumes").toString()).contains("{\"emptyDir\":{},\"name\":\"sqlite-copies\"}");
  }

  @Test
  void should_keep_copying_a_presets_database_when_a_bigger_claim_replaces_its_volume() throws Exception {
    RenderedFiles files = new KubernetesBackend().render(TestLabs.rich().apps(app("vaultwarden").host("vault")
        .internalVia(TRAEFIK).backup(offsite()).volume(claim("data", "/data", "5Gi").local())));
    JsonNode pod = KubernetesYaml.mapper().readTree(files.text("apps/vaultwarden/cronjob-backup-offsite.yaml"))
        .at("/spec/jobTemplate/spec/template/spec");

    assertThat(strings(pod.at("/initContainers/0/command")).subList(3, 4)).containsExactly("data/db.sqlite3");
    assertThat(pod.at("/containers/0/command/2").asText()).contains(" --exclude '/backup/data/db.sqlite3' ");
  }

  @Test
  void should_leave_a_backup_without_sqlite_databases_as_it_was() throws Exception {
    RenderedFiles files = new KubernetesBackend().render(TestLabs.rich());
    String job = files.text("apps/nextcloud/cronjob-backup-offsite.yaml");

    assertThat(job).doesNotContain("initContainers").doesNotContain("sqlite").contains("restic backup --host nextcloud /backup || rc=$?\n");
  }

  /**
   * The copy script itself, with Python's sqlite3 (what the image runs), on a WAL database whose
   * writer is still connected and whose last transactions are only in the WAL: the copy holds them
   * and passes SQLite's integrity check. A database the app has not created yet is skipped, not created.
   */
  @Test
  void should_copy_a_database_in_use_with_everything_committed_and_skip_a_missing_one() throws Exception {
    assumeTrue(python() != null, "python3 is not installed");
    Path live = Files.createDirectories(dir.resolve("config/data")).resolve("app.db");
    List<String> sql = List.of(
        "import sqlite3, sys",
        "db = sqlite3.connect(sys.argv[1])",
        "db.execute('PRAGMA journal_mode=WAL')",
        "db.execute('PRAGMA wal_autocheckpoint=0')", // the rows stay in the WAL
        "db.execute('CREATE TABLE t (n INTEGER)')",
        "db.executemany('INSERT INTO t VALUES (?)', [(i,) for i in range(1000)])",
        "db.commit()",
        "db.execute('INSERT INTO t VALUES (-1)')", // not committed: not in the copy
        "print('ready', flush=True)",
        "sys.stdin.read()");
    Process writer = new ProcessBuilder(python(), "-c", String.join("\n", sql), live.toString()).start();
    try {
      assertThat(new String(writer.getInputStream().readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("ready\n");
      assertThat(live.resolveSibling("app.db-wal")).exists();

      String script = SqliteCopies.SCRIPT.replace("\"/backup/", "\"" + dir + "/");
      Result r = run(python(), "-c", script, "config/data/app.db", "config/data/missing.db");

      assertThat(r.exit).as(r.output).isZero();
      assertThat(r.output).isEqualTo("copied " + dir + "/config/data/app.db\n"
          + "no " + dir + "/config/data/missing.db yet: nothing to copy\n");
      assertThat(dir.resolve("config/data/missing.db")).doesNotExist();
      Result check = run(python(), "-c", "import sqlite3, sys\n"
          + "db = sqlite3.connect(sys.argv[1])\n"
          + "print(db.execute('PRAGMA integrity_check').fetchone()[0], db.execute('SELECT count(*), min(n) FROM t').fetchone())",
          dir.resolve(".sqlite/config/data/app.db").toString());
      assertThat(check.output).isEqualTo("ok (1000, 0)\n");
    } finally {
      writer.destroy();
    }
  }

  /** A database held exclusively (a rollback journal's EXCLUSIVE lock) makes the copy give up, not wait for ever. */
  @Test
  void should_give_up_on_a_database_that_stays_locked() throws Exception {
    assumeTrue(python() != null, "python3 is not installed");
    Path live = Files.createDirectories(dir.resolve("data")).resolve("app.db");
    Process holder = new ProcessBuilder(python(), "-c", String.join("\n",
        "import sqlite3, sys",
        "db = sqlite3.connect(sys.argv[1], isolation_level=None)",
        "db.execute('CREATE TABLE t (n INTEGER)')",
        "db.execute('BEGIN EXCLUSIVE')",
        "print('locked', flush=True)",
        "sys.stdin.read()"), live.toString()).start();
    try {
      assertThat(new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("locked\n");
      String script = SqliteCopies.SCRIPT.replace("\"/backup/", "\"" + dir + "/")
          .replace("give_up_after(600)", "give_up_after(2)").replace("timeout=60", "timeout=0");
      assertThat(script).contains("give_up_after(2)");

      Result r = run(python(), "-c", script, "data/app.db");

      assertThat(r.exit).isEqualTo(1);
      assertThat(r.output).contains("TimeoutError: the database stayed locked for 2 seconds");
    } finally {
      holder.destroy();
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** python3 on the PATH, as a user's shell finds it; null when there is none. */
  private static String python() {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, "python3");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }
}
