package dev.homelab.model.cluster;

import java.util.Locale;

/**
 * A component k3s bundles and can {@code --disable}.
 *
 * @see <a href="https://docs.k3s.io/installation/packaged-components">k3s packaged components</a>
 */
public enum BuiltIn {
  /** ServiceLB (klipper-lb), the bundled LoadBalancer; MetalLB replaces it when the lab has pools. */
  SERVICELB,
  /** The bundled Traefik; the lab renders its own. */
  TRAEFIK,
  /** The local-path provisioner: node-local volumes ({@code local-path} StorageClass). */
  LOCAL_STORAGE,
  /** metrics-server, behind {@code kubectl top} and HorizontalPodAutoscalers. */
  METRICS_SERVER,
  /** CoreDNS, the cluster DNS. */
  COREDNS;

  /** The value of k3s' {@code disable} list. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
