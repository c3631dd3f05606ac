package dev.homelab.backend.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the writer decides about a mapping key, remembered per key text: whether YAML 1.1 makes it
 * quote the key ({@code needToQuoteName} of {@link Yaml11#checker()}) and the emitter's analysis of
 * it. Keys repeat from object to object ({@code apiVersion}, {@code metadata}, {@code name}...), and
 * each decision reads every character of the key again. Both are functions of the text alone (and
 * of whether the writer allows Unicode), so remembering them changes no byte. At most {@value #MAX}
 * keys are kept, the first ones met: label keys, file names and other text used as keys beyond that
 * are decided afresh each time, so memory stays bounded whatever the lab.
 */
final class KeyAnalyses {
  static final int MAX = 4096;

  private record Decided(boolean needsQuotes, ScalarAnalysis unicode, ScalarAnalysis ascii) {}

  private static final Map<String, Decided> DECIDED = new ConcurrentHashMap<>();

  private KeyAnalyses() {}

  /** {@code Yaml11.checker().needToQuoteName(name)}. */
  static boolean needsQuotes(String name) {
    Decided d = decided(name);
    return d == null ? Yaml11.checker().needToQuoteName(name) : d.needsQuotes();
  }

  /** {@link ScalarAnalysis#of} of {@code name}. */
  static ScalarAnalysis of(String name, boolean allowUnicode) {
    Decided d = decided(name);
    if (d == null) {
      return ScalarAnalysis.of(name, allowUnicode);
    }
    return allowUnicode ? d.unicode() : d.ascii();
  }

  /** How many keys are remembered (for tests: never above {@value #MAX}). */
  static int remembered() {
    return DECIDED.size();
  }

  private static Decided decided(String name) {
    Decided d = DECIDED.get(name);
    if (d == null && DECIDED.size() < MAX) {
      d = new Decided(Yaml11.checker().needToQuoteName(name), ScalarAnalysis.of(name, true),
          ScalarAnalysis.of(name, false));
      DECIDED.putIfAbsent(name, d);
    }
    return d;
  }
}
