package dev.homelab.model;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** Syntax checks shared by the model values: DNS-1123 names, ports, images, paths, schedules. */
public final class Names {
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final Pattern K3S_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+\\+k3s\\d+");
  private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*/,?-]+");
  private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern QUANTITY = Pattern.compile("[1-9]\\d*(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
  private static final Pattern WIREGUARD_KEY = Pattern.compile("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Set<String> DAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private Names() {}

  /** A k3s release tag such as {@code v1.33.4+k3s1}. */
  public static boolean isK3sVersion(String version) {
    return K3S_VERSION.matcher(version).matches();
  }

  /**
   * An image reference with a pinned tag (not {@code latest}) or a digest: {@code nextcloud:31.0.8-apache},
   * {@code ghcr.io/owner/app@sha256:...}. A colon before the last slash is a registry port, not a tag.
   */
  public static boolean isPinnedImage(String image) {
    if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    if (image.contains("@sha256:")) {
      return true;
    }
    int colon = image.lastIndexOf(':');
    if (colon <= image.lastIndexOf('/')) {
      return false;
    }
    String tag = image.substring(colon + 1);
    return !tag.isEmpty() && !tag.equals("latest");
  }

  /** An absolute path without {@code ..} segments. */
  public static boolean isAbsolutePath(String path) {
    return path.startsWith("/") && !path.contains("/../") && !path.endsWith("/..");
  }

  /** A five-field cron expression (minute hour day-of-month month day-of-week); fields are only checked for their characters. */
  public static boolean isCron(String cron) {
    String[] fields = cron.trim().split("\\s+");
    if (fields.length != 5) {
      return false;
    }
    for (String f : fields) {
      if (!CRON_FIELD.matcher(f).matches()) {
        return false;
      }
    }
    return true;
  }

  /** {@code HH:MM} on a 24-hour clock. */
  public static boolean isClockTime(String time) {
    return CLOCK_TIME.matcher(time).matches();
  }

  /** A lower-case English day name, e.g. {@code saturday}. */
  public static boolean isDay(String day) {
    return DAYS.contains(day);
  }

  /**
   * An IANA time zone id Java knows, e.g. {@code Europe/Paris} or {@code Etc/UTC}. Offsets such as
   * {@code Z}, {@code +01:00}, {@code UTC+1} or {@code GMT+1} are refused: {@link ZoneId#of} reads them,
   * but they are not IANA zone names, which the rendered time zone settings expect.
   */
  public static boolean isTimeZone(String zone) {
    return ZoneId.getAvailableZoneIds().contains(zone);
  }

  /** A positive Kubernetes storage quantity: digits and an optional suffix, e.g. {@code 10Gi}. */
  public static boolean isSize(String size) {
    return QUANTITY.matcher(size).matches();
  }

  /** A WireGuard key: 32 bytes in base64, 44 characters ending in {@code =}. */
  public static boolean isWireGuardKey(String key) {
    return WIREGUARD_KEY.matcher(key).matches();
  }

  /** An environment variable name: letters, digits and {@code _}, not starting with a digit. */
  public static boolean isEnvName(String name) {
    return ENV_NAME.matcher(name).matches();
  }

  /** A Kubernetes label key: an optional DNS subdomain prefix and {@code /}, then a name of at most 63 characters. */
  public static boolean isLabelKey(String key) {
    int slash = key.lastIndexOf('/');
    String name = key.substring(slash + 1);
    boolean prefixOk = slash < 0 || isDnsSubdomain(key.substring(0, slash));
    return prefixOk && !name.isEmpty() && LABEL_NAME.matcher(name).matches();
  }

  /** A Kubernetes label value: empty, or at most 63 letters, digits, {@code -_.} starting and ending alphanumeric. */
  public static boolean isLabelValue(String value) {
    return LABEL_NAME.matcher(value).matches();
  }

  /** A Kubernetes object name of the DNS-1123 label kind: lower case, digits, '-', at most 63. */
  public static boolean isDnsLabel(String name) {
    return name.length() <= 63 && DNS_1123_LABEL.matcher(name).matches();
  }

  /** A DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
  public static boolean isDnsSubdomain(String name) {
    return name.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(name).matches();
  }

  /** A TCP/UDP port number. */
  public static boolean isPort(int port) {
    return port >= 1 && port <= 65535;
  }

  /**
   * A Kubernetes port name: a DNS-1035 label (lower case, digits, '-', starting with a letter) of at
   * most 15 characters without {@code --}, which Kubernetes rejects in port names (IANA service names).
   */
  public static boolean isPortName(String name) {
    return name.length() <= 15 && DNS_1035_LABEL.matcher(name).matches() && !name.contains("--");
  }
}
