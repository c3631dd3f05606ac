package dev.homelab.k8s.crd.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * k3s' {@code helm.cattle.io/v1 HelmChartConfig}: values layered over a HelmChart of the same
 * name and namespace (CRD {@code helm.cattle.io_helmchartconfigs.yaml}).
 */
public final class HelmChartConfig extends TypedResource<HelmChartConfig.Spec> {

  /** The values layered over the chart's, as YAML, and what helm-controller does on a failed install. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(String valuesContent, String failurePolicy) {}

  /** A HelmChartConfig with {@code metadata} and {@code spec}. */
  public HelmChartConfig(ObjectMeta metadata, Spec spec) {
    super("helm.cattle.io/v1", "HelmChartConfig", metadata, spec);
  }

  /** Values over the chart {@code name} in {@code kube-system}. */
  public static HelmChartConfig of(String name, HelmValues values) {
    return new HelmChartConfig(
        new ObjectMetaBuilder().withName(name).withNamespace("kube-system").build(),
        new Spec(values.toYaml(), null));
  }
}
