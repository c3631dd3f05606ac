package dev.homelab.versions;

import dev.homelab.model.Lab;
import dev.homelab.internal.Texts;
import dev.homelab.model.data.DataService;
import dev.homelab.model.network.Traefik;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The chart, image, Ansible role and tool versions a lab renders: the library's versions file
 * ({@code dev/homelab/versions/versions.properties}, kept current by Renovate), then the lab's
 * {@link Lab#version(VersionKey, String) overrides}, then a part's own setting where it has one
 * ({@code traefik().chartVersion(...)}, {@code postgres(...).image(...)}).
 */
public final class Versions {
  /** The versions file, beside this class on the class path. */
  public static final String FILE = "versions.properties";
  private static final String UPSTREAM = ".upstream";
  private static final Versions DEFAULTS = load();

  private final Map<VersionKey, String> versions;
  private final Map<VersionKey, String> upstreams;

  private Versions(Map<VersionKey, String> versions, Map<VersionKey, String> upstreams) {
    this.versions = Collections.unmodifiableMap(new EnumMap<>(versions));
    this.upstreams = upstreams;
  }

  /** The versions file as shipped, without any lab's overrides. */
  public static Versions defaults() {
    return DEFAULTS;
  }

  /** What {@code lab} renders: the file, the lab's overrides, then Traefik's own chart version if it set one. */
  public static Versions of(Lab lab) {
    Map<VersionKey, String> merged = new EnumMap<>(DEFAULTS.versions);
    merged.putAll(lab.versions());
    lab.ingress().map(Traefik::chartVersion)
        .filter(v -> !v.equals(DEFAULTS.get(VersionKey.CHART_TRAEFIK)))
        .ifPresent(v -> merged.put(VersionKey.CHART_TRAEFIK, v));
    return new Versions(merged, DEFAULTS.upstreams);
  }

  /**
   * The image a data service runs: its own {@code .image(...)} if it set one, else its kind's image
   * at {@code lab}'s version.
   */
  public static String imageOf(Lab lab, DataService service) {
    boolean ownImage = !service.image().equals(service.kind().defaultImage());
    return ownImage ? service.image() : of(lab).get(service.kind().versionKey());
  }

  /** The version of {@code key}: a release ({@code 41.3.0}), a pinned image, or a Terraform constraint. */
  public String get(VersionKey key) {
    return versions.get(key);
  }

  /** The version of {@code key} without an image's repository: {@code 0.18.0} of {@code docker.io/restic/restic:0.18.0}. */
  public String tag(VersionKey key) {
    String version = get(key);
    return key.format() == Format.IMAGE && !version.contains("@") ? version.substring(version.lastIndexOf(':') + 1) : version;
  }

  /** Where releases of {@code key} are published (its changelog), from the versions file. */
  public String upstream(VersionKey key) {
    return upstreams.get(key);
  }

  /** Broken lab overrides, each under {@code versions/KEY}; empty when every one has its key's format. */
  public static List<Problem> violations(Map<VersionKey, String> overrides) {
    Problems found = new Problems();
    overrides.forEach((key, version) -> {
      List<Problem> one = new Problems()
          .when(!key.format().accepts(version), Checks.VERSION_FORMAT,
              () -> "version " + Texts.quote(version) + " is not " + key.format().description(),
              "Call homelab.version(VersionKey." + key.name() + ", \"" + DEFAULTS.get(key) + "\") with " + key.format().description())
          .list();
      found.addAll("versions/" + key.name(), one);
    });
    return found.list();
  }

  private static Versions load() {
    Properties file = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing beside " + Versions.class.getName());
      }
      file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<VersionKey, String> versions = new EnumMap<>(VersionKey.class);
    Map<VersionKey, String> upstreams = new EnumMap<>(VersionKey.class);
    List<String> broken = new ArrayList<>();
    for (VersionKey key : VersionKey.values()) {
      String version = file.getProperty(key.property());
      String upstream = file.getProperty(key.property() + UPSTREAM);
      if (version == null || !key.format().accepts(version) || upstream == null || !upstream.startsWith("https://")) {
        broken.add(key.property());
      }
      versions.put(key, version);
      upstreams.put(key, upstream);
    }
    // A broken file is the library's bug (a bad Renovate merge), never the user's: fail loudly.
    if (!broken.isEmpty()) {
      throw new IllegalStateException(FILE + ": missing or malformed version or upstream of " + broken);
    }
    return new Versions(versions, Collections.unmodifiableMap(upstreams));
  }
}
