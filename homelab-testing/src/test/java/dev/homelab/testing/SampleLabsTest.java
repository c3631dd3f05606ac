package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.backend.Renderer;
import dev.homelab.github.GitHubActionsBackend;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import dev.homelab.terraform.TerraformBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Example;

/**
 * Renders a fixed sample of generated labs of mixed size and shape into
 * {@code target/sample-labs/lab-NN/}, for {@code .ci/run} to check each one with the external
 * acceptance harness (the build itself never reads it). Same seed, same labs.
 */
class SampleLabsTest {
  static final int COUNT = 20;
  static final long SEED = 20260101L;

  /** Shapes that cycle over the sample: one node, small, HA, big, one arch, many public apps. */
  static final List<LabArbitrary> SHAPES = List.of(
      Labs.arbitrary().nodes(1, 1).apps(1, 3),
      Labs.arbitrary().nodes(2, 4).ha(false).apps(2, 5),
      Labs.arbitrary().nodes(3, 5).ha(true).archMix(Arch.ARM64),
      Labs.arbitrary().nodes(5, 7).ha(true).apps(4, 6).publicShare(0.6),
      Labs.arbitrary().nodes(2, 7).archMix(Arch.AMD64).apps(3, 6));

  static List<Lab> sample() {
    List<Lab> labs = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      Random random = new Random(SEED + i);
      labs.add(SHAPES.get(i % SHAPES.size()).generator(100).next(random).value());
    }
    return labs;
  }

  @Example
  void should_write_a_fixed_sample_of_mixed_generated_labs() throws IOException {
    Path root = Path.of("target/sample-labs");
    delete(root);
    Renderer renderer = Renderer.using(new KubernetesBackend(), new AnsibleBackend(), new TerraformBackend(), new GitHubActionsBackend());
    List<Lab> labs = sample();
    Set<Integer> sizes = new TreeSet<>();
    StringBuilder index = new StringBuilder();
    for (int i = 0; i < labs.size(); i++) {
      Lab lab = labs.get(i);
      String name = String.format("lab-%02d", i);
      renderer.write(lab, root.resolve(name));
      sizes.add(lab.nodes().size());
      index.append(name).append(": ").append(lab.nodes().size()).append(" nodes (").append(lab.servers().size())
          .append(" servers), ").append(lab.apps().size()).append(" apps\n");
    }
    Files.writeString(root.resolve("INDEX.txt"), index.toString(), StandardCharsets.UTF_8);
    assertThat(sample()).as("same seed, same labs").isEqualTo(labs);
    assertThat(sizes).as("node counts in the sample").contains(1, 3).hasSizeGreaterThan(3);
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
