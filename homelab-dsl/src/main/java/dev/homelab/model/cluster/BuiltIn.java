package dev.homelab.model.cluster;

import java.util.Locale;

/**
 * A component k3s bundles and can {@code --disable}.
 *
 * @see <a href="https://docs.k3s.io/installation/packaged-components">k3s packaged components</a>
 */
public enum BuiltIn {
  SERVICELB,
  TRAEFIK,
  LOCAL_STORAGE,
  METRICS_SERVER,
  COREDNS;

  /** The value of k3s' {@code disable} list. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
