package example;

import static dev.homelab.testing.HomelabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.testing.LabRender;
import dev.homelab.testing.Labs;
import dev.homelab.testing.Topology;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property tests of a user's lab with homelab-testing, its one test-scoped dependency. */
class MyLabPropertiesTest {
  @Property(tries = 10)
  void every_change_of_my_lab_renders_consistently(@ForAll("changes") Lab changed) {
    assertThat(Topology.of(changed).reachableFromInternet()).isEmpty();
    LabRender render = LabRender.of(changed);
    assertThat(render).hasNoUnresolvedReferences().hasNoSecretValues().parsesWithFabric8();
    // asked of the rendered routes too: nothing listens on a public entry point
    assertThat(render.topology().reachableFromInternet()).isEmpty();
  }

  @Provide
  Arbitrary<Lab> changes() {
    return Labs.variationsOf(MyLab.lab());
  }
}
