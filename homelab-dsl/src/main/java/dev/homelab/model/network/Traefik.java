package dev.homelab.model.network;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Traefik as the ingress, with a public side (forwarded from the router, behind CrowdSec) and an
 * internal side (LAN and VPN only): two entrypoints on two MetalLB IPs.
 *
 * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Traefik {
  Traefik() {}

  /**
   * MetalLB IP of the public LoadBalancer Service. Default: any pool address.
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public abstract Optional<String> publicIp();

  /**
   * MetalLB IP of the internal LoadBalancer Service. Default: any pool address.
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public abstract Optional<String> internalIp();

  /**
   * Entrypoint of public routes. Default: {@code websecure}.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  @Value.Default
  public String publicEntrypoint() {
    return "websecure";
  }

  /**
   * Entrypoint of internal routes. Default: {@code websecure-int}.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  @Value.Default
  public String internalEntrypoint() {
    return "websecure-int";
  }

  /**
   * {@code externalTrafficPolicy: Local}, so apps and CrowdSec see real client IPs. Default: true.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip">preserving the client source IP</a>
   */
  @Value.Default
  public boolean preserveClientIp() {
    return true;
  }

  /**
   * Helm chart version. Default: the versions file's ({@code VersionKey.CHART_TRAEFIK}, {@code 41.3.0}
   * when this was written); left at that default, a lab's {@code .version(VersionKey.CHART_TRAEFIK, ...)}
   * is rendered instead ({@link dev.homelab.versions.Versions#of}).
   *
   * @see <a href="https://github.com/traefik/traefik-helm-chart">Traefik Helm chart</a>
   */
  @Value.Default
  public String chartVersion() {
    return dev.homelab.versions.Versions.defaults().get(dev.homelab.versions.VersionKey.CHART_TRAEFIK);
  }

  /**
   * Replicas when Traefik runs as a Deployment. Default: 2. With {@link #preserveClientIp()} (the
   * default) the Kubernetes backend runs Traefik on every node instead (a DaemonSet, so
   * {@code externalTrafficPolicy: Local} always finds a local pod) and this does not apply; Traefik's
   * own ACME resolver needs a single replica.
   *
   * @see <a href="https://github.com/traefik/traefik-helm-chart">Traefik Helm chart</a>
   */
  @Value.Default
  public int replicas() {
    return 2;
  }

  /**
   * Managed Traefik; prefer {@link dev.homelab.Homelab#traefik}. Default: entrypoints {@code websecure}
   * and {@code websecure-int} on any pool IPs, client IPs preserved, 2 replicas, chart {@code 41.3.0}.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  public static Traefik defaults() {
    return ImmutableTraefik.of();
  }

  /**
   * Fixed MetalLB IP of the public side (port-forwarded from the router). Default: none, which rule
   * {@code traefik-route-ips} allows only while no app is public.
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public Traefik publicIp(String ip) {
    required(ip, ModelPaths.ingress(), ".publicIp(ip)", "an IP of a MetalLB pool", ".publicIp(\"192.168.1.240\")");
    return copy().withPublicIp(ip);
  }

  /**
   * Fixed MetalLB IP of the internal side (LAN DNS points here). Default: none, which rule
   * {@code traefik-route-ips} allows only while Pi-hole has no internal route to point at it.
   *
   * @see <a href="https://metallb.io/usage/">MetalLB usage: requesting specific IPs</a>
   */
  public Traefik internalIp(String ip) {
    required(ip, ModelPaths.ingress(), ".internalIp(ip)", "an IP of a MetalLB pool", ".internalIp(\"192.168.1.241\")");
    return copy().withInternalIp(ip);
  }

  /**
   * Entrypoint names of the public and internal side. Default: {@code websecure}, {@code websecure-int}.
   *
   * @see <a href="https://doc.traefik.io/traefik/routing/entrypoints/">Traefik entrypoints</a>
   */
  public Traefik entrypoints(String publicName, String internalName) {
    required(publicName, ModelPaths.ingress(), ".entrypoints(publicName, …)", "an entrypoint name", ".entrypoints(\"websecure\", \"websecure-int\")");
    required(internalName, ModelPaths.ingress(), ".entrypoints(…, internalName)", "an entrypoint name", ".entrypoints(\"websecure\", \"websecure-int\")");
    return copy().withPublicEntrypoint(publicName).withInternalEntrypoint(internalName);
  }

  /**
   * Uses {@code externalTrafficPolicy: Cluster} (client IPs are lost). Default: Local.
   *
   * @see <a href="https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip">preserving the client source IP</a>
   */
  public Traefik withoutClientIp() {
    return copy().withPreserveClientIp(false);
  }

  /**
   * Pins the traefik/traefik Helm chart version. Default: {@code 41.3.0}.
   *
   * @see <a href="https://github.com/traefik/traefik-helm-chart">Traefik Helm chart</a>
   */
  public Traefik chartVersion(String version) {
    required(version, ModelPaths.ingress(), ".chartVersion(version)", "a chart version", ".chartVersion(\"41.3.0\")");
    return copy().withChartVersion(version);
  }

  /**
   * Number of Traefik pods when it runs as a Deployment (see {@link #replicas()}); Traefik's own ACME resolver needs 1. Default: 2.
   *
   * @see <a href="https://github.com/traefik/traefik-helm-chart">Traefik Helm chart</a>
   */
  public Traefik replicas(int replicas) {
    return copy().withReplicas(replicas);
  }

  /**
   * Broken invariants of Traefik; empty when it is sound. Never throws. The public and internal
   * sides must differ in both IP and entrypoint name, else internal routes are reachable from the
   * internet (rule {@code traefik-sides}).
   */
  public List<Problem> violations() {
    return new Problems()
        .when(!chartVersion().matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?"), Checks.CHART_VERSION,
            () -> "chart version " + Texts.quote(chartVersion()) + " is not a release version like 41.3.0",
            "Call .chartVersion(\"41.3.0\") with a release of the Traefik Helm chart")
        .when(replicas() < 1, Checks.REPLICAS, () -> "replicas is " + replicas() + ", at least 1 is needed", "Call traefik().replicas(2)")
        .when(publicEntrypoint().equals(internalEntrypoint()), Checks.TRAEFIK_SIDES,
            () -> "public and internal side share the entrypoint " + publicEntrypoint() + ", so internal apps are reachable from the internet",
            "Call .entrypoints(\"websecure\", \"websecure-int\")")
        .when(publicIp().isPresent() && publicIp().equals(internalIp()), Checks.TRAEFIK_SIDES,
            () -> "public and internal side share the IP " + publicIp().get() + ", so internal apps are reachable from the internet",
            "Give .internalIp(...) its own address")
        .when(!publicEntrypoint().matches("[A-Za-z0-9_-]+") || !internalEntrypoint().matches("[A-Za-z0-9_-]+"), Checks.TRAEFIK_SIDES,
            () -> "entrypoint names " + Texts.quote(publicEntrypoint()) + " and " + Texts.quote(internalEntrypoint()) + " must be letters, digits, - and _",
            "Call .entrypoints(\"websecure\", \"websecure-int\")")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableTraefik copy() {
    return (ImmutableTraefik) this;
  }
}
