package dev.homelab.github;

import dev.homelab.backend.yaml.TrustedText;
import dev.homelab.backend.yaml.YamlWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes workflows through the shared {@link YamlWriter}: insertion-ordered maps, literal blocks
 * for scripts, "\n" line breaks, every YAML 1.1 ambiguity quoted (a branch {@code 2001-12-14}). Every {@code String} is text: one holding {@code ${{} (GitHub would evaluate it in
 * most keys, and offers no escape that also holds in {@code on:}) or a character YAML cannot hold
 * or reads as a line break is refused ({@link UnsafeValueException}); the expressions the workflow
 * needs are {@link Expression}s, which only this backend makes.
 *
 * @see <a href="https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions">Expressions</a>
 */
final class WorkflowYaml {
  private static final YamlWriter WRITER = YamlWriter.create().hook((value, where) -> {
    text(value);
    return Optional.empty();
  });

  /** A GitHub Actions expression, written as {@code ${{ body }}}; never built from a model string. */
  record Expression(String body) implements TrustedText {
    @Override
    public String text() {
      return "${{ " + body + " }}";
    }
  }

  private WorkflowYaml() {}

  static Expression expression(String body) {
    return new Expression(body);
  }

  /** {@code text} if it can be workflow text; throws {@link UnsafeValueException} naming it otherwise. */
  static String text(String text) {
    text.codePoints().filter(WorkflowYaml::notText).findFirst().ifPresent(c -> {
      throw new UnsafeValueException(text, String.format("contains the control character U+%04X", c));
    });
    if (text.contains("${{")) {
      throw new UnsafeValueException(text, "contains ${{, which GitHub Actions would evaluate as an expression");
    }
    return text;
  }

  /**
   * Whether YAML cannot hold {@code c} (outside its printable set: C0 but line feed and tab, DEL,
   * C1, lone surrogates, U+FFFE, U+FFFF) or YAML 1.1 readers break lines there (NEL, LS, PS).
   *
   * @see <a href="https://yaml.org/spec/1.2.2/#51-character-set">YAML character set</a>
   */
  private static boolean notText(int c) {
    boolean printable = c == '\n' || c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff)
        || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    return !printable || c == 0x2028 || c == 0x2029;
  }

  /** An insertion-ordered map from alternating keys and values; null values are left out. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }

  /** {@code header} as {@code #} comment lines, then the document. */
  static String write(String header, Object document) {
    // SnakeYAML's emitter breaks lines with "\n" on every OS.
    String yaml = WRITER.write(document);
    StringBuilder out = new StringBuilder();
    // The header repeats model strings the document holds: checked after it, so a problem names the value itself.
    for (String line : text(header).split("\n")) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    return out.append(yaml).toString();
  }

}
