package dev.homelab.model;

import dev.homelab.internal.Ipv4;
import dev.homelab.internal.AddressRange;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code contains} and {@code overlaps} agree with counting addresses one by one, on small ranges in a /26. */
class AddressRangeProperties {
  private static final long BASE = 0xC0A80100L; // 192.168.1.0

  @Provide
  Arbitrary<AddressRange> ranges() {
    Arbitrary<Integer> offset = Arbitraries.integers().between(0, 63);
    Arbitrary<AddressRange> dashed = Combinators.combine(offset, offset).as((a, b) -> AddressRange.parse(
        Ipv4.format(BASE + Math.min(a, b)) + "-" + Ipv4.format(BASE + Math.max(a, b))).orElseThrow());
    Arbitrary<AddressRange> cidr = Arbitraries.integers().between(26, 32).flatMap(bits -> {
      int size = 1 << (32 - bits);
      return Arbitraries.integers().between(0, 64 / size - 1).map(i ->
          AddressRange.parseCidr(Ipv4.format(BASE + (long) i * size) + "/" + bits).orElseThrow());
    });
    return Arbitraries.oneOf(dashed, cidr);
  }

  @Property
  void contains_an_address_as_brute_force_says(@ForAll("ranges") AddressRange r, @ForAll("offsets") int offset) {
    long address = BASE + offset;
    assertThat(r.contains(address)).isEqualTo(members(r)[offset + 1]);
  }

  @Property
  void contains_a_range_as_brute_force_says(@ForAll("ranges") AddressRange a, @ForAll("ranges") AddressRange b) {
    boolean[] inA = members(a);
    boolean[] inB = members(b);
    boolean all = true;
    for (int i = 0; i < inB.length; i++) {
      all &= !inB[i] || inA[i];
    }
    assertThat(a.contains(b)).isEqualTo(all);
  }

  @Property
  void overlaps_as_brute_force_says(@ForAll("ranges") AddressRange a, @ForAll("ranges") AddressRange b) {
    boolean[] inA = members(a);
    boolean[] inB = members(b);
    boolean any = false;
    for (int i = 0; i < inA.length; i++) {
      any |= inA[i] && inB[i];
    }
    assertThat(a.overlaps(b)).isEqualTo(any).isEqualTo(b.overlaps(a));
  }

  @Property
  void hosts_are_inside_and_drop_only_network_and_broadcast(@ForAll("ranges") AddressRange r) {
    AddressRange hosts = r.hosts();
    assertThat(r.contains(hosts)).isTrue();
    assertThat(r.last() - r.first() - (hosts.last() - hosts.first())).isIn(0L, 2L);
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(-1, 64);
  }

  /** Membership of the addresses BASE-1 .. BASE+64, index 0 being BASE-1, by walking the range. */
  private static boolean[] members(AddressRange r) {
    boolean[] in = new boolean[66];
    for (long a = r.first(); a <= r.last(); a++) {
      long index = a - BASE + 1;
      if (index >= 0 && index < in.length) {
        in[(int) index] = true;
      }
    }
    return in;
  }
}
