package dev.homelab.backend.yaml;

/**
 * A string the backend itself built for its target to evaluate, such as Ansible's
 * {@code {{ vault_x }}} references or a GitHub Actions {@code ${{ secrets.X }}} expression: written
 * as a string (quoted like any other) without the {@link StringHook}. Never wrap a model string in one.
 */
public interface TrustedText {
  /** The string to write. */
  String text();
}
