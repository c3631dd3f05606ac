package dev.homelab.k8s.traefik;

import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.k8s.metallb.MetalLbComponent;
import dev.homelab.model.Lab;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import java.util.List;
import java.util.Map;

/**
 * Values of the traefik/traefik chart (41.x: {@code log}/{@code accessLog} trees) for the public
 * and internal sides: the public entrypoint on the chart's Service (the router forwards 80/443 to
 * its IP), the internal one only on an additional Service whose IP only the LAN and VPN reach.
 *
 * @see <a href="https://github.com/traefik/traefik-helm-chart/blob/master/EXAMPLES.md">chart examples</a>
 */
final class TraefikValues {
  /** Container ports of the entrypoints; the NetworkPolicy of the namespace opens exactly these. */
  static final int WEB = 8000;
  static final int WEBSECURE = 8443;
  static final int WEB_INTERNAL = 8001;
  static final int WEBSECURE_INTERNAL = 8444;
  static final int METRICS = 9100;
  /** Where the chart's {@code websecure} goes when the public entrypoint has another name; no policy opens it. */
  static final int UNUSED = 8442;
  /** The chart's plain-HTTP public entrypoint (port 80 on the public IP): it only redirects to HTTPS. */
  static final String WEB_ENTRYPOINT = "web";
  /** Name of the additional Service of the internal side (the chart calls it {@code traefik-internal}). */
  static final String INTERNAL_SERVICE = "internal";
  static final String BOUNCER_MODULE = "github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin";

  private TraefikValues() {}

