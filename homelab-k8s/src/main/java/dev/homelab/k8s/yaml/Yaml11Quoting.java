package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Jackson's quoting checker plus the plain scalars a YAML 1.1 reader (go-yaml v2 behind kubectl's
 * {@code sigs.k8s.io/yaml}, PyYAML) reads as something other than the string: sexagesimal, hex,
 * octal and binary numbers, dates, floats without digits before the point, the merge key
 * {@code <<} and the value key {@code =}.
 *
 * @see <a href="https://yaml.org/type/">YAML 1.1 types</a>
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Pattern YAML11_ONLY = Pattern.compile(
      "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*(\\.[0-9_]*)?"
          + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"
          + "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|<<|=");

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || YAML11_ONLY.matcher(value).matches();
  }

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || YAML11_ONLY.matcher(name).matches();
  }
}
