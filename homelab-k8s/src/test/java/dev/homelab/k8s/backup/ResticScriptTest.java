package dev.homelab.k8s.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.fixtures.TestLabs;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.k8s.yaml.KubernetesYaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup Job's script run by /bin/sh against a stub {@code restic} that exits as the real one
 * does (restic 0.17+ "Scripting": 10 when there is no repository, 3 when the snapshot was saved
 * without some files it could not read, 1 for anything else).
 */
class ResticScriptTest {
  @TempDir Path dir;
  private String script;

  @BeforeEach
  void renderTheNextcloudBackup() throws Exception {
    String job = new KubernetesBackend().render(TestLabs.rich()).text("apps/nextcloud/cronjob-backup-offsite.yaml");
    script = KubernetesYaml.mapper().readTree(job).at("/spec/jobTemplate/spec/template/spec/containers/0/command/2").asText();
    Path stub = dir.resolve("restic");
    // logs its subcommand, then exits with the code the test gives that subcommand (RC_<subcommand>)
    Files.writeString(stub, "#!/bin/sh\necho \"$1\" >>\"$LOG\"\neval \"exit \\${RC_$1:-0}\"\n");
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void should_init_only_a_repository_that_does_not_exist() throws Exception {
    assertThat(run("cat", "10")).isZero();
    assertThat(log()).containsExactly("cat", "init", "backup", "forget");
  }

  @Test
  void should_fail_without_init_when_the_repository_cannot_be_opened() throws Exception {
    // a wrong password or an unreachable store: init would only fail or, worse, hide it
    assertThat(run("cat", "1")).isEqualTo(1);
    assertThat(log()).containsExactly("cat", "cat");
  }

  @Test
  void should_keep_a_snapshot_that_lacks_unreadable_files_and_still_prune() throws Exception {
    assertThat(run("backup", "3")).isZero();
    assertThat(log()).containsExactly("cat", "backup", "forget");
  }

  @Test
  void should_fail_and_not_prune_when_the_backup_fails() throws Exception {
    assertThat(run("backup", "1")).isEqualTo(1);
    assertThat(log()).containsExactly("cat", "backup");
  }

  private int run(String subcommand, String exitCode) throws Exception {
    ProcessBuilder sh = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out").toFile());
    sh.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    sh.environment().put("LOG", dir.resolve("log").toString());
    sh.environment().put("RC_" + subcommand, exitCode);
    Process p = sh.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private List<String> log() throws Exception {
    return Files.readAllLines(dir.resolve("log"), StandardCharsets.UTF_8);
  }
}
