package dev.homelab.model;

import dev.homelab.internal.Ipv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ipv4Test {

  @Test
  void should_read_dotted_quads_as_unsigned_numbers() {
    assertThat(Ipv4.parse("0.0.0.0")).contains(0L);
    assertThat(Ipv4.parse("192.168.1.11")).contains(0xC0A8010BL);
    assertThat(Ipv4.parse("255.255.255.255")).contains(0xFFFFFFFFL);
  }

  @Test
  void should_reject_ipv4_mapped_ipv6_text() {
    assertThat(Ipv4.parse("::ffff:192.168.1.11")).isEmpty();
    assertThat(Ipv4.parse("::ffff:c0a8:10b")).isEmpty();
    assertThat(Ipv4.parse("::192.168.1.11")).isEmpty();
    assertThat(Ipv4.parse("fe80::1")).isEmpty();
  }

  @Test
  void should_reject_leading_zeros_out_of_range_octets_and_short_forms() {
    assertThat(Ipv4.parse("192.168.01.11")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.256")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.1000")).isEmpty();
    assertThat(Ipv4.parse("192.168.1")).isEmpty();
    assertThat(Ipv4.parse("3232235787")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.11.")).isEmpty();
    assertThat(Ipv4.parse("")).isEmpty();
  }

  @Test
  void should_reject_whitespace_and_non_ascii_digits() {
    assertThat(Ipv4.parse(" 192.168.1.11")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.11\n")).isEmpty();
    assertThat(Ipv4.parse("192.168.1.\u0661")).isEmpty();
  }

  @Test
  void should_format_what_it_parses() {
    for (String text : new String[] {"0.0.0.0", "10.8.0.2", "192.168.1.255", "255.255.255.255"}) {
      assertThat(Ipv4.format(Ipv4.parse(text).orElseThrow())).isEqualTo(text);
    }
  }
}
