package dev.homelab.backend.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.fixtures.Yaml11Strings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

class YamlWriterProperties {
  private static final YamlWriter PLAIN = YamlWriter.create();
  private static final YamlWriter SORTED_ASCII = YamlWriter.create().sortingKeys().asciiOnly();
  private static final YamlWriter TAGGING = YamlWriter.create()
      .hook((value, where) -> value.contains("{{") ? Optional.of("!unsafe") : Optional.empty());

  @Provide
  Arbitrary<String> strings() {
    return Yaml11Strings.arbitrary();
  }

  @Property
  void should_read_back_every_string_as_the_same_string_in_a_yaml_1_1_reader(@ForAll("strings") String value) {
    for (YamlWriter writer : List.of(PLAIN, SORTED_ASCII, TAGGING)) {
      Map<String, Object> doc = Map.of("key", value, value, "as a key", "list", List.of(value, "{{ " + value));

      assertThat(Yaml11Strings.read(writer.write(doc))).isEqualTo(doc);
      assertThat(Yaml11Strings.read(writer.write(List.of(value)))).isEqualTo(List.of(value));
    }
  }

  @Test
  void should_quote_every_yaml_1_1_ambiguity() {
    for (String s : Yaml11Strings.AMBIGUOUS) {
      assertThat(Yaml11Strings.read(PLAIN.write(Map.of("k", s)))).as(s).isEqualTo(Map.of("k", s));
    }
    assertThat(PLAIN.write(Map.of("startTime", "03:00"))).isEqualTo("startTime: \"03:00\"\n");
    assertThat(Yaml11.needsQuotes("1_000")).isTrue();
    assertThat(Yaml11.needsQuotes("10.8.0.1/24")).isFalse();
  }

  @Test
  void should_write_the_tag_the_hook_gives() {
    assertThat(TAGGING.write(Map.of("k", "{{ x }}"))).isEqualTo("k: !unsafe \"{{ x }}\"\n");
  }

  @Test
  void should_write_trusted_text_without_the_hook() {
    TrustedText expression = () -> "{{ vault_x }}";
    assertThat(TAGGING.write(Map.of("k", expression))).isEqualTo("k: \"{{ vault_x }}\"\n");
  }

  @Test
  void should_throw_what_the_hook_throws() {
    YamlWriter refusing = YamlWriter.create().hook((value, where) -> {
      throw new IllegalArgumentException(value + " at " + where);
    });
    assertThatThrownBy(() -> refusing.write(Map.of("a", List.of("x"))))
        .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("x at /a");
  }

  @Test
  void should_sort_keys_leave_out_nulls_and_write_a_top_level_list_from_column_zero() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", null);
    m.put("c", List.of("x"));
    assertThat(YamlWriter.create().sortingKeys().write(Map.of("z", 1, "x", 2))).isEqualTo("x: 2\nz: 1\n");
    assertThat(PLAIN.write(List.of(m))).isEqualTo("- b: 1\n  c:\n    - x\n");
  }

  @Test
  void should_escape_the_line_breaks_only_yaml_1_1_has_and_keep_other_characters() {
    assertThat(PLAIN.write(Map.of("k", "a\u2028b", "l", "x\u0085\ny\n"))).contains("k: \"a\\Lb\"\n").contains("l: \"x\\N\\ny\\n\"\n");
    assertThat(PLAIN.write(Map.of("k", "é"))).isEqualTo("k: é\n");
    assertThat(SORTED_ASCII.write(Map.of("k", "é"))).isEqualTo("k: \"\\xe9\"\n");
  }
}
