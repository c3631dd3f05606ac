package dev.homelab.backend.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Which strings must be quoted so that every YAML reader reads them back as the same string.
 * YAML 1.1 readers (go-yaml v2 behind kubectl's {@code sigs.k8s.io/yaml}, PyYAML behind Ansible,
 * SnakeYAML) read more plain scalars as non-strings than YAML 1.2 does: the booleans {@code yes},
 * {@code on}, {@code y}; sexagesimal numbers ({@code 12:30:00}); octal ({@code 0777}), hex, binary
 * and underscored ({@code 1_000}) numbers; dates; floats such as {@code 1e3} or {@code .inf}; the
 * merge key {@code <<} and the value key {@code =}. Jackson's default checker knows the keywords
 * and YAML 1.2 numbers; this adds the YAML 1.1-only forms.
 *
 * @see <a href="https://yaml.org/type/">YAML 1.1 types</a>
 */
public final class Yaml11 {
  private static final Pattern YAML11_ONLY = Pattern.compile(
      "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?"
          + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"
          + "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|<<|=");
  /**
   * Every form above starts with one of these characters; most keys and values start with a letter,
   * so the pattern runs only on the few that could match (it ran on every key and value written).
   */
  private static final String FIRST_CHARS = "-+.0123456789<=";
  private static final Checker CHECKER = new Checker();

  private Yaml11() {}

  /** Whether {@code value}, written plain, would be read as something else than this string by a YAML 1.1 or 1.2 reader. */
  public static boolean needsQuotes(String value) {
    return CHECKER.needToQuoteValue(value);
  }

  /** The checker the writer hands Jackson, for map keys and values alike. */
  static StringQuotingChecker checker() {
    return CHECKER;
  }

  private static final class Checker extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || yaml11Only(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || yaml11Only(name);
    }

    private static boolean yaml11Only(String text) {
      return !text.isEmpty() && FIRST_CHARS.indexOf(text.charAt(0)) >= 0 && YAML11_ONLY.matcher(text).matches();
    }
  }
}
