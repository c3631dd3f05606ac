package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etcd snapshots' last success, run as the rendered script with a stub {@code k3s} and a stub
 * {@code homelab-backup-metric}: with an S3 copy only a stored copy counts, since k3s only logs a
 * failed upload; without one the newest local snapshot does.
 */
class EtcdSnapshotMetricTest {
  private static final String SCRIPT = "roles/homelab_etcd_snapshot_metric/templates/homelab-etcd-snapshot-metric.j2";

  @TempDir Path dir;

  @Test
  void should_count_only_snapshots_whose_copy_in_the_lab_bucket_is_stored() throws Exception {
    Path script = script(TestLabs.reference(), "pi1");
    Files.createDirectories(dir.resolve("snapshots"));
    kubectlPrints(String.join("\n",
        "etcd-snapshot-pi1-1700000000|example-homelab-backups|true",
        "etcd-snapshot-pi1-1700021600|example-homelab-backups|false", // the upload failed
        "etcd-snapshot-pi1-1700043200||true", // the local file of the newest snapshot
        "etcd-snapshot-pi2-1700043200.zip|example-homelab-backups|true", // another server's
        "etcd-snapshot-pi1-1700050000|another-bucket|true",
        "on-demand-pi1-1700060000|example-homelab-backups|true"));

    assertThat(run(script)).isEqualTo("exit 0\n");
    assertThat(recorded()).isEqualTo("success k3s.service 1700000000\n");
  }

  @Test
  void should_record_nothing_and_fail_when_k3s_cannot_list_the_snapshot_files() throws Exception {
    Path script = script(TestLabs.reference(), "pi1");
    Files.createDirectories(dir.resolve("snapshots"));
    stub("k3s", "echo 'The connection to the server 127.0.0.1:6443 was refused' >&2\nexit 1\n");

    assertThat(run(script)).isEqualTo("""
        The connection to the server 127.0.0.1:6443 was refused
        homelab-etcd-snapshot-metric: cannot list the ETCDSnapshotFiles (is k3s running on pi1?)
        exit 1
        """);
    assertThat(dir.resolve("recorded")).doesNotExist();
  }

  @Test
  void should_count_the_newest_local_snapshot_of_the_node_without_an_s3_copy() throws Exception {
    Path script = script(TestLabs.fiveServers(), "cp-a");
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    for (String name : new String[] {"etcd-snapshot-cp-a-1700000000", "etcd-snapshot-cp-a-1700021600.zip",
        "etcd-snapshot-cp-b-1700043200", "on-demand-cp-a-1700050000"}) {
      Files.writeString(snapshots.resolve(name), "");
    }
    stub("k3s", "echo 'k3s must not be asked' >&2\nexit 1\n");

    assertThat(run(script)).isEqualTo("exit 0\n");
    assertThat(recorded()).isEqualTo("success k3s.service 1700021600\n");
  }

  @Test
  void should_record_nothing_before_k3s_made_its_snapshot_directory_or_a_stored_copy() throws Exception {
    Path script = script(TestLabs.reference(), "pi1");
    kubectlPrints("");

    assertThat(run(script)).isEqualTo("exit 0\n");
    Files.createDirectories(dir.resolve("snapshots"));
    assertThat(run(script)).isEqualTo("exit 0\n");
    assertThat(dir.resolve("recorded")).doesNotExist();
  }

  /** The rendered script for {@code node} of {@code lab}, with the variables its play sets and the stubs' paths. */
  private Path script(Lab lab, String node) throws IOException {
    RenderedFiles files = AnsibleBackendTest.render(lab);
    String vars = files.text("vars/etcd_snapshots.yml");
    String bucket = vars.lines().filter(l -> l.startsWith("homelab_etcd_snapshot_s3_bucket: ")).findFirst().orElseThrow()
        .substring("homelab_etcd_snapshot_s3_bucket: ".length()).replace("\"", "").replace("'", "");
    String text = files.text(SCRIPT)
        .replace("{{ ansible_managed }}", "test")
        .replace("{{ homelab_etcd_snapshot_dir | quote }}", dir.resolve("snapshots").toString())
        .replace("{{ inventory_hostname | quote }}", node)
        .replace("{{ homelab_etcd_snapshot_s3_bucket | quote }}", bucket.isEmpty() ? "''" : bucket)
        .replace("/usr/local/sbin/homelab-backup-metric", stub("homelab-backup-metric",
            "echo \"$*\" >>" + dir.resolve("recorded") + "\n").toString());
    assertThat(text).doesNotContain("{{");
    Path script = dir.resolve("script");
    Files.writeString(script, text);
    return script;
  }

  private void kubectlPrints(String records) throws IOException {
    Files.writeString(dir.resolve("records"), records.isEmpty() ? "" : records + "\n");
    // the exact call: a change of the jsonpath must change this test too
    stub("k3s", """
        [ "$*" = 'kubectl get etcdsnapshotfiles.k3s.cattle.io -o jsonpath={range .items[*]}{.spec.snapshotName}|{.spec.s3.bucket}|{.status.readyToUse}{"\\n"}{end}' ] \
          || { echo "unexpected: $*" >&2; exit 2; }
        cat %s
        """.formatted(dir.resolve("records")));
  }

  private Path stub(String name, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path stub = bin.resolve(name);
    Files.writeString(stub, "#!/bin/bash\n" + body);
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    return stub;
  }

  private String recorded() throws IOException {
    return Files.readString(dir.resolve("recorded"));
  }

  /** Standard error, then {@code exit N}. */
  private String run(Path script) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
    Process p = builder.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) + "exit " + p.exitValue() + "\n";
  }
}
