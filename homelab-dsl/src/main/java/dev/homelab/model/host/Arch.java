package dev.homelab.model.host;

import java.util.Locale;

/** CPU architecture of a node, as Kubernetes' {@code kubernetes.io/arch} label names it. */
public enum Arch {
  /** 64-bit ARM, e.g. a Raspberry Pi 4 or 5. */
  ARM64,
  /** 64-bit x86, e.g. an Intel NUC. */
  AMD64;

  /** The {@code kubernetes.io/arch} label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
