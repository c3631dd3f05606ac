package dev.homelab.model.cluster;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.validation.Checks;
import dev.homelab.validation.Problem;
import org.junit.jupiter.api.Test;

class K3sVersionTest {
  @Test
  void should_read_the_kubernetes_version_and_the_k3s_revision_of_a_tag() {
    K3sVersion v = K3sVersion.of("v1.33.4+k3s1");

    assertThat(v.major()).isEqualTo(1);
    assertThat(v.minor()).isEqualTo(33);
    assertThat(v.patch()).isEqualTo(4);
    assertThat(v.revision()).isEqualTo(1);
    assertThat(v.kubernetesVersion()).isEqualTo("v1.33.4");
    assertThat(v).hasToString("v1.33.4+k3s1");
  }

  @Test
  void should_order_by_kubernetes_version_then_revision_numerically() {
    assertThat(K3sVersion.of("v1.33.10+k3s1")).isGreaterThan(K3sVersion.of("v1.33.9+k3s2"));
    assertThat(K3sVersion.of("v1.33.4+k3s2")).isGreaterThan(K3sVersion.of("v1.33.4+k3s1"));
    assertThat(K3sVersion.of("v1.9.0+k3s1")).isLessThan(K3sVersion.of("v1.33.0+k3s1"));
  }

  @Test
  void should_refuse_what_is_no_release_tag() {
    for (String bad : new String[] {"1.33.4+k3s1", "v1.33+k3s1", "v1.33.4", "v1.33.4+k3s", "v1.33.4-k3s1", " v1.33.4+k3s1",
        "v99999999999.1.1+k3s1"}) {
      assertThat(K3sVersion.parse(bad)).as(bad).isEmpty();
    }
    assertThat(K3sVersion.parse(null)).isEmpty();
    assertThatThrownBy(() -> K3sVersion.of("1.33")).hasMessage("'1.33' is not a k3s release like v1.33.4+k3s1");
  }

  @Test
  void should_report_a_version_number_too_long_for_an_int_as_a_problem_not_an_exception() {
    // The old comparison parsed every \d+ as an int: a pinned upgrade like this threw from violations().
    K3s k3s = k3s("v1.33.4+k3s1").upgrades(autoUpgrade().version("v1.99999999999.0+k3s1"));

    assertThat(k3s.violations()).extracting(Problem::check).containsExactly(Checks.UPGRADE_VERSION);
  }
}
