package dev.homelab.backend.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the writer decides about a scalar, remembered per text: the style it asks for (for a key,
 * whether YAML 1.1 makes it quote the key; for a value, {@link BlockYamlGenerator#writeString}'s
 * choice) and the emitter's analysis. Keys and many values repeat from object to object
 * ({@code apiVersion}, {@code name}, {@code TCP}, {@code RuntimeDefault}...), and each decision reads
 * every character again. All are functions of the text alone (and of whether the writer allows
 * Unicode), so remembering them changes no byte. Each memo keeps at most {@value #MAX} texts of at
 * most {@value #MAX_LENGTH} characters, the first ones met; the rest are decided afresh each time,
 * so memory stays bounded whatever the lab.
 */
final class ScalarDecisions {
  static final int MAX = 4096;
  static final int MAX_LENGTH = 64;

  /** Mapping keys: double-quoted where YAML 1.1 reads them as something else. */
  static final ScalarDecisions KEYS = new ScalarDecisions(name -> Yaml11.checker().needToQuoteName(name)
      ? BlockEmitter.Style.DOUBLE_QUOTED : BlockEmitter.Style.PLAIN);

  /** String values: {@code YAMLGenerator.writeString} with minimized quotes, numbers quoted. */
  static final ScalarDecisions VALUES = new ScalarDecisions(ScalarDecisions::valueStyle);

  /** The style to ask for, and the analysis with and without Unicode allowed. */
  record Decided(BlockEmitter.Style style, ScalarAnalysis unicode, ScalarAnalysis ascii) {
    ScalarAnalysis analysis(boolean allowUnicode) {
      return allowUnicode ? unicode : ascii;
    }
  }

  private final Function<String, BlockEmitter.Style> decide;
  private final Map<String, Decided> decided = new ConcurrentHashMap<>();

  private ScalarDecisions(Function<String, BlockEmitter.Style> decide) {
    this.decide = decide;
  }

  /** What is decided for {@code text}: remembered, or decided now (and remembered while there is room). */
  Decided of(String text, boolean allowUnicode) {
    Decided d = decided.get(text);
    if (d != null) {
      return d;
    }
    if (text.length() > MAX_LENGTH || decided.size() >= MAX) {
      ScalarAnalysis analysis = ScalarAnalysis.of(text, allowUnicode);
      return new Decided(decide.apply(text), analysis, analysis);
    }
    d = new Decided(decide.apply(text), ScalarAnalysis.of(text, true), ScalarAnalysis.of(text, false));
    decided.putIfAbsent(text, d);
    return d;
  }

  /** How many texts are remembered (for tests: never above {@value #MAX}). */
  int remembered() {
    return decided.size();
  }

  private static BlockEmitter.Style valueStyle(String text) {
    if (text.isEmpty()) {
      return BlockEmitter.Style.DOUBLE_QUOTED;
    } else if (text.indexOf('\n') >= 0) {
      return BlockEmitter.Style.LITERAL;
    } else if (Yaml11.checker().needToQuoteValue(text) || isPlainNumber(text)) {
      return BlockEmitter.Style.DOUBLE_QUOTED;
    }
    return BlockEmitter.Style.PLAIN;
  }

  /** YAMLGenerator's {@code PLAIN_NUMBER_P}, {@code [+-]?[0-9]*(\.[0-9]*)?}: matches "", "+", "." too. */
  private static boolean isPlainNumber(String text) {
    int i = 0;
    int length = text.length();
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
    }
    return i == length;
  }
}
