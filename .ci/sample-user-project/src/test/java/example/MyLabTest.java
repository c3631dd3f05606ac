package example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.KubernetesBackend;
import org.junit.jupiter.api.Test;

class MyLabTest {
  @Test
  void should_render_the_lab_with_the_pinned_traefik_chart() {
    RenderedFiles files = new KubernetesBackend().render(MyLab.lab().validate());

    String charts = files.files().keySet().stream().filter(p -> p.startsWith("traefik/"))
        .map(files::text).reduce("", String::concat);
    assertTrue(charts.contains("version: 41.4.0"), charts);
    assertTrue(files.text("README.md").contains("| `CHART_TRAEFIK` | Traefik Helm chart | `41.4.0` |"));
  }
}
