package dev.homelab.cli;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Backend;
import dev.homelab.model.Lab;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderSummaryTest {
  private static final List<Backend> FAKE = List.of(FakeLabMain.FAKE);

  @TempDir Path tmp;

  @Test
  void should_print_what_render_added_changed_removed_and_kept_per_backend() {
    Path dir = tmp.resolve("out");
    CliRun.of(() -> FakeLabMain.VALID, FAKE, "render", "--out", dir.toString());
    Lab renamed = homelab("renamed").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11")).cluster(k3s("v1.33.4+k3s1"));

    CliRun second = CliRun.of(() -> renamed, FAKE, "render", "--out", dir.toString());

    assertThat(second.out()).isEqualTo("  fake:        0 added, 1 changed, 0 removed, 1 unchanged\n"
        + "  (top level): 0 added, 1 changed, 0 removed, 0 unchanged\n"
        + "rendered 3 files into " + dir + "\n");
  }

  @Test
  void should_print_nothing_with_quiet() {
    CliRun run = CliRun.of(() -> FakeLabMain.VALID, FAKE, "render", "--quiet", "--out", tmp.resolve("out").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(tmp.resolve("out/fake/nodes.txt")).exists();
  }

  @Test
  void should_colour_only_on_a_terminal_and_never_with_no_color() {
    assertThat(Style.forConsole(null, Map.of()).isColour()).as("no console: a pipe or a file").isFalse();
    assertThat(Style.forConsole(System.console(), Map.of("NO_COLOR", "1")).isColour()).isFalse();
    assertThat(Style.COLOUR.added("1 added")).isEqualTo("\u001b[32m1 added\u001b[0m");
    assertThat(Style.PLAIN.added("1 added")).isEqualTo("1 added");
  }

  @Test
  void should_answer_help_for_every_command() {
    for (String command : List.of("render", "diff", "validate", "show", "graph", "init")) {
      CliRun help = CliRun.of(() -> FakeLabMain.VALID, FAKE, command, "--help");

      assertThat(help.code()).as(command + ": " + help.err()).isZero();
      assertThat(help.out()).as(command).startsWith("Usage: homelab " + command).contains("-h, --help");
    }
  }

  @Test
  void should_print_the_version_of_this_build() {
    CliRun version = CliRun.of(() -> FakeLabMain.VALID, FAKE, "--version");

    assertThat(version.out()).isEqualTo("homelab " + HomelabVersion.current() + "\n");
    assertThat(HomelabVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
