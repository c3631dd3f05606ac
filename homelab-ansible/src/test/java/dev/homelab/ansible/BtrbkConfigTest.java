package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.map;
import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * btrbk refuses a whole configuration file when one option sits in a section that does not allow
 * it ({@code Option "snapshot_name" is only allowed in subvolume context}), and then takes no
 * snapshot at all. These tests read the template's sections the way btrbk does (a {@code volume},
 * {@code subvolume} or {@code target} line opens a section; the options after it belong to it) and
 * hold every option to the sections btrbk.conf(5) of btrbk 0.32 (Debian 12) allows it in.
 */
class BtrbkConfigTest {
  private static final String ROOT = "root";
  private static final Set<String> SECTIONS = Set.of("volume", "subvolume", "target");

  /**
   * Options the template writes, and where btrbk 0.32 accepts them ({@code context} of each entry
   * of {@code %config_options} in btrbk 0.32.5's {@code btrbk} script; "global" is the root here).
   */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "timestamp_format", Set.of(ROOT, "volume", "subvolume"),
      "snapshot_preserve_min", Set.of(ROOT, "volume", "subvolume"),
      "snapshot_preserve", Set.of(ROOT, "volume", "subvolume"),
      "snapshot_dir", Set.of(ROOT, "volume", "subvolume"),
      "snapshot_name", Set.of("subvolume"));

  private record Option(String name, String section, String line) {}

  /** Each option line of the template with the section it belongs to; Jinja and comments skipped. */
  static List<Option> options(String template) {
    List<Option> options = new ArrayList<>();
    String section = ROOT;
    for (String line : template.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("{%")) {
        continue;
      }
      String keyword = trimmed.split("\\s+")[0];
      if (SECTIONS.contains(keyword)) {
        section = keyword;
      } else {
        options.add(new Option(keyword, section, line));
      }
    }
    return options;
  }

  @Test
  void should_write_every_btrbk_option_only_in_a_section_that_allows_it() {
    RenderedFiles files = render(TestLabs.reference());
    List<Option> options = options(files.text("roles/homelab_btrbk/templates/btrbk.conf.j2"));
    assertThat(options).extracting(Option::name).contains("snapshot_name", "snapshot_preserve", "snapshot_dir");
    assertThat(options).allSatisfy(o -> assertThat(ALLOWED.getOrDefault(o.name(), Set.of()))
        .as("btrbk option %s in %s context (%s)", o.name(), o.section(), o.line())
        .contains(o.section()));
  }

  @Test
  void should_reject_snapshot_name_in_the_volume_section_as_btrbk_does() {
    String old = """
        volume {{ volume.path }}
          snapshot_dir          {{ volume.snapshot_dir }}
          snapshot_name         {{ volume.snapshot_name }}
          subvolume .
        """;
    assertThat(options(old)).anySatisfy(o -> assertThat(ALLOWED.get(o.name())).doesNotContain(o.section()));
  }

  @Test
  void should_let_btrbk_check_the_file_before_it_replaces_the_config() {
    RenderedFiles files = render(TestLabs.reference());
    List<Map<String, Object>> tasks = HostPlaysTest.tasks(files, "homelab_btrbk");
    int install = indexOf(tasks, "ansible.builtin.apt");
    int write = indexOf(tasks, "ansible.builtin.template");
    assertThat(install).isNotNegative().isLessThan(write);
    assertThat(map(tasks.get(write), "ansible.builtin.template"))
        .containsEntry("dest", "/etc/btrbk/btrbk.conf")
        .containsEntry("validate", "btrbk -c %s config print");
  }

  private static int indexOf(List<Map<String, Object>> tasks, String module) {
    for (int i = 0; i < tasks.size(); i++) {
      if (tasks.get(i).containsKey(module)) {
        return i;
      }
    }
    return -1;
  }
}
