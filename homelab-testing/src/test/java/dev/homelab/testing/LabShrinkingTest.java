package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.backend.Renderer;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.model.Lab;
import dev.homelab.terraform.TerraformBackend;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Example;
import net.jqwik.api.Shrinkable;

/**
 * A failing generated lab shrinks the way jqwik reports it: step by step to smaller labs, each of
 * them valid, down to the smallest lab that still fails.
 */
class LabShrinkingTest {
  private static final Renderer ALL =
      Renderer.using(new KubernetesBackend(), new AnsibleBackend(), new TerraformBackend(), new GitHubActionsBackend());

  @Example
  void should_shrink_a_failing_lab_through_valid_labs_to_a_smallest_one() {
    // Stands for a property that fails on any lab with an app that has a volume.
    Predicate<Lab> fails = lab -> lab.apps().stream().anyMatch(a -> !a.volumes().isEmpty());
    Random random = new Random(7);
    Shrinkable<Lab> current = Labs.arbitrary().generator(1000).next(random);
    while (!fails.test(current.value()) || current.value().apps().size() < 3 || current.value().nodes().size() < 3) {
      current = Labs.arbitrary().generator(1000).next(random);
    }
    int nodes = current.value().nodes().size();
    for (int step = 0; step < 500; step++) {
      Optional<Shrinkable<Lab>> smaller = current.shrink().filter(s -> fails.test(s.value())).findFirst();
      if (smaller.isEmpty()) {
        break;
      }
      current = smaller.get();
      assertThat(ALL.problems(current.value())).as("shrink step %s", step).isEmpty();
    }
    Lab smallest = current.value();
    assertThat(smallest.apps()).hasSize(1);
    assertThat(smallest.apps().get(0).arches()).as("arches of the shrunk app: multi-arch").isEmpty();
    assertThat(smallest.apps().get(0).runsOn()).isEmpty();
    assertThat(smallest.nodes().size()).isLessThan(nodes);
  }
}
