package dev.homelab.github;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.network.Tls;
import java.util.List;
import java.util.TreeSet;

/**
 * The CRDs the rendered {@code k8s/} folder uses but does not ship ready to use: charts installed by
 * k3s' helm-controller (and the {@code Plan} CRD applied in the same pass) create them a minute after
 * the first {@code kubectl apply}, so the custom resources of that pass fail with "no matches for
 * kind". The deploy job waits for exactly these before applying again.
 *
 * <p>Backends never import each other, so the list follows from the model here, one line per
 * component, as the Kubernetes backend renders them (its {@code k8s/README.md} prints the same list):
 *
 * <pre>
 * component (model)                     CRDs its custom resources need
 * ingress(traefik())                    ingressroutes, middlewares, tlsstores .traefik.io
 * tls(certManager(...))                 certificates, clusterissuers .cert-manager.io
 * loadBalancer(pool(...))               ipaddresspools, l2advertisements .metallb.io
 * monitoring(...)                       prometheusrules, servicemonitors .monitoring.coreos.com
 * k3s(...).upgrades(...)                plans.upgrade.cattle.io
 * secretStore(...)                      externalsecrets.external-secrets.io
 * </pre>
 *
 * Each chart installs all of its CRDs whether or not a resource uses them, so waiting for one that
 * no resource needs only costs the time the chart takes anyway. A component added to the Kubernetes
 * backend with its own CRDs needs a line here.
 */
final class CustomResourceDefinitions {
  private CustomResourceDefinitions() {}

  /** The CRD names ({@code <plural>.<group>}) to wait for, sorted; empty when the lab uses none. */
  static List<String> of(Lab lab) {
    TreeSet<String> crds = new TreeSet<>();
    if (lab.traefik().isPresent()) {
      crds.addAll(List.of("ingressroutes.traefik.io", "middlewares.traefik.io", "tlsstores.traefik.io"));
    }
    if (lab.tls().map(t -> t.issuer() == Tls.Issuer.CERT_MANAGER).orElse(false)) {
      crds.addAll(List.of("certificates.cert-manager.io", "clusterissuers.cert-manager.io"));
    }
    if (!lab.pools().isEmpty()) {
      crds.addAll(List.of("ipaddresspools.metallb.io", "l2advertisements.metallb.io"));
    }
    if (lab.monitoring().isPresent()) {
      crds.addAll(List.of("prometheusrules.monitoring.coreos.com", "servicemonitors.monitoring.coreos.com"));
    }
    if (lab.k3s().flatMap(K3s::upgrades).isPresent()) {
      crds.add("plans.upgrade.cattle.io");
    }
    if (lab.secretStore().isPresent()) {
      crds.add("externalsecrets.external-secrets.io");
    }
    return List.copyOf(crds);
  }
}
