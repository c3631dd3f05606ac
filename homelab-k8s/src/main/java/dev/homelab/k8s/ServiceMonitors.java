package dev.homelab.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitorBuilder;
import java.util.Map;

/** The ServiceMonitors the lab renders itself (the charts bring their own). */
public final class ServiceMonitors {
  private ServiceMonitors() {}

  /**
   * A monitor in {@code namespace} scraping {@code path} on the port named {@code port} of the
   * Services labelled {@code selector}. It carries kube-prometheus-stack's release label: Prometheus
   * selects only monitors with it. Typed as {@code HasMetadata}: the monitoring model's types are not
   * part of this module's API.
   */
  public static HasMetadata of(String namespace, String name, Map<String, String> selector, String port, String path) {
    return new ServiceMonitorBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(Peers.RELEASE_LABEL).endMetadata()
        .withNewSpec()
        .withNewSelector().withMatchLabels(selector).endSelector()
        .addNewEndpoint().withPort(port).withPath(path).endEndpoint()
        .endSpec().build();
  }
}
