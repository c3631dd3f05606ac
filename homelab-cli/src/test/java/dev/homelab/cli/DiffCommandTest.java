package dev.homelab.cli;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Backend;
import dev.homelab.model.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final List<Backend> FAKE = List.of(FakeLabMain.FAKE);
  private static final Lab VALID = FakeLabMain.VALID;
  private static final Lab RENAMED = homelab("renamed").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11")).cluster(k3s("v1.33.4+k3s1"));

  @TempDir Path tmp;

  @Test
  void should_report_nothing_and_exit_zero_right_after_render_with_the_standard_backends() {
    Path dir = tmp.resolve("out");
    assertThat(CliRun.of(() -> VALID, StandardBackends.all(), "render", "--out", dir.toString()).code()).isZero();

    CliRun diff = CliRun.of(() -> VALID, StandardBackends.all(), "diff", "--out", dir.toString());

    assertThat(diff.code()).as(diff.err()).isZero();
    assertThat(diff.out()).doesNotContain("---").endsWith(dir + " is up to date\n");
    assertThat(diff.out()).contains("  k8s:").contains(" 0 added, 0 changed, 0 removed, ");
  }

  @Test
  void should_print_a_unified_diff_per_file_and_exit_6_without_writing_when_the_model_changed() throws IOException {
    Path dir = tmp.resolve("out");
    CliRun.of(() -> VALID, FAKE, "render", "--out", dir.toString());
    String before = Files.readString(dir.resolve("fake/sub/lab.txt"));

    CliRun diff = CliRun.of(() -> RENAMED, FAKE, "diff", "--out", dir.toString());

    assertThat(diff.code()).isEqualTo(HomelabCli.OUT_OF_DATE).isEqualTo(6);
    assertThat(diff.out()).contains("--- a/fake/sub/lab.txt\n"
        + "+++ b/fake/sub/lab.txt\n"
        + "@@ -1,1 +1,1 @@\n"
        + "-test\n"
        + "+renamed\n");
    assertThat(diff.out()).contains("  fake:        0 added, 1 changed, 0 removed, 1 unchanged\n");
    assertThat(diff.out()).endsWith("2 files would change in " + dir + "; render to apply\n");
    assertThat(Files.readString(dir.resolve("fake/sub/lab.txt"))).isEqualTo(before);
  }

  @Test
  void should_diff_added_files_from_dev_null_into_a_missing_directory() {
    Path dir = tmp.resolve("none");

    CliRun diff = CliRun.of(() -> VALID, FAKE, "diff", "--out", dir.toString());

    assertThat(diff.code()).isEqualTo(HomelabCli.OUT_OF_DATE);
    assertThat(diff.out()).contains("--- /dev/null\n+++ b/fake/nodes.txt\n@@ -0,0 +1,1 @@\n+pi1\n");
    assertThat(dir).doesNotExist();
  }

  @Test
  void should_mark_a_file_the_user_changed_and_say_render_would_stop() throws IOException {
    Path dir = tmp.resolve("out");
    CliRun.of(() -> VALID, FAKE, "render", "--out", dir.toString());
    Files.writeString(dir.resolve("fake/nodes.txt"), "mine\n");

    CliRun diff = CliRun.of(() -> VALID, FAKE, "diff", "--out", dir.toString());

    assertThat(diff.code()).isEqualTo(HomelabCli.OUT_OF_DATE);
    assertThat(diff.out()).contains("# fake/nodes.txt: changed since the last render; render stops here unless --force\n"
        + "--- a/fake/nodes.txt\n+++ b/fake/nodes.txt\n@@ -1,1 +1,1 @@\n-mine\n+pi1\n");
    assertThat(diff.out()).endsWith("of these, 1 file you changed since the last render or homelab render did not write "
        + "(marked #): render stops unless --force\n");
  }

  @Test
  void should_print_only_the_summary_with_stat_and_nothing_with_quiet() {
    Path dir = tmp.resolve("out");

    CliRun stat = CliRun.of(() -> VALID, FAKE, "diff", "--stat", "--out", dir.toString());
    CliRun quiet = CliRun.of(() -> VALID, FAKE, "diff", "--quiet", "--out", dir.toString());

    assertThat(stat.out()).isEqualTo("  fake:        2 added, 0 changed, 0 removed, 0 unchanged\n"
        + "  (top level): 1 added, 0 changed, 0 removed, 0 unchanged\n"
        + "3 files would change in " + dir + "; render to apply\n");
    assertThat(quiet.code()).isEqualTo(HomelabCli.OUT_OF_DATE);
    assertThat(quiet.out()).isEmpty();
  }

  @Test
  void should_list_the_diff_exit_code_in_the_help() {
    CliRun help = CliRun.of(() -> VALID, FAKE, "--help");

    assertThat(help.out()).contains("  6  diff: a render would change the output");
  }
}
