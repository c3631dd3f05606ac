package dev.homelab.backend.yaml;

import java.util.Optional;

/**
 * What a backend's target does with strings, beyond YAML: Ansible templates every string it reads
 * (so a string holding <code>&#123;&#123;</code> is tagged {@code !unsafe}), GitHub Actions evaluates
 * <code>$&#123;&#123;</code>. The writer calls the hook for every {@code String} it writes, map keys excepted;
 * {@link TrustedText} bypasses it.
 */
@FunctionalInterface
public interface StringHook {
  /** Writes every string as it is. */
  StringHook NONE = (value, where) -> Optional.empty();

  /**
   * The tag to write before {@code value} (such as {@code !unsafe}), or empty for none. Throw a
   * {@link RuntimeException} to refuse the value: {@link YamlWriter#write} throws it as it is.
   *
   * @param where the value's place in the document, a JSON pointer such as {@code /all/vars/user}
   */
  Optional<String> tag(String value, String where);
}
