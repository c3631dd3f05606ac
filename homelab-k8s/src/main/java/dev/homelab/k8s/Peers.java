package dev.homelab.k8s;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.network.WireGuard;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one component needs to know of another's pods: the namespaces, the pod labels the charts set
 * and the Services they create, defined once so a policy that admits a peer and the peer itself
 * cannot drift apart; and the NetworkPolicies that admit those peers.
 *
 * <p>Internal: shared by the Kubernetes backend's packages; not part of the API.
 */
public final class Peers {
  /** Namespace of the lab's own Traefik and of its shared middlewares. */
  public static final String TRAEFIK_NAMESPACE = "traefik";
  /** Labels of the Traefik pods (the traefik chart's {@code app.kubernetes.io/name}; k3s' bundled chart's too). */
  public static final Map<String, String> TRAEFIK_PODS = Map.of("app.kubernetes.io/name", "traefik");

  /** Namespace of the monitoring stack. */
  public static final String MONITORING_NAMESPACE = "monitoring";
  /**
   * Helm release of kube-prometheus-stack. Prometheus only selects ServiceMonitors and
   * PrometheusRules labelled {@code release: <release>} (the chart's *NilUsesHelmValues default).
   */
  public static final String MONITORING_RELEASE = "kube-prometheus-stack";
  /** The label Prometheus selects ServiceMonitors and PrometheusRules on. */
  public static final Map<String, String> RELEASE_LABEL = Map.of("release", MONITORING_RELEASE);
  /** Labels the Prometheus Operator puts on the Prometheus pods. */
  public static final Map<String, String> PROMETHEUS_PODS = Map.of("app.kubernetes.io/name", "prometheus");
  /** Grafana's Service ({@code <release>-grafana}, port 80) and its pods (the grafana chart's labels, port 3000). */
  public static final String GRAFANA_SERVICE = MONITORING_RELEASE + "-grafana";
  /** Port of Grafana's Service. */
  public static final int GRAFANA_SERVICE_PORT = 80;
  /** Labels of the Grafana pods. */
  public static final Map<String, String> GRAFANA_PODS = Map.of("app.kubernetes.io/name", "grafana");
  /** Port Grafana listens on in its pods. */
  public static final int GRAFANA_POD_PORT = 3000;

  /** Namespace and Helm release of CrowdSec; the chart names its Services after the release. */
  public static final String CROWDSEC_NAMESPACE = "crowdsec";
  /** Helm release of CrowdSec; its Services are named after it. */
  public static final String CROWDSEC_RELEASE = "crowdsec";
  /** Port of the CrowdSec Local API. */
  public static final int CROWDSEC_LAPI_PORT = 8080;
  /** Port of the CrowdSec AppSec component. */
  public static final int CROWDSEC_APPSEC_PORT = 7422;
  /** The crowdsec chart labels its pods {@code k8s-app: <release>, type: lapi|agent|appsec}. */
  public static final Map<String, String> CROWDSEC_LAPI_PODS = Map.of("k8s-app", CROWDSEC_RELEASE, "type", "lapi");
  /** Labels of the CrowdSec AppSec pods. */
  public static final Map<String, String> CROWDSEC_APPSEC_PODS = Map.of("k8s-app", CROWDSEC_RELEASE, "type", "appsec");

  private Peers() {}

  /** {@code host:port} of the CrowdSec LAPI Service ({@code <release>-service}). */
  public static String crowdsecLapi() {
    return CROWDSEC_RELEASE + "-service." + CROWDSEC_NAMESPACE + ".svc.cluster.local:" + CROWDSEC_LAPI_PORT;
  }

  /** {@code host:port} of the CrowdSec AppSec Service ({@code <release>-appsec-service}). */
  public static String crowdsecAppsec() {
    return CROWDSEC_RELEASE + "-appsec-service." + CROWDSEC_NAMESPACE + ".svc.cluster.local:" + CROWDSEC_APPSEC_PORT;
  }

  /** Namespace of the Traefik pods that reach the backends: the lab's own, else k3s' bundled one. */
  public static String traefikNamespace(Lab lab) {
    return lab.ingress().isPresent() ? TRAEFIK_NAMESPACE : "kube-system";
  }

  /** LAN and VPN subnets: the clients of the internal side and of LAN services such as DNS. */
  public static List<String> lanAndVpn(Lab lab) {
    List<String> out = new ArrayList<>();
    lab.lan().ifPresent(out::add);
    lab.vpn().map(WireGuard::subnet).ifPresent(out::add);
    return out;
  }

  /** The pod network (k3s' {@code cluster-cidr}; 10.42.0.0/16 when the lab declares no cluster). */
  public static String clusterCidr(Lab lab) {
    return lab.cluster().map(K3s::clusterCidr).orElse("10.42.0.0/16");
  }

  /**
   * The sources a NetworkPolicy must admit for {@code clients} reaching pods through a MetalLB
   * LoadBalancer IP: the clients, plus the pod network. Packets a node itself sends to the IP (a
   * host firewall bouncer, a VPN gateway node forwarding its clients) and packets kube-proxy
   * forwards from a node without a local endpoint are masqueraded to the node's flannel address
   * (10.42.N.0 or the cni0 bridge's 10.42.N.1). A pod keeps its own address through a ClusterIP
   * and through a LoadBalancer IP with {@code externalTrafficPolicy: Local}; through one with
   * {@code Cluster} (Pi-hole's DNS) kube-proxy masquerades it to its node's flannel address when the
   * endpoint is on another node. Every one of those is in the pod network, and the node addresses
   * cannot be told apart from pods' (k3s hands out each node's pod range itself), so any pod may
   * reach these ports too. What stands behind them therefore authenticates on its own: CrowdSec's
   * LAPI asks for a key, Traefik's internal entrypoints answer 403 to the pod network
   * ({@code internal-only}), Pi-hole serves DNS.
   */
  public static List<String> viaLoadBalancer(Lab lab, List<String> clients) {
    List<String> out = new ArrayList<>(clients);
    String pods = clusterCidr(lab);
    if (!out.contains(pods)) {
      out.add(pods);
    }
    return out;
  }

  /** Lets the Traefik pods reach the pods of {@code namespace} matching {@code targets} on TCP {@code ports}. */
  public static NetworkPolicy allowFromTraefik(Lab lab, String namespace, String name, Map<String, String> targets,
      List<Integer> ports) {
    return NetworkPolicies.allowFromNamespace(namespace, name, targets, traefikNamespace(lab), TRAEFIK_PODS, ports);
  }

  /**
   * Lets the API server call an admission webhook on TCP {@code port}. The API server runs on the
   * host, so its packets carry a node address (LAN) or, towards a pod on another node, the node's
   * flannel address inside the pod CIDR.
   */
  public static NetworkPolicy allowFromApiServer(Lab lab, String namespace, Map<String, String> webhookPods, int port) {
    List<String> sources = new ArrayList<>();
    lab.lan().ifPresent(sources::add);
    sources.add(clusterCidr(lab));
    return NetworkPolicies.allowFromCidrs(namespace, "allow-apiserver-webhook", webhookPods, sources,
        List.of(NetworkPolicies.port("TCP", port)));
  }

  /** Lets Prometheus scrape the pods of {@code namespace} matching {@code targets} on TCP {@code ports}. */
  public static NetworkPolicy allowFromPrometheus(String namespace, String name, Map<String, String> targets,
      List<Integer> ports) {
    return NetworkPolicies.allowFromNamespace(namespace, name, targets, MONITORING_NAMESPACE, PROMETHEUS_PODS, ports);
  }
}
