package dev.homelab.model;

import java.util.regex.Pattern;

/** Syntax checks shared by the model values: DNS-1123 names and labels. */
public final class Names {
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private Names() {}

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
}
