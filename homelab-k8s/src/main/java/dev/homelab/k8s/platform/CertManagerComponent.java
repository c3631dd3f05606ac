package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.certmanager.Certificate;
import dev.homelab.k8s.crd.certmanager.ClusterIssuer;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.k8s.traefik.Routes;
import dev.homelab.model.Lab;
import dev.homelab.model.network.Tls;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * cert-manager with a Let's Encrypt {@code ClusterIssuer} solving DNS-01 through Cloudflare and, by
 * default, one wildcard Certificate for the domain that Traefik's default TLSStore serves.
 *
 * <p>The Cloudflare token Secret must live in the {@code cert-manager} namespace (the cluster
 * resource namespace ClusterIssuers read from).
 *
 * @see <a href="https://cert-manager.io/docs/configuration/acme/dns01/cloudflare/">Cloudflare DNS-01</a>
 */
public final class CertManagerComponent implements Component {
  /** Namespace of cert-manager; the Cloudflare token Secret lives here. */
  public static final String NAMESPACE = "cert-manager";
  /** Name of the Let's Encrypt ClusterIssuer. */
  public static final String ISSUER = "letsencrypt";
  static final int WEBHOOK_PORT = 10250;
  static final int METRICS_PORT = 9402;

  @Override
  public String folder() {
    return "cert-manager";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (!BuiltInAlertRules.usesCertManager(lab)) {
      return List.of();
    }
    Tls tls = lab.tls().get();
    List<HasMetadata> out = new ArrayList<>();
    out.add(Namespaces.restricted(NAMESPACE));
    out.add(HelmChart.of("cert-manager", "https://charts.jetstack.io", "cert-manager", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_CERT_MANAGER), NAMESPACE,
        values(lab)));
    out.add(issuer(tls));
    out.addAll(certificates(lab));
    out.add(NetworkPolicies.defaultDeny(NAMESPACE));
    out.add(NetworkPolicies.allowSameNamespace(NAMESPACE));
    // every Certificate/Issuer write goes through cert-manager's validating and mutating webhook
    out.add(Peers.allowFromApiServer(lab, NAMESPACE,
        Map.of("app.kubernetes.io/name", "webhook", "app.kubernetes.io/instance", "cert-manager"), WEBHOOK_PORT));
    if (lab.monitoring().isPresent()) {
      // The chart's ServiceMonitor (templates/servicemonitor.yaml) scrapes http-metrics (9402) on the
      // controller, the cainjector and the webhook alike, one job each; a policy for the controller
      // alone left two jobs down for good, and TargetDown firing. Every pod of the release, then.
      out.add(Platform.allowScrape(NAMESPACE, Map.of("app.kubernetes.io/instance", "cert-manager"), List.of(METRICS_PORT)));
    }
    return out;
  }

  @Override
  public Map<String, String> extraFiles(Lab lab) {
    Tls tls = lab.tls().orElseThrow();
    return Map.of("README.md", "# cert-manager\n\n"
        + "Create the Secret `" + tls.dnsApiToken().name() + "` (key `" + tls.dnsApiToken().key() + "`) in namespace `"
        + NAMESPACE + "`: a Cloudflare API token with " + dev.homelab.model.infra.Dns.TOKEN_PERMISSIONS
        + " on the domain's zone (cert-manager lists zones to find the zone's id). The ClusterIssuer `"
        + ISSUER + "` reads it from there.\n");
  }

  static HelmValues values(Lab lab) {
    HelmValues v = HelmValues.create()
        .set("crds.enabled", true)
        // check DNS-01 propagation against public resolvers: the LAN's Pi-hole may answer for the
        // domain itself (split horizon) and never show the TXT record
        .setList("extraArgs", List.of("--dns01-recursive-nameservers-only",
            "--dns01-recursive-nameservers=1.1.1.1:53,9.9.9.9:53"));
    if (lab.monitoring().isPresent()) {
      v.set("prometheus.enabled", true)
          .set("prometheus.servicemonitor.enabled", true)
          .set("prometheus.servicemonitor.labels", Peers.RELEASE_LABEL);
    }
    return v;
  }

  static ClusterIssuer issuer(Tls tls) {
    return new ClusterIssuer(new ObjectMetaBuilder().withName(ISSUER).build(),
        new ClusterIssuer.Spec(new ClusterIssuer.Acme(
            tls.acmeServer(),
            tls.email(),
            new ClusterIssuer.SecretKeySelector(ISSUER + "-account-key", null),
            List.of(new ClusterIssuer.Solver(new ClusterIssuer.Dns01(new ClusterIssuer.Cloudflare(
                new ClusterIssuer.SecretKeySelector(tls.dnsApiToken().name(), tls.dnsApiToken().key()))))))));
  }

  /**
   * The certificates the routes read, so nobody creates one by hand: the wildcard one the lab's
   * Traefik serves from its default TLSStore or, with {@code perHost()}, one per routed host in
   * its route's namespace under the Secret name the route names.
   */
  static List<Certificate> certificates(Lab lab) {
    List<Certificate> out = new ArrayList<>();
    if (Routes.usesWildcard(lab)) {
      if (lab.ingress().isPresent() && lab.domain().isPresent()) {
        String domain = lab.domain().get();
        out.add(certificate(Routes.NAMESPACE, "wildcard", Routes.wildcardSecret(lab), List.of(domain, "*." + domain)));
      }
      // hosts the wildcard does not match get their own, so one name that cannot be issued spoils no other
      for (Routes.Host host : Routes.hosts(lab)) {
        if (!Routes.matchesWildcard(lab, host.fqdn())) {
          out.add(certificate(host.namespace(), host.fqdn().replace('.', '-'), Routes.hostSecret(host.fqdn()),
              List.of(host.fqdn())));
        }
      }
    } else {
      for (Routes.Host host : Routes.hosts(lab)) {
        out.add(certificate(host.namespace(), host.fqdn().replace('.', '-'), Routes.hostSecret(host.fqdn()),
            List.of(host.fqdn())));
      }
    }
    return out;
  }

  private static Certificate certificate(String namespace, String name, String secret, List<String> dnsNames) {
    return new Certificate(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build(),
        new Certificate.Spec(secret, dnsNames, Certificate.IssuerRef.clusterIssuer(ISSUER)));
  }
}
