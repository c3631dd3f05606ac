package dev.homelab.versions;

import dev.homelab.model.Lab;

/**
 * The {@code ## Versions} section a backend appends to its README: every chart, image, role or
 * tool version that backend renders for a lab, with where its releases are published, so a reader
 * sees what the files pin without reading them (and where to check before overriding one).
 */
public final class VersionsReadme {
  private VersionsReadme() {}

  /** The section for the entries {@code backend} renders ({@link VersionKey#backend()}), as {@code lab} pins them. */
  public static String section(Lab lab, String backend) {
    Versions versions = Versions.of(lab);
    StringBuilder md = new StringBuilder("## Versions\n\n")
        .append("Pinned by the homelab DSL's versions file, or by the model where it overrides one with\n")
        .append("`homelab.version(VersionKey.KEY, \"...\")`. Those of parts this lab does not have are unused.\n\n")
        .append("| key | what | version | upstream |\n| --- | --- | --- | --- |\n");
    for (VersionKey key : VersionKey.values()) {
      if (key.backend().equals(backend)) {
        md.append("| `").append(key.name()).append("` | ").append(key.title()).append(" | `").append(versions.get(key))
            .append("` | <").append(versions.upstream(key)).append("> |\n");
      }
    }
    return md.toString();
  }
}
