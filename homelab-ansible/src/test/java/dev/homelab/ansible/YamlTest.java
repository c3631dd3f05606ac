package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.fixtures.Yaml11Strings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class YamlTest {
  @Test
  void should_write_every_yaml_1_1_ambiguity_so_pyyaml_reads_the_same_string() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String s : List.of("on", "yes", "0777", "1_000", "12:30:00", "~", "<<", "=", ".inf", "-.Inf", ".NaN", "1e3")) {
      values.put("k" + values.size(), s);
    }

    assertThat(Yaml11Strings.read(Yaml.write(values))).isEqualTo(values);
    assertThat(Yaml11Strings.read(Yaml.k3sDocument(values).text())).isEqualTo(values);
  }

  @Provide
  Arbitrary<String> strings() {
    return Yaml11Strings.arbitrary();
  }

  /**
   * Every string Ansible gets is data: inventory and vars read it back as the same string (tagged
   * {@code !unsafe} when it holds Jinja), k3s config documents too; control characters are refused
   * everywhere and Jinja in k3s config documents.
   */
  @Property
  void should_read_back_every_string_it_does_not_refuse_as_the_same_string(@ForAll("strings") String value) {
    Map<String, Object> doc = Map.of("key", value, "list", List.of(value));
    if (HostText.hasControl(value)) {
      assertThatThrownBy(() -> Yaml.write(doc)).isInstanceOf(UnsafeValueException.class);
      assertThatThrownBy(() -> Yaml.k3sDocument(doc)).isInstanceOf(UnsafeValueException.class);
      return;
    }
    assertThat(Yaml11Strings.read(Yaml.write(doc))).isEqualTo(doc);
    if (HostText.hasJinja(value)) {
      assertThatThrownBy(() -> Yaml.k3sDocument(doc)).isInstanceOf(UnsafeValueException.class);
    } else {
      assertThat(Yaml11Strings.read(Yaml.k3sDocument(doc).text())).isEqualTo(doc);
    }
  }

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
