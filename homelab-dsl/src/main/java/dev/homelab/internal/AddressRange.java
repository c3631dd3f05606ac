package dev.homelab.internal;

import java.util.Optional;

/**
 * An inclusive IPv4 range, read from a CIDR ({@code 192.168.1.0/24}), a dashed range
 * ({@code 192.168.1.240-192.168.1.250}) or a single address. Used for LAN, pool and VPN math.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class AddressRange {
  private final long first;
  private final long last;
  /** Read from a CIDR, so its first and last address are the network and broadcast address. */
  private final boolean network;

  private AddressRange(long first, long last, boolean network) {
    this.first = first;
    this.last = last;
    this.network = network;
  }

  /**
   * Parses a CIDR (host bits zero, as {@link #parseCidr}), a dashed range ({@code first-last}, first
   * not after last) or one address; surrounding whitespace is ignored, inner whitespace is not.
   * Empty when the text is none of them.
   */
  public static Optional<AddressRange> parse(String text) {
    // The only trim: the parts below are strict, so "a - b" or "a/ 24" are rejected.
    String t = text.trim();
    if (t.indexOf('/') >= 0) {
      // A CIDR with host bits set would be masked here but rendered raw (MetalLB rejects it): refuse it.
      return parseCidr(t);
    }
    int dash = t.indexOf('-');
    if (dash >= 0) {
      Optional<Long> a = Ipv4.parse(t.substring(0, dash));
      Optional<Long> b = Ipv4.parse(t.substring(dash + 1));
      if (a.isEmpty() || b.isEmpty() || a.get() > b.get()) {
        return Optional.empty();
      }
      return Optional.of(new AddressRange(a.get(), b.get(), false));
    }
    return Ipv4.parse(t).map(a -> new AddressRange(a, a, false));
  }

  /** Parses a CIDR only ({@code a.b.c.d/n} with the host bits zero, no whitespace); empty otherwise. */
  public static Optional<AddressRange> parseCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<Long> base = Ipv4.parse(text.substring(0, slash));
    String prefix = text.substring(slash + 1);
    if (base.isEmpty() || !prefix.matches("\\d{1,2}")) {
      return Optional.empty();
    }
    int bits = Integer.parseInt(prefix);
    if (bits > 32) {
      return Optional.empty();
    }
    long size = 1L << (32 - bits);
    long first = base.get();
    if ((first & (size - 1)) != 0) {
      return Optional.empty();
    }
    return Optional.of(new AddressRange(first, first + size - 1, true));
  }

  /**
   * The addresses a host may use. For a CIDR of prefix /30 or shorter: without its network (first)
   * and broadcast (last) address. A /31 (point-to-point, RFC 3021), a /32, a dashed range and a
   * single address are returned as they are: they have no network or broadcast address of their own.
   */
  public AddressRange hosts() {
    return network && last - first >= 3 ? new AddressRange(first + 1, last - 1, false) : this;
  }

  /** Whether {@code address} (an unsigned 32-bit IPv4 address) is in the range. */
  public boolean contains(long address) {
    return address >= first && address <= last;
  }

  /** Whether every address of {@code other} is in this range. */
  public boolean contains(AddressRange other) {
    return other.first >= first && other.last <= last;
  }

  /** Whether the two ranges share at least one address. */
  public boolean overlaps(AddressRange other) {
    return first <= other.last && other.first <= last;
  }

  /** The first address, unsigned 32-bit. */
  public long first() {
    return first;
  }

  /** The last address, unsigned 32-bit. */
  public long last() {
    return last;
  }

  @Override
  public String toString() {
    return first == last ? Ipv4.format(first) : Ipv4.format(first) + "-" + Ipv4.format(last);
  }
}
