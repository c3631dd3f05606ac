package dev.homelab.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes workflows as YAML with Jackson: insertion-ordered maps, literal blocks for scripts, "\n" line breaks. */
final class WorkflowYaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // "3.10" must stay a string, not become the number 3.1.
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .build());

  private WorkflowYaml() {}

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
    StringBuilder out = new StringBuilder();
    for (String line : header.split("\n")) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    try {
      // SnakeYAML's emitter breaks lines with "\n" on every OS.
      return out.append(MAPPER.writeValueAsString(document)).toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
