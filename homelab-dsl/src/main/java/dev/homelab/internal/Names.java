package dev.homelab.internal;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Syntax checks shared by the model values: DNS-1123 names, ports, images, paths, schedules.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Names {
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final Pattern SAFE_PATH = Pattern.compile("(/(?!\\.\\.?(/|$))[A-Za-z0-9._+@=,~-]+)+");
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern CLOCK_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern WIREGUARD_KEY = Pattern.compile("[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
  private static final Set<String> DAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  /** The well-known labels kubelet sets on its own node, and may be given with {@code --node-labels}. */
  private static final Set<String> KUBELET_LABELS = Set.of("kubernetes.io/hostname", "kubernetes.io/arch", "kubernetes.io/os",
      "beta.kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type",
      "failure-domain.beta.kubernetes.io/region", "failure-domain.beta.kubernetes.io/zone",
      "topology.kubernetes.io/region", "topology.kubernetes.io/zone");

  private Names() {}

  /** A k3s release tag such as {@code v1.33.4+k3s1}, see {@link dev.homelab.model.cluster.K3sVersion}. */
  public static boolean isK3sVersion(String version) {
    return dev.homelab.model.cluster.K3sVersion.parse(version).isPresent();
  }

  /**
   * An image reference with a pinned tag (not {@code latest}) or a digest: {@code nextcloud:31.0.8-apache},
   * {@code ghcr.io/owner/app@sha256:...}; the reference must be well formed ({@link ImageReference}).
   */
  public static boolean isPinnedImage(String image) {
    return ImageReference.isPinned(image);
  }

  /**
   * An absolute POSIX path that is safe inside a systemd unit, an fstab line or a shell script:
   * segments of letters, digits and {@code ._+@=,~-}, none of them {@code .} or {@code ..}; no
   * space, quote, {@code $}, {@code %} (a systemd specifier), newline or other control character.
   */
  public static boolean isAbsolutePath(String path) {
    return path != null && SAFE_PATH.matcher(path).matches();
  }

  /**
   * {@code path} with one leading slash when that makes it a plain absolute path, else
   * {@code example}: a fix never suggests the bad value again.
   */
  public static String suggestPath(String path, String example) {
    String slashed = path == null ? "" : "/" + path.replaceFirst("^/*", "");
    return isAbsolutePath(slashed) && slashed.length() <= Texts.MAX_SHOWN ? slashed : example;
  }

  /** A host name after RFC 1123: dot-separated labels of letters, digits and '-', at most 253 characters. */
  public static boolean isHostName(String host) {
    return host != null && host.length() <= 253 && HOST_NAME.matcher(host).matches();
  }

  /** A five-field cron expression (minute hour day-of-month month day-of-week), see {@link Schedules#isCron}. */
  public static boolean isCron(String cron) {
    return Schedules.isCron(cron);
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
    return Zones.IDS.contains(zone);
  }

  /** {@link ZoneId#getAvailableZoneIds} copies its set on every call; the zones do not change while we run. */
  private static final class Zones {
    static final java.util.Set<String> IDS = java.util.Set.copyOf(ZoneId.getAvailableZoneIds());
  }

  /** A Kubernetes storage quantity of at least one byte, e.g. {@code 10Gi} or {@code 1e9}, see {@link Quantities}. */
  public static boolean isSize(String size) {
    return Quantities.isSize(size);
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

  /**
   * The reserved namespace ({@code kubernetes.io} or {@code k8s.io}) of a label key kubelet refuses
   * in {@code --node-labels}, or empty when kubelet takes it: keys of those namespaces and their
   * subdomains are refused unless kubelet may set them itself, the well-known ones such as
   * {@code kubernetes.io/hostname} and {@code topology.kubernetes.io/zone} and any under
   * {@code [*.]kubelet.kubernetes.io/} or {@code [*.]node.kubernetes.io/} (kubernetes/kubernetes
   * {@code cmd/kubelet/app/options/options.go} and {@code k8s.io/kubelet/pkg/apis/well_known_labels.go}).
   */
  public static Optional<String> kubeletRefusedNamespace(String key) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    Optional<String> reserved = Stream.of("kubernetes.io", "k8s.io").filter(ns -> inDomain(prefix, ns)).findFirst();
    boolean kubeletMaySet = KUBELET_LABELS.contains(key) || inDomain(prefix, "kubelet.kubernetes.io") || inDomain(prefix, "node.kubernetes.io");
    return reserved.filter(ns -> !kubeletMaySet);
  }

  private static boolean inDomain(String name, String domain) {
    return name.equals(domain) || name.endsWith("." + domain);
  }

  /** A Kubernetes label value: empty, or at most 63 letters, digits, {@code -_.} starting and ending alphanumeric. */
  public static boolean isLabelValue(String value) {
    return LABEL_NAME.matcher(value).matches();
  }

  /** A Kubernetes object name of the DNS-1123 label kind: lower case, digits, '-', at most 63. */
  public static boolean isDnsLabel(String name) {
    return name.length() <= 63 && DNS_1123_LABEL.matcher(name).matches();
  }

  /** A DNS-1035 label, as Service names are: a DNS-1123 label that starts with a letter. */
  public static boolean isDns1035Label(String name) {
    return name.length() <= 63 && DNS_1035_LABEL.matcher(name).matches();
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
