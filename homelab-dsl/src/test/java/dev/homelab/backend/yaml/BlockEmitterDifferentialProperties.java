package dev.homelab.backend.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonIdentityInfo;
import com.fasterxml.jackson.annotation.ObjectIdGenerators;

import dev.homelab.fixtures.Yaml11Strings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Our emitter against SnakeYAML's (the writer's own SnakeYAML path, {@code writeWithSnakeYaml}: the
 * writer as it was): the same bytes for every document, in every configuration, with strings and
 * keys rich in what YAML treats specially.
 */
class BlockEmitterDifferentialProperties {
  private static final StringHook UNSAFE = (value, where) -> value.contains("{{") || value.contains("a")
      ? Optional.of("!unsafe") : Optional.empty();
  /** Tags by place (the JSON pointer), of each form the emitter shortens differently. */
  private static final StringHook BY_PLACE = (value, where) -> switch (where.length() % 5) {
    case 0 -> Optional.of("!unsafe");
    case 1 -> Optional.of("tag:yaml.org,2002:str");
    case 2 -> Optional.of("x-custom");
    case 3 -> where.endsWith("/0") ? Optional.of("!") : Optional.empty();
    default -> Optional.empty();
  };

  private record Config(String name, YamlWriter writer) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Config> CONFIGS = List.of(
      new Config("create", YamlWriter.create()),
      new Config("sorting", YamlWriter.create().sortingKeys()),
      new Config("ascii", YamlWriter.create().asciiOnly()),
      new Config("unsafe", YamlWriter.create().hook(UNSAFE)),
      new Config("by-place-sorted-ascii", YamlWriter.create().sortingKeys().asciiOnly().hook(BY_PLACE)));

  @Provide
  Arbitrary<Config> configs() {
    return Arbitraries.of(CONFIGS);
  }

