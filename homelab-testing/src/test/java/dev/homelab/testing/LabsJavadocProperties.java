package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The property the {@link Labs} javadoc and docs/testing.md show, as written: it must hold on every
 * generated lab, those without any internal app included (AssertJ's
 * {@code doesNotContainAnyElementsOf} refuses an empty set, so that form threw on them).
 */
class LabsJavadocProperties {

  @Property(tries = 100)
  void should_keep_internal_apps_off_the_internet_on_every_generated_lab(@ForAll("labs") Lab lab) {
    Topology topology = Topology.of(lab);
    assertThat(topology.reachableFromInternet()).noneMatch(topology.internalApps()::contains);
  }

  @Property(tries = 10)
  void should_hold_on_a_lab_without_internal_apps(@ForAll("withoutApps") Lab lab) {
    Topology topology = Topology.of(lab);
    assertThat(topology.internalApps()).isEmpty();
    assertThat(topology.reachableFromInternet()).noneMatch(topology.internalApps()::contains);
  }

  @Provide
  Arbitrary<Lab> labs() {
    return Labs.arbitrary().nodes(1, 7).publicShare(0.3);
  }

  @Provide
  Arbitrary<Lab> withoutApps() {
    return Labs.arbitrary().apps(0, 0);
  }
}
