package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.Example;

/**
 * jqwik tries a generator's edge cases first and logs "Edge case generation exceeds number of
 * tries" when there are as many as tries: a lab has none (they were over 1,000), so a property over
 * labs is quiet and its tries go to random labs; small labs come from shrinking.
 */
class LabArbitraryEdgeCasesTest {
  @Example
  void should_have_fewer_edge_cases_than_the_tries_of_a_quick_property_whatever_the_knobs() {
    assertThat(count(Labs.arbitrary())).isLessThan(10);
    assertThat(count(Labs.arbitrary().nodes(1, 7).archMix(Arch.ARM64, Arch.AMD64).apps(0, 12))).isLessThan(10);
    assertThat(count(Labs.arbitrary().nodes(3, 5).ha(true).apps(2, 4))).isLessThan(10);
  }

  private static int count(Arbitrary<Lab> labs) {
    EdgeCases<Lab> edgeCases = labs.edgeCases(1000);
    return edgeCases.size();
  }
}
