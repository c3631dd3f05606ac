package dev.homelab.ansible;

import dev.homelab.backend.yaml.StringHook;
import dev.homelab.backend.yaml.TrustedText;
import dev.homelab.backend.yaml.YamlWriter;
import java.util.Optional;

/**
 * The one YAML writer of this backend: the shared {@link YamlWriter} (every YAML 1.1 ambiguity
 * quoted: {@code "0600"}, {@code "yes"}, {@code "03:00"}; multi-line strings as literal blocks, no
 * line folding) with this backend's {@link StringHook}. Maps keep their insertion order; callers
 * build them in a stable order so the same model gives the same bytes.
 *
 * <p>Ansible templates every string of inventory and vars files when it is used, on the
 * controller. So every {@code String} this writer emits is data: one holding a Jinja delimiter
 * ({@code {{}, {@code {%}, {@code {#}) is tagged {@code !unsafe}, which Ansible never templates,
 * and one holding a control character is refused ({@link HostText}: every value reaches a
 * line-oriented host file). The only strings Ansible templates are {@link Templated} ones, which
 * only this backend's code makes: the {@code {{ vault_* }}} references and the k3s config
 * documents holding them.
 *
 * @see <a href="https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_advanced_syntax.html#unsafe-or-raw-strings">Unsafe or raw strings</a>
 */
final class Yaml {
  /** Ansible's tag for a string it must not template (ansible-core 2.14 reads it in inventories and vars files). */
  static final String UNSAFE = "!unsafe";

  private static final YamlWriter WRITER = YamlWriter.create().hook(Yaml::dataString);
  /** For k3s config documents: no tags (k3s reads them), and no Jinja at all (see {@link #k3sDocument}). */
  private static final YamlWriter K3S_WRITER = YamlWriter.create().hook(Yaml::k3sString);

  /** A string Ansible templates. Only this backend makes them; never wrap a model string in one. */
  record Templated(String text) implements TrustedText {}

  private Yaml() {}

  /** Every model string: data, never a template. */
  private static Optional<String> dataString(String value, String where) {
    refuseControl(value, where);
    return HostText.hasJinja(value) ? Optional.of(UNSAFE) : Optional.empty();
  }

  private static Optional<String> k3sString(String value, String where) {
    refuseControl(value, where);
    if (HostText.hasJinja(value)) {
      throw new UnsafeValueException(value, "Ansible value " + where, "contains a Jinja delimiter ({{, {% or {#), which k3s-ansible"
          + " would evaluate (it templates its k3s config twice, so no escape holds)");
    }
    return Optional.empty();
  }

  private static void refuseControl(String value, String where) {
    if (HostText.hasControl(value)) {
      throw new UnsafeValueException(value, "Ansible value " + where, "contains the control character " + HostText.firstControl(value)
          + ", which would start a new line in the host files it reaches");
    }
  }

  /** {@code value} as a YAML document without the {@code ---} marker. */
  static String write(Object value) {
    return WRITER.write(value);
  }

  /**
   * A k3s {@code config.yaml} document, handed to k3s-ansible as a string it templates (our
   * {@code {{ vault_* }}} references resolve there). k3s-ansible parses it ({@code from_yaml}),
   * keeps the result in a fact and templates it again when writing the file, so a model string in
   * it can neither be tagged {@code !unsafe} (k3s reads the file) nor escaped once: one with a
   * Jinja delimiter or a control character is refused.
   *
   * @see <a href="https://github.com/k3s-io/k3s-ansible/blob/main/roles/k3s_server/tasks/main.yml">k3s_server tasks (server_config_yaml | from_yaml)</a>
   */
  static Templated k3sDocument(Object value) {
    return new Templated(K3S_WRITER.write(value));
  }

  /** A file: {@code ---}, the comment lines (each prefixed with {@code # }), then the document. */
  static String file(String comment, Object value) {
    StringBuilder out = new StringBuilder("---\n");
    if (!comment.isEmpty()) {
      for (String line : comment.split("\n", -1)) {
        out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
    }
    return out.append(write(value)).toString();
  }
}
