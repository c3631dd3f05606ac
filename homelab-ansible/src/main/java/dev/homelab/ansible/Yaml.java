package dev.homelab.ansible;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one YAML writer of this backend: Jackson, plain scalars where YAML 1.1 and 1.2 agree, quotes
 * where they do not ({@code "0600"}, {@code "yes"}, {@code "{{ ... }}"}), multi-line strings as
 * literal blocks, no line folding. Maps keep their insertion order; callers build them in a stable
 * order so the same model gives the same bytes.
 */
final class Yaml {
  private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .stringQuotingChecker(new Yaml11Quoting())
      .build());

  private Yaml() {}

  /**
   * Jackson's checker plus the scalars only YAML 1.1 (PyYAML, so Ansible) reads as non-strings:
   * sexagesimal numbers ({@code 03:00} is 180), hex/octal/binary ints, dates.
   */
  private static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern YAML11_ONLY = Pattern.compile(
        "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"
            + "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || YAML11_ONLY.matcher(value).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || YAML11_ONLY.matcher(name).matches();
    }
  }

  /** {@code value} as a YAML document without the {@code ---} marker. */
  static String write(Object value) {
    String yaml;
    try {
      yaml = MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return value instanceof List<?> ? outdent(yaml) : yaml;
  }

  /**
   * SnakeYAML indents a top-level sequence like a nested one ({@code "  - name: ..."}); a playbook
   * reads better from column 0. Every line of such a document belongs to an item, so each starts
   * with the two spaces removed here (literal blocks keep their relative indentation).
   */
  private static String outdent(String yaml) {
    StringBuilder out = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith("  ")) {
        return yaml;
      }
      out.append(line.isEmpty() ? line : line.substring(2)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** A file: {@code ---}, the comment lines (each prefixed with {@code # }), then the document. */
  static String file(String comment, Object value) {
    StringBuilder out = new StringBuilder("---\n");
    if (!comment.isEmpty()) {
      for (String line : comment.split("\n", -1)) {
        out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
    }
    return out.append(write(value)).toString();
  }
}
