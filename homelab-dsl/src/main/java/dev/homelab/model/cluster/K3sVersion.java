package dev.homelab.model.cluster;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A k3s release tag such as {@code v1.33.4+k3s1}: the Kubernetes version it packages, then the k3s
 * revision of that version. The one parser of version strings: the model checks them with it,
 * backends take the Kubernetes version ({@link #kubernetesVersion()}) or the minor from it.
 * Ordered by Kubernetes version, then revision; {@link #toString()} is the tag as written.
 *
 * @see <a href="https://github.com/k3s-io/k3s/releases">k3s releases</a>
 */
public final class K3sVersion implements Comparable<K3sVersion> {
  /** At most 9 digits per number: an int, and far above any real release. */
  private static final Pattern TAG = Pattern.compile("v(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})\\+k3s(\\d{1,9})");
  private static final Comparator<K3sVersion> ORDER = Comparator.comparingInt(K3sVersion::major)
      .thenComparingInt(K3sVersion::minor).thenComparingInt(K3sVersion::patch).thenComparingInt(K3sVersion::revision);

  private final String text;
  private final int major;
  private final int minor;
  private final int patch;
  private final int revision;

  private K3sVersion(String text, int major, int minor, int patch, int revision) {
    this.text = text;
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.revision = revision;
  }

  /** {@code text} as a release tag, or empty when it is none (also for null). */
  public static Optional<K3sVersion> parse(String text) {
    Matcher m = text == null ? null : TAG.matcher(text);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new K3sVersion(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
  }

  /** {@code text} as a release tag; for text already validated (backends render only valid labs). */
  public static K3sVersion of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(problem(text)));
  }

  /** The problem of a text that is no release tag, as validation reports it: {@code 'x' is not a k3s release like v1.33.4+k3s1}. */
  static String problem(String text) {
    return dev.homelab.internal.Texts.quote(String.valueOf(text)) + " is not a k3s release like v1.33.4+k3s1";
  }

  /** The Kubernetes major version, {@code 1}. */
  public int major() {
    return major;
  }

  /** The Kubernetes minor version, {@code 33} of {@code v1.33.4+k3s1}. */
  public int minor() {
    return minor;
  }

  /** The Kubernetes patch version, {@code 4} of {@code v1.33.4+k3s1}. */
  public int patch() {
    return patch;
  }

  /** The k3s revision of that Kubernetes version, {@code 1} of {@code v1.33.4+k3s1}. */
  public int revision() {
    return revision;
  }

  /** The Kubernetes release it packages, {@code v1.33.4} (the tag of kubectl and its images). */
  public String kubernetesVersion() {
    return "v" + major + "." + minor + "." + patch;
  }

  @Override
  public int compareTo(K3sVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof K3sVersion v && v.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The tag as written, e.g. {@code v1.33.4+k3s1}. */
  @Override
  public String toString() {
    return text;
  }
}