  static HelmValues of(Lab lab, Traefik traefik) {
    HelmValues v = HelmValues.create();
    boolean acme = lab.tls().map(t -> t.issuer() == Tls.Issuer.TRAEFIK_ACME).orElse(false);
    if (daemonSet(lab, traefik)) {
      v.set("deployment.kind", "DaemonSet");
    } else {
      // ACME state lives in one RWO volume: one pod only.
      int replicas = acme ? 1 : traefik.replicas();
      v.set("deployment.replicas", replicas);
      spread(v, replicas);
    }
    v.set("resources", Map.of("requests", Map.of("cpu", "100m", "memory", "128Mi"), "limits", Map.of("memory", "256Mi")));
    ports(v, traefik);
    services(v, traefik);
    // CrowdSec's agent reads the access log from the container's stdout.
    v.set("log.level", "INFO");
    v.set("accessLog.enabled", true);
    v.set("providers.kubernetesCRD.allowCrossNamespace", true); // routes use the middlewares of the traefik namespace
    // An Ingress without an entrypoint annotation would be served on every entrypoint, the public
    // one included: only IngressRoutes, which always name theirs.
    v.set("providers.kubernetesIngress.enabled", false);
    if (lab.security().isPresent()) {
      v.set("experimental.plugins.bouncer.moduleName", BOUNCER_MODULE);
      v.set("experimental.plugins.bouncer.version", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.TRAEFIK_PLUGIN_CROWDSEC_BOUNCER));
      crowdsecOnPublicEntrypoints(v, traefik);
      // The chart drops every request header from the access log (fields.headers.defaultMode: drop),
      // so the common log format prints "-" for both; CrowdSec's traefik parser reads the user agent
      // from it, and http-bad-user-agent (base-http-scenarios) never fires without it.
      v.set("accessLog.fields.headers.names", Map.of("User-Agent", "keep", "Referer", "keep"));
    }
    if (lab.monitoring().isPresent()) {
      v.set("metrics.prometheus.service.enabled", true);
      v.set("metrics.prometheus.serviceMonitor.enabled", true);
      v.set("metrics.prometheus.serviceMonitor.additionalLabels", Peers.RELEASE_LABEL);
    }
    if (acme) {
      acme(v, lab, lab.tls().orElseThrow());
    }
    return v;
  }

  private static void spread(HelmValues v, int replicas) {
    if (replicas > 1) {
      // Spread the pods so externalTrafficPolicy Local finds one on several nodes.
      v.setList("topologySpreadConstraints", List.of(Map.of("maxSkew", 1, "topologyKey", "kubernetes.io/hostname",
          "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", Map.of("matchLabels", Peers.TRAEFIK_PODS))));
      v.set("podDisruptionBudget.enabled", true);
      v.set("podDisruptionBudget.maxUnavailable", 1);
    }
  }

  /**
   * Whether Traefik runs as a DaemonSet: when client IPs are preserved ({@code externalTrafficPolicy:
   * Local}) a node only answers for a LoadBalancer IP if it runs a Traefik pod, and MetalLB may
   * announce the IP from any node, while the VPN gateway (a k3s node) forwards its clients to the
   * internal IP through its own kube-proxy, which drops them without a local endpoint. A pod on
   * every node makes both work (MetalLB docs, "Local traffic policy"); {@link Traefik#replicas()}
   * then does not apply. Not with Traefik's own ACME resolver, whose state is one ReadWriteOnce
   * volume: that stays a single-pod Deployment.
   */
  static boolean daemonSet(Lab lab, Traefik traefik) {
    boolean acme = lab.tls().map(t -> t.issuer() == Tls.Issuer.TRAEFIK_ACME).orElse(false);
    return traefik.preserveClientIp() && !acme;
  }

  private static void ports(HelmValues v, Traefik traefik) {
    String pub = traefik.publicEntrypoint();
    String internal = traefik.internalEntrypoint();
    v.set("ports." + WEB_ENTRYPOINT + ".http.redirections.entryPoint", Map.of("to", pub, "scheme", "https", "permanent", true));
    if (!"websecure".equals(pub)) {
      // The chart always defines websecure: move it off the public port and expose it nowhere.
      v.set("ports.websecure.port", UNUSED);
      v.set("ports.websecure.expose", Map.of("default", false));
    }
    v.set("ports." + pub + ".port", WEBSECURE);
    v.set("ports." + pub + ".exposedPort", 443);
    v.set("ports." + pub + ".expose", Map.of("default", true));
    v.set("ports." + pub + ".http.tls.enabled", true);
    v.set("ports.web-int.port", WEB_INTERNAL);
    v.set("ports.web-int.exposedPort", 80);
    v.set("ports.web-int.expose", Map.of("default", false, INTERNAL_SERVICE, true));
    v.set("ports.web-int.http.redirections.entryPoint", Map.of("to", internal, "scheme", "https", "permanent", true));
    v.set("ports." + internal + ".port", WEBSECURE_INTERNAL);
    v.set("ports." + internal + ".exposedPort", 443);
    v.set("ports." + internal + ".expose", Map.of("default", false, INTERNAL_SERVICE, true));
    v.set("ports." + internal + ".http.tls.enabled", true);
  }

  /**
   * Both Services are LoadBalancers with their own MetalLB IP. Each one's {@code spec} is written
   * whole here: the chart (41.3.0, {@code templates/service.yaml}, {@code _service.tpl}) copies
   * {@code service.spec} only to the default Service and an additional Service's {@code spec} as it
   * is, so without its own {@code type} the internal one is a ClusterIP Service, which the API
   * server rejects with an {@code externalTrafficPolicy}.
   */
  /**
   * The bouncer (with AppSec when enabled: one middleware) on the public entrypoints themselves,
   * not on each route: Traefik prepends an entrypoint's {@code http.middlewares} to every router
   * on it (traefik/traefik v3, {@code pkg/server/aggregator.go} {@code applyModel}), so a route
   * added later or by a customizer cannot skip it. {@code web} gets it too: its redirect to HTTPS
   * is a router of priority {@code MaxInt-1}, and a route that outranks it would otherwise serve
   * plain HTTP unprotected. The chart writes {@code ports.<name>.http.middlewares} as
   * {@code --entryPoints.<name>.http.middlewares} (41.3.0, {@code _podtemplate.tpl}).
   */
  private static void crowdsecOnPublicEntrypoints(HelmValues v, Traefik traefik) {
    List<String> bouncer = List.of(Routes.entrypointMiddleware(Routes.CROWDSEC));
    v.setList("ports." + WEB_ENTRYPOINT + ".http.middlewares", bouncer);
    v.setList("ports." + traefik.publicEntrypoint() + ".http.middlewares", bouncer);
  }

  private static void services(HelmValues v, Traefik traefik) {
    traefik.publicIp().ifPresent(ip -> v.set("service.annotations", Map.of(MetalLbComponent.LOAD_BALANCER_IPS, ip)));
    v.set("service.spec", loadBalancerSpec(traefik));
    String internal = "service.additionalServices." + INTERNAL_SERVICE;
    v.set(internal + ".enabled", true);
    traefik.internalIp().ifPresent(ip -> v.set(internal + ".annotations", Map.of(MetalLbComponent.LOAD_BALANCER_IPS, ip)));
    v.set(internal + ".spec", loadBalancerSpec(traefik));
  }

  /** A LoadBalancer keeping client IPs ({@code Local}) or not ({@code Cluster}, any node forwards). */
  private static Map<String, Object> loadBalancerSpec(Traefik traefik) {
    return Map.of("type", "LoadBalancer", "externalTrafficPolicy", traefik.preserveClientIp() ? "Local" : "Cluster");
  }

  /** Traefik's own ACME resolver, DNS-01 through Cloudflare, state on a small volume (chart EXAMPLES.md). */
  private static void acme(HelmValues v, Lab lab, Tls tls) {
    String r = "certificatesResolvers." + Routes.ACME_RESOLVER + ".acme.";
    v.set(r + "email", tls.email());
    v.set(r + "storage", "/data/acme.json");
    v.set(r + "caServer", tls.acmeServer());
    v.set(r + "dnsChallenge.provider", "cloudflare");
    v.setList("env", List.of(Map.of("name", "CF_DNS_API_TOKEN", "valueFrom", Map.of("secretKeyRef",
        Map.of("name", tls.dnsApiToken().name(), "key", tls.dnsApiToken().key())))));
    v.set("persistence.enabled", true);
    // Named, not left to the default StorageClass: a lab without k3s' local-path has none, and the
    // claim would never bind (the chart's pvc.yaml writes storageClassName only when this is set).
    v.set("persistence.storageClass", lab.storageClassForSmallState());
    // The volume must be writable by Traefik's user (65532); acme.json must stay 0600.
    v.set("podSecurityContext.fsGroup", 65532);
    v.set("podSecurityContext.fsGroupChangePolicy", "OnRootMismatch");
    // The old pod must release the ReadWriteOnce volume before the new one starts.
    v.set("updateStrategy.rollingUpdate.maxUnavailable", 1);
    v.set("updateStrategy.rollingUpdate.maxSurge", 0);
  }
}
