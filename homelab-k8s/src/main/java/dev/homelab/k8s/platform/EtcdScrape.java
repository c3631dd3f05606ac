package dev.homelab.k8s.platform;

import dev.homelab.internal.EtcdMetrics;
import dev.homelab.k8s.Peers;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.ScrapeConfigBuilder;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.StaticConfig;
import java.util.List;
import java.util.Optional;

/**
 * Prometheus scrapes the embedded etcd of an HA cluster on every server ({@link EtcdMetrics}): a
 * ScrapeConfig of static targets rather than the chart's {@code kubeEtcd} Service, which needs
 * v1 Endpoints (deprecated since Kubernetes 1.33) for a process that is not a pod. Job {@code etcd}:
 * the chart's etcd rules select {@code job=~".*etcd.*"}. Selected by Prometheus through the release
 * label (the chart's {@code scrapeConfigSelectorNilUsesHelmValues}); the chart's
 * {@code scrapeConfigNamespaceSelector: {}} reads every namespace, Prometheus's own included.
 *
 * @see <a href="https://prometheus-operator.dev/docs/developer/scrapeconfig/">prometheus-operator: ScrapeConfig</a>
 */
final class EtcdScrape {
  static final String NAME = "etcd";

  private EtcdScrape() {}

  /** The ScrapeConfig, or nothing when the lab's servers expose no etcd metrics or have no addresses. */
  static Optional<HasMetadata> of(Lab lab) {
    List<String> targets = EtcdMetrics.targets(lab);
    if (targets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ScrapeConfigBuilder()
        .withNewMetadata().withName(NAME).withNamespace(MonitoringComponent.NAMESPACE).withLabels(Peers.RELEASE_LABEL)
        .endMetadata()
        .withNewSpec()
        .withJobName(NAME)
        .withScheme("HTTP")
        .withMetricsPath("/metrics")
        .withStaticConfigs(new StaticConfig(null, targets))
        .endSpec()
        .build());
  }
}
