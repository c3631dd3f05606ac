package dev.homelab.model;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

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
  /** Compiled once: every render names variables after many references. */
  private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^A-Za-z0-9]+");

  SecretRef() {}

  /**
   * Name of the secret (a Kubernetes Secret name; the stem of Vault and Terraform variables). Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Key inside the secret. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  @Value.Parameter
  public abstract String key();

  /**
   * External Secrets store that holds it. Default: none (created by hand, listed in SECRETS.md).
   *
   * @see <a href="https://external-secrets.io/latest/api/clustersecretstore/">ClusterSecretStore</a>
   */
  public abstract Optional<String> store();

  /**
   * What the value must hold, for whoever creates the secret, e.g. a URL's format with placeholders;
   * never a value. Default: none.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public abstract Optional<String> holds();

  /**
   * A reference to {@code key} of secret {@code name} (both required); prefer
   * {@link dev.homelab.Homelab#secret}. Default: no store.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public static SecretRef of(String name, String key) {
    required(name, ModelPaths.of("secrets/" + nameOrUnknown(name)), "SecretRef.of(name, …)", "the Secret's name", "secret(\"db-credentials\", \"password\")");
    required(key, ModelPaths.of("secrets/" + nameOrUnknown(name)), "SecretRef.of(…, key)", "a key of the Secret", "secret(\"db-credentials\", \"password\")");
    return ImmutableSecretRef.of(name, key);
  }

  /**
   * The secret lives in this External Secrets (Cluster)SecretStore. Default: none.
   *
   * @see <a href="https://external-secrets.io/latest/api/clustersecretstore/">ClusterSecretStore</a>
   */
  public SecretRef inStore(String storeName) {
    required(storeName, ModelPaths.of("secrets/" + name()), ".inStore(storeName)", "a ClusterSecretStore's name", ".inStore(\"vault\")");
    return copy().withStore(storeName);
  }

  /**
   * Says what the value must hold, e.g.
   * {@code .holding("postgresql://homeassistant:<password>@192.168.1.20:5432/homeassistant")};
   * listed next to the secret in the checklists. Default: nothing said.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/configuration/secret/">Kubernetes Secrets</a>
   */
  public SecretRef holding(String description) {
    required(description, ModelPaths.of("secrets/" + name()), ".holding(description)", "what the key holds", ".holding(\"the database password\")");
    return copy().withHolds(description);
  }

  /** {@code name_key} in snake case: the stem of Ansible vault and Terraform variable names. */
  public String variableStem() {
    return NOT_ALPHANUMERIC.matcher(name() + "_" + key()).replaceAll("_").toLowerCase(java.util.Locale.ROOT);
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
