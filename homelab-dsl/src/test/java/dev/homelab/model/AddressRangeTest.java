package dev.homelab.model;

import dev.homelab.internal.Ipv4;
import dev.homelab.internal.AddressRange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

  private static AddressRange range(String text) {
    return AddressRange.parse(text).orElseThrow(() -> new AssertionError("not a range: " + text));
  }

  private static long ip(String text) {
    return Ipv4.parse(text).orElseThrow();
  }

  @Test
  void should_read_cidrs_dashed_ranges_and_single_addresses() {
    assertThat(range("192.168.1.0/24")).hasToString("192.168.1.0-192.168.1.255");
    assertThat(range("192.168.1.240-192.168.1.250")).hasToString("192.168.1.240-192.168.1.250");
    assertThat(range("192.168.1.11")).hasToString("192.168.1.11");
    assertThat(range("192.168.1.11-192.168.1.11")).hasToString("192.168.1.11");
  }

  @Test
  void should_read_the_whole_space_and_single_address_prefixes() {
    AddressRange all = range("0.0.0.0/0");
    assertThat(all.first()).isZero();
    assertThat(all.last()).isEqualTo(0xFFFFFFFFL);
    assertThat(range("192.168.1.11/32")).hasToString("192.168.1.11");
    assertThat(range("192.168.1.10/31")).hasToString("192.168.1.10-192.168.1.11");
  }

  @Test
  void should_reject_a_cidr_with_host_bits_set_instead_of_masking_it() {
    assertThat(AddressRange.parse("192.168.1.245/28")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.11/31")).isEmpty();
    assertThat(AddressRange.parse("0.0.0.1/0")).isEmpty();
    assertThat(AddressRange.parseCidr("192.168.1.245/28")).isEmpty();
  }

  @Test
  void should_reject_bad_prefixes() {
    assertThat(AddressRange.parse("192.168.1.0/33")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.0/")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.0/024")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.0/-1")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.0/24/24")).isEmpty();
  }

  @Test
  void should_reject_reversed_ranges() {
    assertThat(AddressRange.parse("192.168.1.250-192.168.1.240")).isEmpty();
  }

  @Test
  void should_reject_leading_zeros_and_mapped_ipv6() {
    assertThat(AddressRange.parse("192.168.001.0/24")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.01-192.168.1.10")).isEmpty();
    assertThat(AddressRange.parse("::ffff:192.168.1.0/120")).isEmpty();
    assertThat(AddressRange.parse("::ffff:192.168.1.11")).isEmpty();
  }

  @Test
  void should_ignore_surrounding_whitespace_only() {
    assertThat(range(" 192.168.1.0/24\t")).hasToString("192.168.1.0-192.168.1.255");
    assertThat(range(" 192.168.1.11 ")).hasToString("192.168.1.11");
    assertThat(AddressRange.parse("192.168.1.240 - 192.168.1.250")).isEmpty();
    assertThat(AddressRange.parse("192.168.1.0/ 24")).isEmpty();
    assertThat(AddressRange.parseCidr(" 192.168.1.0/24")).isEmpty();
  }

  @Test
  void should_give_the_host_addresses_of_a_network() {
    assertThat(range("192.168.1.0/24").hosts()).hasToString("192.168.1.1-192.168.1.254");
    assertThat(range("10.8.0.0/30").hosts()).hasToString("10.8.0.1-10.8.0.2");
    assertThat(range("10.8.0.0/31").hosts()).hasToString("10.8.0.0-10.8.0.1");
    assertThat(range("10.8.0.1/32").hosts()).hasToString("10.8.0.1");
    assertThat(range("192.168.1.240-192.168.1.250").hosts()).hasToString("192.168.1.240-192.168.1.250");
  }

  @Test
  void should_contain_its_edges_and_nothing_beyond() {
    AddressRange lan = range("192.168.1.0/24");
    assertThat(lan.contains(ip("192.168.1.0"))).isTrue();
    assertThat(lan.contains(ip("192.168.1.255"))).isTrue();
    assertThat(lan.contains(ip("192.168.0.255"))).isFalse();
    assertThat(lan.contains(ip("192.168.2.0"))).isFalse();
    assertThat(lan.contains(range("192.168.1.0-192.168.1.255"))).isTrue();
    assertThat(lan.contains(range("192.168.1.255-192.168.2.0"))).isFalse();
    assertThat(lan.hosts().contains(range("192.168.1.240/28"))).isFalse();
    assertThat(lan.hosts().contains(range("192.168.1.240-192.168.1.254"))).isTrue();
  }

  @Test
  void should_overlap_when_sharing_one_edge_address_only() {
    AddressRange a = range("192.168.1.240-192.168.1.250");
    assertThat(a.overlaps(range("192.168.1.250-192.168.1.252"))).isTrue();
    assertThat(range("192.168.1.250-192.168.1.252").overlaps(a)).isTrue();
    assertThat(a.overlaps(range("192.168.1.251-192.168.1.252"))).isFalse();
    assertThat(a.overlaps(range("192.168.1.239"))).isFalse();
    assertThat(a.overlaps(range("192.168.1.240"))).isTrue();
    assertThat(range("0.0.0.0/0").overlaps(range("255.255.255.255"))).isTrue();
  }
}
