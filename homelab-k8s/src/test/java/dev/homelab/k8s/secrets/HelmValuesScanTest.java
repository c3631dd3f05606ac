package dev.homelab.k8s.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.fixtures.TestLabs;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A HelmChart's values are scanned from the tree {@link HelmValues} wrote them from, with the same
 * findings as parsing the YAML; values of unknown origin are still parsed.
 */
class HelmValuesScanTest {

  @Test
  void should_find_the_same_secrets_in_written_values_as_in_their_parsed_yaml() {
    int charts = 0;
    for (Lab lab : List.of(TestLabs.rich(), TestLabs.web(), TestLabs.rich().secretStore("vault"))) {
      for (HasMetadata o : objects(lab)) {
        if (!(o instanceof HelmChart chart) || chart.getSpec().valuesContent() == null) {
          continue;
        }
        charts++;
        assertThat(KubernetesYaml.writtenTree(chart.getSpec().valuesContent())).as(o.getMetadata().getName()).isPresent();
        JsonNode tree = SecretScanner.tree(o);
        assertThat(SecretScanner.scan(o, tree, true)).as(o.getMetadata().getName())
            .isEqualTo(SecretScanner.scan(o, tree, false));
      }
    }
    assertThat(charts).isGreaterThan(5);
  }

  @Test
  void should_parse_values_a_customizer_replaced() {
    HelmChart written = HelmChart.of("app", "https://charts.example.com", "app", "1.0.0", "apps",
        HelmValues.create().set("auth.existingSecret", "written"));
    String replaced = "auth:\n  existingSecret: replaced\n";
    HelmChart customized = new HelmChart(written.getMetadata(), new HelmChart.Spec("https://charts.example.com", "app",
        "1.0.0", "apps", null, replaced));
    assertThat(KubernetesYaml.writtenTree(replaced)).isEmpty();
    assertThat(SecretScanner.scan(customized)).extracting(SecretUse::name).containsExactly("replaced");
    assertThat(SecretScanner.scan(written)).extracting(SecretUse::name).containsExactly("written");
  }

  @Test
  void should_keep_the_tree_of_equal_values_written_again_after_the_first_string_is_collected() {
    String first = HelmValues.create().set("auth.existingSecret", "db").toYaml();
    WeakReference<String> firstRef = new WeakReference<>(first);
    String second = HelmValues.create().set("auth.existingSecret", "db").toYaml();
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    first = null;
    for (int i = 0; i < 50 && firstRef.get() != null; i++) {
      System.gc();
    }
    assumeThat(firstRef.get()).as("the first string was collected").isNull();
    assertThat(KubernetesYaml.writtenTree(second)).isPresent();
  }

  private static List<HasMetadata> objects(Lab lab) {
    List<HasMetadata> out = new ArrayList<>();
    new KubernetesBackend().customize(o -> {
      out.add(o);
      return o;
    }).render(lab);
    return out;
  }
}
