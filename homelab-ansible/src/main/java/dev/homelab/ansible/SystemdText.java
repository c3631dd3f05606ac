package dev.homelab.ansible;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Model strings as systemd unit file values. Control characters never get here ({@link Yaml}
 * refuses them); what is left is systemd's own syntax: {@code %} starts a specifier in most
 * settings, and list settings such as {@code RequiresMountsFor=} split words on whitespace unless
 * quoted (a backslash escapes the next character inside quotes).
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/systemd.unit.html#Specifiers">Specifiers</a>
 * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/systemd.syntax.html">systemd.syntax: quoting</a>
 */
final class SystemdText {
  private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s\"'\\\\]");

  private SystemdText() {}

  /** A free-text value ({@code Description=}): specifiers escaped. */
  static String value(String text) {
    return text.replace("%", "%%");
  }

  /** A space-separated list of paths ({@code RequiresMountsFor=}): each one word, specifiers escaped. */
  static String paths(List<String> paths) {
    return paths.stream().map(SystemdText::word).collect(Collectors.joining(" "));
  }

  private static String word(String text) {
    String escaped = value(text);
    if (!NEEDS_QUOTES.matcher(escaped).find()) {
      return escaped;
    }
    return "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
