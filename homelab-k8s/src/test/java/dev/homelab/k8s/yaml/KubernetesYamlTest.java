package dev.homelab.k8s.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Strings stay strings for YAML 1.1 readers (kubectl's go-yaml, PyYAML): no boolean, number, date or new key. */
class KubernetesYamlTest {
  private static final List<String> HOSTILE = List.of("on", "off", "yes", "no", "y", "n", "true", "null", "~", "0644",
      "0x1F", "0o17", "0b101", "1e3", ".5", "+1", "1_000", "03:00", "3:00", "2024-01-01", "2024-01-01 10:00:00",
      ".inf", ".nan", "=", "<<", "a: b", "- x", "# x", "x #y", "&a", "*a", "!tag", "|", ">", "'", "\"", "{a: 1}", "[1]",
      " leading", "trailing ", "", "multi\nline\n", "multi\nline", "\n", "tab\there", "back\\slash", "nul\u0000",
      "bell\u0007", "nel\u0085x", "ls\u2028x", "bom\ufeffx", "nonchar\uffffx", "lone\ud800x", "é ünïcode ✓", "%YAML", "---", "...");

  @Test
  void should_write_every_hostile_string_so_a_yaml_1_1_reader_reads_the_same_string() {
    Map<String, Object> values = new TreeMap<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      values.put(String.format("k%02d", i), HOSTILE.get(i));
    }
    String yaml = KubernetesYaml.write(Map.of("data", values));
    // SnakeYAML resolves plain scalars by YAML 1.1 rules, like go-yaml v2 and PyYAML.
    Object back = new Yaml().load(yaml);
    assertThat(back).isEqualTo(Map.of("data", values));
  }
}
