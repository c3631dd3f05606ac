package dev.homelab.model;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** IPv4 parsing on top of Guava's {@link InetAddresses}; addresses are unsigned 32-bit longs. */
public final class Ipv4 {
  private Ipv4() {}

  /** The address as an unsigned number, or empty when {@code text} is not a dotted IPv4 address. */
  public static Optional<Long> parse(String text) {
    if (!InetAddresses.isInetAddress(text)) {
      return Optional.empty();
    }
    InetAddress address = InetAddresses.forString(text);
    if (!(address instanceof Inet4Address)) {
      return Optional.empty();
    }
    return Optional.of(Integer.toUnsignedLong(InetAddresses.coerceToInteger(address)));
  }

  public static boolean isAddress(String text) {
    return parse(text).isPresent();
  }

  /** Dotted form of an unsigned 32-bit address. */
  public static String format(long address) {
    return InetAddresses.toAddrString(InetAddresses.fromInteger((int) address));
  }
}
