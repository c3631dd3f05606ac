package dev.homelab.k8s.metallb;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.k8s.crd.metallb.IPAddressPool;
import dev.homelab.k8s.crd.metallb.L2Advertisement;
import dev.homelab.model.Lab;
import dev.homelab.model.network.AddressPool;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MetalLB in L2 mode, replacing k3s' servicelb: the chart, one IPAddressPool per model pool and one
 * L2Advertisement for all of them. Rendered only when the lab has pools.
 *
 * @see <a href="https://metallb.io/installation/#installation-with-helm">MetalLB with Helm</a>
 */
public final class MetalLbComponent implements Component {
  /** Namespace of MetalLB and its pools. */
  public static final String NAMESPACE = "metallb-system";
  /** The annotation that asks MetalLB for a fixed IP (prefix {@code metallb.io/} since 0.14.9). */
  public static final String LOAD_BALANCER_IPS = "metallb.io/loadBalancerIPs";

  /**
   * Chart values: the lab announces its IPs in Layer 2 only, so no BGP backend. Chart 0.16 turned
   * the bundled FRR-k8s on by default ({@code frrk8s.enabled: true}), which would run an extra
   * DaemonSet and its webhook on every node for nothing.
   */
  static HelmValues values() {
    return HelmValues.create().set("frrk8s.enabled", false);
  }

  @Override
  public String folder() {
    return "metallb";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.loadBalancer().isEmpty()) {
      return List.of();
    }
    List<HasMetadata> out = new ArrayList<>();
    out.add(Namespaces.privileged(NAMESPACE,
        "the speaker DaemonSet uses hostNetwork and NET_RAW to answer ARP for service IPs (L2 mode)"));
    out.add(HelmChart.of("metallb", "https://metallb.github.io/metallb", "metallb", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_METALLB), NAMESPACE,
        values()));
    List<String> names = new ArrayList<>();
    for (AddressPool pool : lab.loadBalancer()) {
      out.add(IPAddressPool.of(NAMESPACE, pool.name(), pool.addresses(), pool.autoAssign()));
      names.add(pool.name());
    }
    out.add(L2Advertisement.of(NAMESPACE, "l2", names));
    out.add(NetworkPolicies.defaultDeny(NAMESPACE));
    out.add(NetworkPolicies.allowSameNamespace(NAMESPACE));
    // The API server calls the controller's validating webhook.
    out.add(Peers.allowFromApiServer(lab, NAMESPACE,
        Map.of("app.kubernetes.io/name", "metallb", "app.kubernetes.io/component", "controller"), 9443));
    return out;
  }
}
