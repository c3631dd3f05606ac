package dev.homelab.ansible;

import java.util.regex.Pattern;

/**
 * What a model string may contain once it reaches the hosts. Every vars and inventory value ends
 * up in a line-oriented file (a systemd unit, an env file, {@code /etc/exports}, btrbk.conf, a
 * shell script): a line break or other control character would start a new directive there, and
 * no escape exists in most of these formats. Jinja delimiters are what Ansible templates.
 */
final class HostText {
  /** What starts a Jinja block, the test Ansible itself uses ({@code is_possibly_template}). */
  private static final Pattern JINJA = Pattern.compile("\\{[{%#]");

  private HostText() {}

  /**
   * C0, DEL, C1, the Unicode line and paragraph separators (YAML 1.1 and Python's
   * {@code splitlines} break lines there too), and what YAML cannot hold at all: lone surrogates,
   * U+FFFE and U+FFFF.
   *
   * @see <a href="https://yaml.org/spec/1.2.2/#51-character-set">YAML character set</a>
   */
  static boolean isControl(int c) {
    boolean printable = (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)
        || (c >= 0x10000 && c <= 0x10ffff);
    return !printable || c == 0x2028 || c == 0x2029;
  }

  static boolean hasControl(String s) {
    return s.codePoints().anyMatch(HostText::isControl);
  }

  static boolean hasJinja(String s) {
    return JINJA.matcher(s).find();
  }

  /** The first control character of {@code s}, as {@code U+000A}. */
  static String firstControl(String s) {
    return String.format("U+%04X", s.codePoints().filter(HostText::isControl).findFirst().orElseThrow());
  }

  /**
   * {@code value} for a string this backend builds around a Jinja expression of its own (a
   * {@link Yaml.Templated}), where a tag cannot mark the model's part: refused if it holds a Jinja
   * delimiter or a control character.
   */
  static String plain(String value, String where) {
    if (hasControl(value) || hasJinja(value)) {
      throw new UnsafeValueException(value, where, "contains a control character or a Jinja delimiter ({{, {% or {#)");
    }
    return value;
  }
}
