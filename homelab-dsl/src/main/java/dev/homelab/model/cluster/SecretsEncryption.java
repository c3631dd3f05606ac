package dev.homelab.model.cluster;

import java.util.Locale;

/**
 * Encryption at rest of Kubernetes Secrets in etcd.
 *
 * @see <a href="https://docs.k3s.io/security/secrets-encryption">k3s secrets encryption</a>
 */
public enum SecretsEncryption {
  /** AES-CBC, the k3s default provider. */
  AESCBC,
  /** XSalsa20-Poly1305. */
  SECRETBOX,
  /** No encryption at rest. */
  NONE;

  /** The {@code secrets-encryption-provider} value. */
  public String provider() {
    return name().toLowerCase(Locale.ROOT);
  }
}
