package dev.homelab.internal;

import java.util.regex.Pattern;

/**
 * OCI image references with the grammar of distribution/reference ({@code reference/regexp.go}):
 * an optional registry host with a port, a lower-case repository path, an optional tag
 * {@code [\w][\w.-]{0,127}} and an optional digest; only {@code sha256} digests of 64 hex digits are
 * taken (the algorithm every registry serves). The first path component is a registry only when it
 * has a {@code .} or a {@code :} or is {@code localhost}, as in {@code splitDockerDomain}.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class ImageReference {
  private static final Pattern DOMAIN = Pattern.compile(
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]{1,5})?");
  private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final int MAX_NAME = 255;

  private ImageReference() {}

  /** A well-formed reference, pinned or not. */
  public static boolean isValid(String image) {
    return parse(image) != null;
  }

  /** A well-formed reference with a tag other than {@code latest}, or with a digest. */
  public static boolean isPinned(String image) {
    String[] parts = parse(image);
    return parts != null && (parts[2] != null || (parts[1] != null && !parts[1].equals("latest")));
  }

  /** {name, tag or null, digest or null}, or null when {@code image} is no reference. */
  private static String[] parse(String image) {
    if (image == null || image.isEmpty()) {
      return null;
    }
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        return null;
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        return null;
      }
    }
    if (rest.isEmpty() || rest.length() > MAX_NAME) {
      return null;
    }
    String path = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        if (!DOMAIN.matcher(first).matches()) {
          return null;
        }
        path = rest.substring(slash + 1);
      }
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        return null;
      }
    }
    return new String[] {rest, tag, digest};
  }
}
