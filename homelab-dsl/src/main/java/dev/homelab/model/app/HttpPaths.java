package dev.homelab.model.app;

import dev.homelab.internal.Texts;
import java.util.regex.Pattern;

/** HTTP paths of probes and metrics: an absolute path with an optional query, in URL characters (RFC 3986). */
final class HttpPaths {
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

  private HttpPaths() {}

  static boolean isPath(String path) {
    return PATH.matcher(path).matches();
  }

  /** {@code path} with a leading slash when that makes it valid, else {@code example}: never the bad value again. */
  static String suggest(String path, String example) {
    String slashed = "/" + path.replaceFirst("^/*", "");
    return isPath(slashed) && slashed.length() <= Texts.MAX_SHOWN ? slashed : example;
  }
}
