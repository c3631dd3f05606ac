package dev.homelab.ansible;

import java.nio.charset.StandardCharsets;

/**
 * systemd unit names derived from paths, as {@code systemd-escape --path --suffix=mount} writes
 * them: the mount unit of {@code /srv/my-data} is {@code srv-my\x2ddata.mount}.
 *
 * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/systemd.unit.html#String%20Escaping%20for%20Inclusion%20in%20Unit%20Names">String escaping for unit names</a>
 */
final class SystemdUnits {
  private SystemdUnits() {}

  /** The {@code .mount} unit systemd generates for the fstab entry of {@code path} (absolute). */
  static String mountUnit(String path) {
    String trimmed = path.replaceAll("/+", "/").replaceAll("^/|/$", "");
    if (trimmed.isEmpty()) {
      return "-.mount";
    }
    StringBuilder name = new StringBuilder();
    byte[] bytes = trimmed.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '/') {
        name.append('-');
      } else if (isPlain(b) && !(b == '.' && i == 0)) {
        name.append((char) b);
      } else {
        name.append(String.format("\\x%02x", b));
      }
    }
    return name.append(".mount").toString();
  }

  private static boolean isPlain(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == ':' || b == '_' || b == '.';
  }
}
