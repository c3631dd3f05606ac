package dev.homelab.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A reference to a secret: its name, the key inside it and, optionally, the store it lives in.
 * Never a value. Each backend turns it into its own kind of reference: a Kubernetes
 * {@code secretKeyRef} (or an {@code ExternalSecret} when a store is named), an Ansible
 * {@code {{ vault_* }}} variable, a sensitive Terraform variable.
 */
@Value.Immutable
@HomelabStyle
public abstract class SecretRef {
  SecretRef() {}

  /** Name of the secret (a Kubernetes Secret name; the stem of Vault and Terraform variables). */
  @Value.Parameter
  public abstract String name();

  /** Key inside the secret. */
  @Value.Parameter
  public abstract String key();

  /** Store that holds it (an External Secrets store name); default: created by hand, listed in SECRETS.md. */
  public abstract Optional<String> store();

  public static SecretRef of(String name, String key) {
    return ImmutableSecretRef.of(name, key);
  }

  /** The secret lives in this External Secrets (Cluster)SecretStore. Default: none. */
  public SecretRef inStore(String storeName) {
    return copy().withStore(storeName);
  }

  /** {@code name_key} in snake case: the stem of Ansible vault and Terraform variable names. */
  public String variableStem() {
    return (name() + "_" + key()).replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "secret(" + name() + "/" + key() + store().map(s -> " in " + s).orElse("") + ")";
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableSecretRef copy() {
    return (ImmutableSecretRef) this;
  }
}
