package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each host backup unit leaves its last success for node-exporter's textfile collector, never half a file. */
class BackupMetricTest {
  private static final String SCRIPT = "roles/homelab_backup_metrics/templates/homelab-backup-metric.j2";
  private static final String DIR = "/var/lib/node_exporter/textfile_collector";

  @Test
  void should_write_the_metric_beside_its_final_name_and_rename_it_over_it() {
    String script = AnsibleBackendTest.render(TestLabs.reference()).text(SCRIPT);

    // the only write is to the temporary file in the same directory; the final name is only renamed to
    assertThat(script).contains("dir=" + DIR + "\n")
        .contains("tmp=\"$(mktemp \"$dir/.homelab_backup_XXXXXX\")\"")
        .contains(">\"$tmp\"\n")
        .contains("mv -f -- \"$tmp\" \"$file\"\n")
        .doesNotContain(">\"$file\"").doesNotContain("> \"$file\"");
  }

  @Test
  void should_leave_one_readable_metric_file_and_no_temporary_file(@TempDir Path dir) throws Exception {
    String script = AnsibleBackendTest.render(TestLabs.reference()).text(SCRIPT)
        .replace("{{ ansible_managed }}", "test")
        .replace("{{ inventory_hostname | quote }}", "pi4")
        .replace("dir=" + DIR + "\n", "dir=" + dir + "\n");
    Path file = dir.resolve("homelab-backup-metric");
    Files.writeString(file, script);

    assertThat(run(file, "success", "restic-local.service", "1700000000")).isZero();
    assertThat(run(file, "installed", "restic-local.service", "1690000000")).isZero();
    assertThat(run(file, "success", "../escape", "1")).isEqualTo(2);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("homelab-backup-metric",
          "homelab_backup_restic-local.service.installed.prom", "homelab_backup_restic-local.service.prom");
    }
    Path success = dir.resolve("homelab_backup_restic-local.service.prom");
    assertThat(Files.readString(success)).isEqualTo("""
        # HELP homelab_host_backup_last_success_timestamp_seconds Unix time the host backup unit last succeeded.
        # TYPE homelab_host_backup_last_success_timestamp_seconds gauge
        homelab_host_backup_last_success_timestamp_seconds{node="pi4",unit="restic-local.service"} 1700000000
        """);
    assertThat(Files.readString(dir.resolve("homelab_backup_restic-local.service.installed.prom"))).endsWith(
        "homelab_host_backup_installed_timestamp_seconds{node=\"pi4\",unit=\"restic-local.service\"} 1690000000\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(success))).isEqualTo("rw-r--r--");
  }

  @Test
  void should_record_the_success_after_every_other_command_of_each_host_backup_unit() {
    RenderedFiles files = AnsibleBackendTest.render(TestLabs.reference());
    Map<String, String> units = Map.of(
        "roles/homelab_restic/templates/restic.service.j2", "restic-{{ item.name }}.service",
        "roles/homelab_restic/templates/restic-check.service.j2", "restic-check-{{ item.name }}.service",
        "roles/homelab_btrbk/templates/homelab-btrbk.service.j2", "homelab-btrbk.service",
        // "+": as root, not as the dump's User=postgres, which cannot write the directory
        "roles/homelab_postgres/templates/homelab-pg-dump-s3.service.j2", "homelab-pg-dump-s3.service");
    units.forEach((template, unit) -> {
      List<String> exec = files.text(template).lines().filter(l -> l.startsWith("Exec")).toList();
      String prefix = unit.startsWith("homelab-pg-dump") ? "+" : "";
      assertThat(exec.get(exec.size() - 1)).as(template)
          .isEqualTo("ExecStartPost=" + prefix + "/usr/local/sbin/homelab-backup-metric success " + unit);
    });
  }

  @Test
  void should_record_the_install_time_of_each_unit_only_once() {
    RenderedFiles files = AnsibleBackendTest.render(TestLabs.reference());

    for (String tasks : List.of("roles/homelab_restic/tasks/main.yml", "roles/homelab_btrbk/tasks/main.yml",
        "roles/homelab_postgres/tasks/main.yml", "roles/homelab_etcd_snapshot_metric/tasks/main.yml")) {
      String text = files.text(tasks);
      assertThat(text).as(tasks).contains("argv: [/usr/local/sbin/homelab-backup-metric, installed, ")
          .contains("creates: " + (tasks.contains("restic") ? "\"" : "") + DIR + "/homelab_backup_");
    }
  }

  @Test
  void should_check_the_etcd_snapshots_on_the_servers_of_an_ha_cluster_with_snapshots() {
    RenderedFiles files = AnsibleBackendTest.render(TestLabs.reference());

    assertThat(files.text("site.yml")).contains("""
        - name: k3s etcd snapshot metric
          hosts: etcd_snapshots
        """);
    assertThat(files.text("inventory.yml"))
        .contains("\netcd_snapshots:\n  hosts:\n    pi1: {}\n    pi2: {}\n    pi3: {}\n");
  }

  @Test
  void should_install_no_metric_role_in_a_lab_without_host_backups() {
    RenderedFiles files = AnsibleBackendTest.render(TestLabs.singleServer());

    assertThat(files.files().keySet()).noneMatch(p -> p.contains("backup_metric") || p.contains("etcd_snapshot"));
  }

  private static int run(Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.exitValue();
  }
}
