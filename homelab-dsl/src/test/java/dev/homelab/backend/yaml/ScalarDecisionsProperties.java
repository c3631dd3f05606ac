package dev.homelab.backend.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The remembered decisions are the decisions, whether remembered (asked twice), too long to be, or
 * past the bound (decided afresh).
 */
class ScalarDecisionsProperties {
  @Property(tries = 500)
  void should_decide_a_key_as_the_checker_and_the_analysis_do(
      @ForAll(supplier = SpecialStrings.class) String key, @ForAll boolean allowUnicode) {
    for (int asked = 0; asked < 2; asked++) {
      ScalarDecisions.Decided d = ScalarDecisions.KEYS.of(key, allowUnicode);
      assertThat(d.style()).isEqualTo(Yaml11.checker().needToQuoteName(key)
          ? BlockEmitter.Style.DOUBLE_QUOTED : BlockEmitter.Style.PLAIN);
      assertSame(d.analysis(allowUnicode), ScalarAnalysis.of(key, allowUnicode));
    }
  }

  @Property(tries = 500)
  void should_decide_a_value_as_the_generator_did(
      @ForAll(supplier = SpecialStrings.class) String value, @ForAll boolean allowUnicode) {
    BlockEmitter.Style expected = value.isEmpty() ? BlockEmitter.Style.DOUBLE_QUOTED
        : value.contains("\n") ? BlockEmitter.Style.LITERAL
        : Yaml11.checker().needToQuoteValue(value) || value.matches("[+-]?[0-9]*(\\.[0-9]*)?")
            ? BlockEmitter.Style.DOUBLE_QUOTED : BlockEmitter.Style.PLAIN;
    for (int asked = 0; asked < 2; asked++) {
      ScalarDecisions.Decided d = ScalarDecisions.VALUES.of(value, allowUnicode);
      assertThat(d.style()).isEqualTo(expected);
      assertSame(d.analysis(allowUnicode), ScalarAnalysis.of(value, allowUnicode));
    }
  }

  @Test
  void should_remember_at_most_its_bound_and_decide_the_rest_afresh() {
    for (int i = 0; i < ScalarDecisions.MAX + 10; i++) {
      ScalarDecisions.VALUES.of("value-" + i, true);
    }
    assertThat(ScalarDecisions.VALUES.remembered()).isEqualTo(ScalarDecisions.MAX);
    String late = "late: value\u2028";
    ScalarDecisions.Decided d = ScalarDecisions.VALUES.of(late, false);
    assertThat(d.style()).isEqualTo(BlockEmitter.Style.DOUBLE_QUOTED);
    assertSame(d.analysis(false), ScalarAnalysis.of(late, false));
    assertThat(ScalarDecisions.VALUES.remembered()).isEqualTo(ScalarDecisions.MAX);
  }

  private static void assertSame(ScalarAnalysis actual, ScalarAnalysis expected) {
    assertThat(new boolean[] {actual.empty, actual.multiline, actual.allowBlockPlain, actual.allowSingleQuoted,
        actual.allowBlock, actual.unicodeBreak})
        .containsExactly(expected.empty, expected.multiline, expected.allowBlockPlain, expected.allowSingleQuoted,
            expected.allowBlock, expected.unicodeBreak);
  }

  /** The differential property's strings, rich in what YAML treats specially. */
  static final class SpecialStrings implements ArbitrarySupplier<String> {
    @Override
    public Arbitrary<String> get() {
      return BlockEmitterDifferentialProperties.strings();
    }
  }
}
