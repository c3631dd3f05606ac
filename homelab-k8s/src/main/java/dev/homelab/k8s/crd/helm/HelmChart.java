package dev.homelab.k8s.crd.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * k3s' {@code helm.cattle.io/v1 HelmChart}: the k3s helm-controller installs the chart. Fields
 * follow the CRD {@code helm.cattle.io_helmcharts.yaml} of k3s-io/helm-controller.
 *
 * @see <a href="https://docs.k3s.io/add-ons/helm">k3s Helm add-ons</a>
 */
public final class HelmChart extends TypedResource<HelmChart.Spec> {

  /** The subset of HelmChart's spec the backend sets. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      String repo,
      String chart,
      String version,
      String targetNamespace,
      Boolean createNamespace,
      String valuesContent) {}

  /** A HelmChart with {@code metadata} and {@code spec}. */
  public HelmChart(ObjectMeta metadata, Spec spec) {
    super("helm.cattle.io/v1", "HelmChart", metadata, spec);
  }

  /**
   * A chart {@code chart} from {@code repo} at {@code version}, installed into {@code targetNamespace}.
   * The HelmChart object itself lives in {@code kube-system}, as k3s expects.
   */
  public static HelmChart of(String name, String repo, String chart, String version, String targetNamespace,
      HelmValues values) {
    return new HelmChart(
        new ObjectMetaBuilder().withName(name).withNamespace("kube-system").build(),
        new Spec(repo, chart, version, targetNamespace, null, values.isEmpty() ? null : values.toYaml()));
  }
}
