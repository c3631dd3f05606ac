package dev.homelab.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Strings a YAML 1.1 reader may read as something else, and that reader: SnakeYAML resolves plain
 * scalars by YAML 1.1 rules, like go-yaml v2 (kubectl) and PyYAML (Ansible); Ansible's
 * {@code !unsafe} tag reads as the string it tags.
 */
public final class Yaml11Strings {
  /** One of each YAML 1.1 ambiguity: booleans, null, sexagesimal, octal, hex, binary, underscores, floats, dates, keys. */
  public static final List<String> AMBIGUOUS = List.of("on", "On", "OFF", "yes", "No", "y", "n", "true", "null", "~", "",
      "0777", "0o17", "0x1F", "0b101", "1_000", "03:00", "12:30:00", "190:20:30.15", "<<", "=", ".inf", "-.Inf", ".NaN",
      "1e3", "1.5", ".5", "+1", "-0", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "a: b", "- x", "# x", "x #y", "&a",
      "*a", "!tag", "|", ">", "'", "\"", "{a: 1}", "[1]", "%YAML", "---", "...", " lead", "trail ", "multi\nline\n",
      "multi\nline");

  private Yaml11Strings() {}

  /**
   * {@link #AMBIGUOUS}, strings built from the characters of number, date and keyword forms, and
   * any Unicode text. Not lone surrogates: they are no Unicode text (no UTF-8 file holds one), and
   * SnakeYAML's emitter pairs a lone high surrogate with the next character.
   */
  public static Arbitrary<String> arbitrary() {
    Arbitrary<String> numberish = Arbitraries.strings().withChars("0123456789_:.-+eExobEinfaINFyYnNsoO<=~ \n")
        .ofMinLength(0).ofMaxLength(12);
    Arbitrary<String> words = Arbitraries.of(AMBIGUOUS);
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, words), net.jqwik.api.Tuple.of(5, numberish), net.jqwik.api.Tuple.of(2, any))
        .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
  }

  /** {@code yaml} read by a YAML 1.1 reader; {@code !unsafe} scalars read as their strings. */
  public static Object read(String yaml) {
    return new Yaml(new UnsafeAsString()).load(yaml);
  }

  private static final class UnsafeAsString extends SafeConstructor {
    UnsafeAsString() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
        @Override
        public Object construct(Node node) {
          return ((ScalarNode) node).getValue();
        }
      });
    }
  }
}
