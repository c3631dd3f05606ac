package dev.homelab.backend.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The remembered key decisions are the decisions: asked twice (remembered) or past the bound (afresh). */
class KeyAnalysesProperties {
  @Property(tries = 500)
  void should_decide_a_key_as_the_checker_and_the_analysis_do(
      @ForAll(supplier = SpecialStrings.class) String key, @ForAll boolean allowUnicode) {
    for (int asked = 0; asked < 2; asked++) {
      assertThat(KeyAnalyses.needsQuotes(key)).isEqualTo(Yaml11.checker().needToQuoteName(key));
      assertSame(KeyAnalyses.of(key, allowUnicode), ScalarAnalysis.of(key, allowUnicode));
    }
  }

  @Test
  void should_remember_at_most_its_bound_and_decide_the_rest_afresh() {
    for (int i = 0; i < KeyAnalyses.MAX + 10; i++) {
      KeyAnalyses.of("key-" + i, true);
    }
    assertThat(KeyAnalyses.remembered()).isEqualTo(KeyAnalyses.MAX);
    String late = "late: key\u2028";
    assertThat(KeyAnalyses.needsQuotes(late)).isEqualTo(Yaml11.checker().needToQuoteName(late));
    assertSame(KeyAnalyses.of(late, false), ScalarAnalysis.of(late, false));
    assertThat(KeyAnalyses.remembered()).isEqualTo(KeyAnalyses.MAX);
  }

  private static void assertSame(ScalarAnalysis actual, ScalarAnalysis expected) {
    assertThat(new boolean[] {actual.empty, actual.multiline, actual.allowBlockPlain, actual.allowSingleQuoted,
        actual.allowBlock, actual.unicodeBreak})
        .containsExactly(expected.empty, expected.multiline, expected.allowBlockPlain, expected.allowSingleQuoted,
            expected.allowBlock, expected.unicodeBreak);
  }

  /** The differential property's strings, rich in what YAML treats specially. */
  static final class SpecialStrings implements net.jqwik.api.ArbitrarySupplier<String> {
    @Override
    public net.jqwik.api.Arbitrary<String> get() {
      return BlockEmitterDifferentialProperties.strings();
    }
  }
}
