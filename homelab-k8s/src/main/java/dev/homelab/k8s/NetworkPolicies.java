package dev.homelab.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicy patterns every namespace uses: deny all ingress, then allow exactly the flows
 * it needs. k3s enforces them with its embedded kube-router.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/services-networking/network-policies/">NetworkPolicy</a>
 */
public final class NetworkPolicies {
  /** The label Kubernetes puts on every namespace with its own name. */
  public static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

  private NetworkPolicies() {}

  /** Denies every ingress to every pod of {@code namespace}. */
  public static NetworkPolicy defaultDeny(String namespace) {
    return new NetworkPolicyBuilder()
        .withNewMetadata().withName("default-deny").withNamespace(namespace).endMetadata()
        .withNewSpec().withPodSelector(new LabelSelector()).withPolicyTypes("Ingress").endSpec()
        .build();
  }

  /** Allows pods of {@code namespace} to reach each other. */
  public static NetworkPolicy allowSameNamespace(String namespace) {
    return allow(namespace, "allow-same-namespace", new LabelSelector(),
        List.of(new NetworkPolicyPeerBuilder().withPodSelector(new LabelSelector()).build()), List.of());
  }

  /**
   * Allows pods matching {@code podLabels} in namespace {@code from} (all of its pods when
   * {@code podLabels} is empty) to reach the pods of {@code namespace} selected by
   * {@code targetLabels} on {@code ports} (TCP).
   */
  public static NetworkPolicy allowFromNamespace(String namespace, String name, Map<String, String> targetLabels,
      String from, Map<String, String> podLabels, List<Integer> ports) {
    NetworkPolicyPeerBuilder peer = new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels(NAMESPACE_NAME, from).build());
    if (!podLabels.isEmpty()) {
      peer.withPodSelector(new LabelSelectorBuilder().withMatchLabels(podLabels).build());
    }
    return allow(namespace, name, selector(targetLabels), List.of(peer.build()), tcp(ports));
  }

  /**
   * Allows the pods of namespace {@code from} that {@code pods} selects to reach the pods of
   * {@code namespace} selected by {@code targets} on {@code ports} (TCP): for selectors a label map
   * cannot say, such as every pod of one app of a shared namespace.
   */
  public static NetworkPolicy allowFromPods(String namespace, String name, LabelSelector targets,
      String from, LabelSelector pods, List<Integer> ports) {
    NetworkPolicyPeer peer = new NetworkPolicyPeerBuilder()
        .withNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels(NAMESPACE_NAME, from).build())
        .withPodSelector(pods).build();
    return allow(namespace, name, targets, List.of(peer), tcp(ports));
  }

  /** Lets the pods {@code pods} selects reach each other on every port: one app's own pods in a shared namespace. */
  public static NetworkPolicy allowAmong(String namespace, String name, LabelSelector pods) {
    return allow(namespace, name, pods, List.of(new NetworkPolicyPeerBuilder().withPodSelector(pods).build()), List.of());
  }

  /** Allows clients from these CIDRs (LAN, VPN) to reach pods matching {@code targetLabels} on {@code ports}. */
  public static NetworkPolicy allowFromCidrs(String namespace, String name, Map<String, String> targetLabels,
      List<String> cidrs, List<NetworkPolicyPort> ports) {
    List<NetworkPolicyPeer> peers = new ArrayList<>();
    for (String cidr : cidrs) {
      peers.add(new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build());
    }
    return allow(namespace, name, selector(targetLabels), peers, ports);
  }

  /**
   * Allows every source to reach pods matching {@code targetLabels} on {@code ports}: for servers
   * whose clients are not pods (the API server calling a webhook, internet clients of an ingress).
   */
  public static NetworkPolicy allowFromAnywhere(String namespace, String name, Map<String, String> targetLabels,
      List<NetworkPolicyPort> ports) {
    return allow(namespace, name, selector(targetLabels), List.of(), ports);
  }

  /** A port of a protocol, for {@link #allowFromCidrs}. */
  public static NetworkPolicyPort port(String protocol, int port) {
    return new NetworkPolicyPortBuilder().withProtocol(protocol).withPort(new IntOrString(port)).build();
  }

  /**
   * Assembled by setter, each part copied once: fabric8's nested builders would copy the peers
   * and ports again at every {@code endX()} (see {@link dev.homelab.k8s.pods.Templates}), and
   * there are a dozen of these per app. The selectors are copied, as a builder would, so no two
   * policies (or a policy and its caller) share one mutable object.
   */
  private static NetworkPolicy allow(String namespace, String name, LabelSelector target,
      List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    NetworkPolicyIngressRule rule = new NetworkPolicyIngressRule();
    rule.setFrom(new ArrayList<>(peers.size()));
    for (NetworkPolicyPeer peer : peers) {
      rule.getFrom().add(new NetworkPolicyPeerBuilder(peer).build());
    }
    rule.setPorts(new ArrayList<>(ports.size()));
    for (NetworkPolicyPort port : ports) {
      rule.getPorts().add(new NetworkPolicyPortBuilder(port).build());
    }
    NetworkPolicySpec spec = new NetworkPolicySpec();
    spec.setPodSelector(new LabelSelectorBuilder(target).build());
    spec.setPolicyTypes(new ArrayList<>(List.of("Ingress")));
    spec.setIngress(new ArrayList<>(List.of(rule)));
    NetworkPolicy policy = new NetworkPolicy();
    policy.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    policy.setSpec(spec);
    return policy;
  }

  private static LabelSelector selector(Map<String, String> labels) {
    return labels.isEmpty() ? new LabelSelector() : new LabelSelectorBuilder().withMatchLabels(labels).build();
  }

  private static List<NetworkPolicyPort> tcp(List<Integer> ports) {
    List<NetworkPolicyPort> out = new ArrayList<>();
    for (int p : ports) {
      out.add(port("TCP", p));
    }
    return out;
  }
}
