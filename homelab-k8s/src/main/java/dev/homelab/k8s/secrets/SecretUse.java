package dev.homelab.k8s.secrets;

/**
 * One reference from a rendered object to a Secret the cluster must hold: {@code key} is null when
 * the whole Secret is used (envFrom, a secret volume, a chart's {@code existingSecret}).
 *
 * @param namespace the Secret's namespace
 * @param name the Secret's name
 * @param key the key used, or null for the whole Secret
 * @param consumer {@code Kind namespace/name} of the object that references it
 */
public record SecretUse(String namespace, String name, String key, String consumer) {}