  /** Strings rich in YAML-special content. */
  @Provide
  static Arbitrary<String> strings() {
    Arbitrary<String> special = Arbitraries.strings()
        .withChars(" :#-?[]{},&*!|>'\"%@`\t\r\n\u0085\u2028\u2029\uFEFF\u00A0\u0000\u0007\u001B\u007F\u00E9\u20AC~=<.0_1aZ")
        .withChars('\uD800', '\uDBFF', '\uDC00', '\uDFFF')
        .ofMaxLength(12);
    Arbitrary<String> pieces = Arbitraries.of("a", "b c", ": ", " #", "- ", "? ", "?", ":", "-", "#", "\n", "\n\n", " ",
        "  ", "\t", "\r\n", "'", "\"", "\\", "{{ x }}", "\uD83D\uDE00", "\uD800", "\uDC00", "\uD800a", "é", "\u2028",
        "\u0085", "\uFEFF", "yes", "0777", "12:30", "1e3", ".inf", "<<", "=", "~", "null", "3.10", "---", "...", "|",
        ">", "x" .repeat(130)).list().ofMaxSize(5).map(list -> String.join("", list));
    Arbitrary<String> longs = Arbitraries.strings().withChars("ab :\n").ofMinLength(120).ofMaxLength(140);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(10);
    // Keys up to 127 characters are simple keys, longer ones "? " keys.
    Arbitrary<String> keyLimit = Arbitraries.strings().withChars("ab -").ofMinLength(126).ofMaxLength(129);
    return Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(4, pieces), Tuple.of(1, longs), Tuple.of(1, any), Tuple.of(1, keyLimit),
        Tuple.of(2, Arbitraries.of(Yaml11Strings.AMBIGUOUS)), Tuple.of(1, Yaml11Strings.arbitrary()));
  }

  private static Arbitrary<Object> scalars() {
    TrustedText trusted = () -> "{{ vault_x }}";
    return Arbitraries.frequencyOf(
        Tuple.of(8, strings().map(s -> (Object) s)),
        Tuple.of(1, Arbitraries.integers().map(i -> (Object) i)),
        Tuple.of(1, Arbitraries.longs().map(l -> (Object) l)),
        Tuple.of(1, Arbitraries.of(0.0, -0.0, 1.5, 1e300, 1.0E-5, Double.NaN, Double.NEGATIVE_INFINITY, 3.1).map(d -> (Object) d)),
        Tuple.of(1, Arbitraries.of(1.5f, Float.POSITIVE_INFINITY, 1e10f).map(f -> (Object) f)),
        Tuple.of(1, Arbitraries.of(new BigDecimal("1E+3"), new BigDecimal("0.00"), new BigDecimal("-1.50"),
            new BigInteger("123456789012345678901234567890")).map(n -> (Object) n)),
        Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
        Tuple.of(1, Arbitraries.just((Object) trusted)),
        Tuple.of(1, Arbitraries.of(Map.of(), List.of(), new Object[0]).map(e -> (Object) e)));
  }

  private static Arbitrary<Object> values(int depth) {
    if (depth == 0) {
      return scalars().injectNull(0.05);
    }
    Arbitrary<Object> maps = Arbitraries.maps(strings(), values(depth - 1)).ofMaxSize(4)
        .map(m -> (Object) new LinkedHashMap<>(m));
    Arbitrary<Object> lists = values(depth - 1).list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    Arbitrary<Object> arrays = values(depth - 1).list().ofMaxSize(3).map(l -> (Object) l.toArray());
    return Arbitraries.frequencyOf(Tuple.of(3, scalars()), Tuple.of(2, maps), Tuple.of(2, lists), Tuple.of(1, arrays))
        .injectNull(0.05);
  }

  @Provide
  Arbitrary<Object> documents() {
    return values(4);
  }

  @Property(tries = 2000)
  void should_write_the_bytes_snakeyaml_wrote(@ForAll("configs") Config config, @ForAll("documents") Object document) {
    assertSame(config, document);
  }

  @Property(tries = 500)
  void should_write_a_jackson_tree_as_snakeyaml_wrote_it(@ForAll("configs") Config config,
      @ForAll("documents") Object document) {
    assertSame(config, YamlWriter.create().mapper().valueToTree(document));
  }

  @Property(tries = 1000)
  void should_write_every_string_as_snakeyaml_wrote_it(@ForAll("configs") Config config, @ForAll("strings") String value) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(value, value);
    map.put("k", List.of(value, Map.of(value, List.of(value))));
    assertSame(config, map);
    assertSame(config, List.of(value, List.of(value)));
    assertSame(config, value);
  }

  private static void assertSame(Config config, Object document) {
    String expected;
    try {
      expected = config.writer().writeWithSnakeYaml(document);
    } catch (RuntimeException refused) {
      assertThat(catchThrowable(() -> config.writer().write(document))).isInstanceOf(RuntimeException.class);
      return;
    }
    // writeOwn, not write: a document left to SnakeYAML would pass without our emitter.
    assertThat(ownEmitter(config.writer(), document)).isEqualTo(expected);
  }

  private static String ownEmitter(YamlWriter writer, Object document) {
    try {
      return writer.writeOwn(document);
    } catch (BlockYamlGenerator.Unsupported e) {
      throw new AssertionError("left to SnakeYAML", e);
    }
  }

  @Test
  void should_leave_anchors_and_binary_values_to_snakeyaml_and_write_them_as_it_did() {
    @JsonIdentityInfo(generator = ObjectIdGenerators.IntSequenceGenerator.class)
    record Node(String name) {}
    Node shared = new Node("x");
    for (Object document : List.of(Map.of("a", shared, "b", shared), Map.of("bytes", new byte[] {1, 2, 3}))) {
      for (Config config : CONFIGS) {
        assertThatThrownBy(() -> config.writer().writeOwn(document)).isInstanceOf(BlockYamlGenerator.Unsupported.class);
        assertThat(config.writer().write(document)).isEqualTo(config.writer().writeWithSnakeYaml(document));
      }
    }
  }
}
