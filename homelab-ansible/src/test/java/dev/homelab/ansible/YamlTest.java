package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlTest {
  @Test
  void should_quote_scalars_yaml_1_1_reads_as_something_else() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String s : List.of("0600", "yes", "off", "03:00", "0x1f", "2025-01-01", "1.5", "{{ vault_x }}", "plain", "10.8.0.1/24")) {
      values.put("k" + values.size(), s);
    }
    assertThat(Yaml.write(values)).isEqualTo("""
        k0: "0600"
        k1: "yes"
        k2: "off"
        k3: "03:00"
        k4: "0x1f"
        k5: "2025-01-01"
        k6: "1.5"
        k7: !unsafe "{{ vault_x }}"
        k8: plain
        k9: 10.8.0.1/24
        """);
  }

  @Test
  void should_write_a_top_level_list_from_column_zero_and_multi_line_text_as_a_literal_block() {
    Map<String, Object> play = new LinkedHashMap<>();
    play.put("name", "play");
    play.put("text", new Yaml.Templated("a: 1\nb:\n  - c\n"));
    assertThat(Yaml.write(List.of(play))).isEqualTo("""
        - name: play
          text: |
            a: 1
            b:
              - c
        """);
  }
}
