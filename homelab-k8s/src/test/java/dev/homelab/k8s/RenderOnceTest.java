package dev.homelab.k8s;

import static dev.homelab.Homelab.app;
import static dev.homelab.Homelab.secret;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write builds and serializes every object once: the render's work also serves the bring-up guide. */
class RenderOnceTest {
  @TempDir Path out;

  /** A ConfigMap that counts how often a serializer reads its data. */
  static final class CountingConfigMap extends ConfigMap {
    private static final long serialVersionUID = 1L;
    final transient AtomicInteger reads;

    CountingConfigMap(AtomicInteger reads) {
      this.reads = reads;
      setMetadata(new ObjectMetaBuilder().withName("counted").withNamespace("counted").build());
      setData(Map.of("greeting", "hello"));
    }

    @Override
    public Map<String, String> getData() {
      reads.incrementAndGet();
      return super.getData();
    }
  }

  /** A component that counts how often it is built. */
  static final class Counting implements Component {
    final AtomicInteger builds = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public String folder() {
      return "counted";
    }

    @Override
    public List<HasMetadata> objects(Lab lab) {
      builds.incrementAndGet();
      return List.of(new CountingConfigMap(reads));
    }
  }

  @Test
  void should_build_each_component_once_when_a_write_renders_and_lists_the_bring_up_steps() throws Exception {
    Counting counting = new Counting();

    Renderer.using(new KubernetesBackend().with(counting)).write(TestLabs.referenceLike(), out);

    assertThat(counting.builds).hasValue(1);
  }

  @Test
  void should_serialize_each_object_once_for_its_yaml_and_its_secret_scan() {
    Counting counting = new Counting();

    String yaml = new KubernetesBackend().with(counting).render(TestLabs.referenceLike()).text("counted/configmap-counted.yaml");

    assertThat(yaml).contains("greeting: hello");
    assertThat(counting.reads).hasValue(1);
  }

  @Test
  void should_render_anew_on_every_render_call() {
    Counting counting = new Counting();
    KubernetesBackend backend = new KubernetesBackend().with(counting);
    Lab lab = TestLabs.referenceLike();

    backend.render(lab);
    backend.render(lab);

    assertThat(counting.builds).hasValue(2);
  }

  @Test
  void should_list_the_bring_up_steps_of_the_lab_asked_for_not_of_the_last_rendered() {
    KubernetesBackend backend = new KubernetesBackend();
    Lab rendered = TestLabs.referenceLike();
    // one more Secret to create: the first step's count differs
    Lab asked = rendered.apps(app("extra", "ghcr.io/example/extra:1.0.0").env("TOKEN", secret("extra-token", "token")));
    assertThat(new KubernetesBackend().bringUp(asked)).isNotEqualTo(new KubernetesBackend().bringUp(rendered));

    backend.render(rendered);

    assertThat(backend.bringUp(asked)).isEqualTo(new KubernetesBackend().bringUp(asked));
    assertThat(backend.bringUp(rendered)).isEqualTo(new KubernetesBackend().bringUp(rendered));
  }
}
