package dev.homelab.backend;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.BringUpStep.Stage;
import dev.homelab.model.Lab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BringUpGuideTest {
  private static final Lab LAB = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  /** A backend that renders one file and contributes the given steps. */
  private static Backend stepping(String name, BringUpStep... steps) {
    return new Backend() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<BringUpStep> bringUp(Lab lab) {
        return List.of(steps);
      }

      @Override
      public RenderedFiles render(Lab lab) {
        return RenderedFiles.builder().add("file.txt", name).build();
      }
    };
  }

  private static final Backend K8S = stepping("k8s",
      new BringUpStep(Stage.KUBERNETES, "Apply the manifests", "kubectl apply -k ."),
      new BringUpStep(Stage.SECRETS, "Create the Secrets", "see SECRETS.md"));
  private static final Backend ANSIBLE = stepping("ansible",
      new BringUpStep(Stage.HOSTS, "Prepare the hosts", "site.yml"),
      new BringUpStep(Stage.CLUSTER, "Install k3s", "k3s.orchestration.site"),
      new BringUpStep(Stage.AFTER_KUBERNETES, "Start the bouncers", "--tags bouncer"));

  @Test
  void should_order_the_steps_of_every_backend_by_stage_not_by_backend() {
    String guide = BringUpGuide.render(LAB, List.of(K8S, ANSIBLE));

    assertThat(guide.lines().filter(l -> l.startsWith("## ")).toList()).containsExactly(
        "## 1. Prepare the hosts (`ansible/`)",
        "## 2. Install k3s (`ansible/`)",
        "## 3. Create the Secrets (`k8s/`)",
        "## 4. Apply the manifests (`k8s/`)",
        "## 5. Start the bouncers (`ansible/`)");
    assertThat(guide).startsWith("# Bringing up homelab `test`\n").endsWith("--tags bouncer\n");
  }

  @Test
  void should_keep_backend_order_within_a_stage() {
    Backend first = stepping("one", new BringUpStep(Stage.HOSTS, "First", "a"));
    Backend second = stepping("two", new BringUpStep(Stage.HOSTS, "Second", "b"));

    assertThat(BringUpGuide.render(LAB, List.of(second, first))).containsSubsequence("## 1. Second", "## 2. First");
  }

  @Test
  void should_write_the_guide_at_the_top_of_the_output(@TempDir Path out) throws Exception {
    List<String> written = Renderer.using(K8S, ANSIBLE).write(LAB, out);

    assertThat(written).containsExactly("README.md", "ansible/file.txt", "k8s/file.txt");
    assertThat(Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8)).isEqualTo(BringUpGuide.render(LAB, List.of(K8S, ANSIBLE)));
  }

  @Test
  void should_keep_the_guide_whole_when_rendering_one_backend(@TempDir Path out) throws Exception {
    List<String> written = Renderer.using(K8S, ANSIBLE).write(LAB, out, List.of("k8s"));

    assertThat(written).containsExactly("README.md", "k8s/file.txt");
    assertThat(Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8)).contains("Prepare the hosts").contains("Apply the manifests");
  }
}
