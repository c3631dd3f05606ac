package dev.homelab.internal;

import java.util.Optional;

/**
 * IPv4 addresses as unsigned 32-bit longs, parsed from and written as dotted quads. Parsed by hand
 * rather than with {@code InetAddress} (which may resolve names) or a library: only the dotted quad
 * is accepted, as every tool we render for reads it (an IPv4-mapped IPv6 spelling such as
 * {@code ::ffff:192.168.1.11} is not), and leading zeros are refused because readers disagree on
 * whether {@code 010} is decimal or octal.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Ipv4 {
  private Ipv4() {}

  /**
   * The address as an unsigned number, or empty when {@code text} is not a dotted IPv4 address
   * ({@code a.b.c.d}, each 0-255 without leading zeros, no surrounding whitespace).
   */
  public static Optional<Long> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    long address = 0;
    int octets = 0;
    int i = 0;
    int length = text.length();
    while (octets < 4) {
      int start = i;
      int value = 0;
      while (i < length && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        value = value * 10 + text.charAt(i) - '0';
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return Optional.empty();
      }
      address = address << 8 | value;
      octets++;
      if (octets < 4) {
        if (i >= length || text.charAt(i) != '.') {
          return Optional.empty();
        }
        i++;
      }
    }
    return i == length ? Optional.of(address) : Optional.empty();
  }

  /** Whether {@code text} is a dotted IPv4 address such as {@code 192.168.1.10}. */
  public static boolean isAddress(String text) {
    return parse(text).isPresent();
  }

  /** Dotted form of an unsigned 32-bit address. */
  public static String format(long address) {
    return (address >>> 24 & 0xff) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
  }
}
