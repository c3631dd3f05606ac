package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.fixtures.TestLabs;
import dev.homelab.model.Lab;
import dev.homelab.versions.VersionKey;
import org.junit.jupiter.api.Test;

class LabPartsTest {
  @Test
  void should_rebuild_a_lab_with_every_part_set_to_an_equal_lab() {
    Lab lab = TestLabs.rich().secretStore("vault").sshUser("pi").version(VersionKey.CHART_TRAEFIK, "41.4.0");
    assertThat(LabParts.of(lab).build()).isEqualTo(lab);
  }

  @Test
  void should_keep_the_nodes_order_and_every_app_when_reordering() {
    Lab lab = TestLabs.rich();
    for (long seed = 0; seed < 20; seed++) {
      Lab reordered = Labs.reordered(lab, seed);
      assertThat(reordered.nodes()).isEqualTo(lab.nodes());
      assertThat(reordered.apps()).containsExactlyInAnyOrderElementsOf(lab.apps());
    }
  }
}
