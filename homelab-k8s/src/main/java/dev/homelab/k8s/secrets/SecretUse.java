package dev.homelab.k8s.secrets;

/**
 * One reference from a rendered object to a Secret the cluster must hold: {@code key} is null when
 * the whole Secret is used (envFrom, a secret volume, a chart's {@code existingSecret}).
 *
 * @param namespace the Secret's namespace
 * @param name the Secret's name
 * @param key the key used, or null for the whole Secret
 * @param consumer {@code Kind namespace/name} of the object that references it
 * @param wholeKeys for a Secret used whole, the keys its consumer reads, as its docs name them
 *     (e.g. ARC's {@code github_token}); null when unknown or when {@code key} is set
 */
public record SecretUse(String namespace, String name, String key, String consumer, String wholeKeys) {

  /** A use of {@code key} (or of the whole Secret, when null) with no documented keys. */
  public SecretUse(String namespace, String name, String key, String consumer) {
    this(namespace, name, key, consumer, null);
  }
}
