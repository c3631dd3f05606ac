package dev.homelab.internal;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 parsing on top of Guava's {@link InetAddresses}; addresses are unsigned 32-bit longs.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Ipv4 {
  /**
   * Dotted quad only: Guava also reads IPv6 text, and {@code ::ffff:192.168.1.11} (IPv4-mapped) would
   * come back as an {@link Inet4Address}, but nothing we render accepts that spelling.
   */
  private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Ipv4() {}

  /**
   * The address as an unsigned number, or empty when {@code text} is not a dotted IPv4 address
   * ({@code a.b.c.d}, each 0-255 without leading zeros, no surrounding whitespace).
   */
  public static Optional<Long> parse(String text) {
    if (text == null || !DOTTED_QUAD.matcher(text).matches() || !InetAddresses.isInetAddress(text)) {
      return Optional.empty();
    }
    InetAddress address = InetAddresses.forString(text);
    if (!(address instanceof Inet4Address)) {
      return Optional.empty();
    }
    return Optional.of(Integer.toUnsignedLong(InetAddresses.coerceToInteger(address)));
  }

  /** Whether {@code text} is a dotted IPv4 address such as {@code 192.168.1.10}. */
  public static boolean isAddress(String text) {
    return parse(text).isPresent();
  }

  /** Dotted form of an unsigned 32-bit address. */
  public static String format(long address) {
    return InetAddresses.toAddrString(InetAddresses.fromInteger((int) address));
  }
}
