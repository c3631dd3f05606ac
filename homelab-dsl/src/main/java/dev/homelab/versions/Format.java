package dev.homelab.versions;

import dev.homelab.internal.ImageReference;
import dev.homelab.internal.Names;
import java.util.regex.Pattern;

/**
 * What a version of a {@link VersionKey} looks like. The backends put versions into YAML, JSON,
 * Markdown and {@code uses: owner/action@ref} lines, so a version is held to its format before
 * anything renders it (an override is a model problem, not a broken file).
 */
enum Format {
  /**
   * A Helm chart's version: a semantic version, with the {@code v} some charts tag with
   * ({@code 41.3.0}, {@code v1.21.1}, {@code 2.0.0-rc.1}); what {@code traefik().chartVersion(...)} holds
   * its version to, so {@code latest} or {@code 41.4.O} never reach a HelmChart.
   */
  CHART("a chart release like 41.3.0 or v1.21.1", "41.3.0") {
    private final Pattern semver = Pattern.compile("v?(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)){2}(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    @Override
    boolean accepts(String version) {
      return semver.matcher(version).matches();
    }
  },
  /** A release name: a git tag, a Galaxy version, a tool release ({@code 1.2.2}, {@code v1.7.1}, {@code v4}). */
  RELEASE("a release like 41.3.0 or v1.21.1", "41.3.0") {
    private final Pattern release = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    @Override
    boolean accepts(String version) {
      return release.matcher(version).matches();
    }
  },
  /**
   * A GitHub Action's release tag and the commit it points at ({@code v4.4.0@11d5960a...}): a
   * workflow runs an action by its commit, since a tag can be moved to other code after review
   * (GitHub's security hardening guide: "Using third-party actions").
   */
  ACTION("a release tag and its full commit id, like v4.4.0@11d5960a326750d5838078e36cf38b85af677262",
      "v4.4.0@11d5960a326750d5838078e36cf38b85af677262") {
    private final Pattern action = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}@[0-9a-f]{40}");

    @Override
    boolean accepts(String version) {
      return action.matcher(version).matches();
    }
  },
  /** A pinned OCI image reference ({@code docker.io/restic/restic:0.18.0}). */
  IMAGE("an image with a pinned tag", "docker.io/restic/restic:0.18.0") {
    @Override
    boolean accepts(String version) {
      return ImageReference.isValid(version) && Names.isPinnedImage(version);
    }
  },
  /** A Terraform version constraint ({@code ~> 5.14}). */
  CONSTRAINT("a Terraform version constraint like ~> 5.14", "~> 5.14") {
    private final Pattern constraint = Pattern.compile("(~> |>= |= )?[0-9]+(\\.[0-9]+){0,2}");

    @Override
    boolean accepts(String version) {
      return constraint.matcher(version).matches();
    }
  };

  private final String description;
  private final String example;

  Format(String description, String example) {
    this.description = description;
    this.example = example;
  }

  abstract boolean accepts(String version);

  String description() {
    return description;
  }

  String example() {
    return example;
  }
}
