package dev.homelab.model;

import dev.homelab.internal.Names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  /** {@code GMT0} and {@code Etc/GMT-1} are IANA names too (tzdata "backward" links and Etc zones), so they stay valid. */
  @Test
  void should_accept_iana_zone_names() {
    for (String zone : new String[] {"Europe/Paris", "America/New_York", "Etc/UTC", "UTC", "GMT0", "Etc/GMT-1"}) {
      assertThat(Names.isTimeZone(zone)).as(zone).isTrue();
    }
  }

  @Test
  void should_reject_offsets_and_prefixed_offsets() {
    for (String zone : new String[] {"Z", "+01:00", "-05:00", "UTC+1", "GMT+1", "UT+02", "Mars/Olympus", "europe/paris", ""}) {
      assertThat(Names.isTimeZone(zone)).as(zone).isFalse();
    }
  }
}
