package dev.homelab.model.host;

import java.util.Locale;

/** CPU architecture of a node, as Kubernetes' {@code kubernetes.io/arch} label names it. */
public enum Arch {
  ARM64,
  AMD64;

  /** The {@code kubernetes.io/arch} label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
