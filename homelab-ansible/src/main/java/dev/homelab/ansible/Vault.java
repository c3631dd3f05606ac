package dev.homelab.ansible;

import dev.homelab.model.SecretRef;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Ansible Vault variables the rendered files reference. Every secret of the model becomes
 * {@code vault_<name>_<key>} in snake case ({@link SecretRef#variableStem()}); the rendered files
 * only ever hold {@code {{ vault_* }}} references, and {@code VAULT.md} lists each one.
 */
final class Vault {
  /** One variable: its name, what it is for and the model secret it stands for. */
  record Variable(String name, String purpose, SecretRef secret, String usedBy) {}

  private final Map<String, Variable> variables = new TreeMap<>();

  /** The variable name for {@code secret}: {@code vault_<stem>}. */
  static String name(SecretRef secret) {
    return "vault_" + secret.variableStem();
  }

  /** Records {@code secret} and returns the Jinja reference to it, {@code {{ vault_... }}}: the one string Ansible templates. */
  Yaml.Templated ref(SecretRef secret, String purpose, String usedBy) {
    String name = name(secret);
    variables.merge(name, new Variable(name, purpose, secret, usedBy),
        (a, b) -> a.usedBy().contains(b.usedBy()) ? a : new Variable(name, a.purpose(), a.secret(), a.usedBy() + ", " + b.usedBy()));
    return new Yaml.Templated("{{ " + name + " }}");
  }

  /** Every variable referenced so far, sorted by name. */
  Collection<Variable> variables() {
    return variables.values();
  }
}
