package dev.homelab.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.fixtures.TestLabs;
import dev.homelab.internal.HostBackupUnits.Unit;
import org.junit.jupiter.api.Test;

/** The host backup units both backends agree on, and how stale each may get. */
class HostBackupUnitsTest {
  private static final long HOUR = 3600;
  private static final long DAY = 24 * HOUR;

  @Test
  void should_list_btrbk_restic_its_check_pg_dumps_and_each_servers_etcd_snapshots_twice_their_period() {
    // rich(): pi4 keeps hourly snapshots and backs up daily; etcd snapshots every 6 hours on the HA
    // servers; nuc dumps its PostgreSQL nightly
    assertThat(HostBackupUnits.of(TestLabs.rich())).containsExactly(
        new Unit("pi1", "k3s.service", 12 * HOUR),
        new Unit("pi2", "k3s.service", 12 * HOUR),
        new Unit("pi3", "k3s.service", 12 * HOUR),
        new Unit("pi4", "homelab-btrbk.service", 2 * HOUR),
        new Unit("pi4", "restic-local.service", 2 * DAY),
        new Unit("pi4", "restic-check-local.service", 14 * DAY),
        new Unit("nuc", "homelab-pg-dump-s3.service", 2 * DAY));
  }

  @Test
  void should_list_nothing_for_a_lab_without_host_backups() {
    assertThat(HostBackupUnits.of(TestLabs.minimal())).isEmpty();
  }

  @Test
  void should_bound_the_gap_of_a_calendar_event_by_its_restricted_parts() {
    assertThat(Schedules.longestCalendarGapSeconds("hourly")).isEqualTo(HOUR);
    assertThat(Schedules.longestCalendarGapSeconds("daily")).isEqualTo(DAY);
    assertThat(Schedules.longestCalendarGapSeconds("weekly")).isEqualTo(7 * DAY);
    assertThat(Schedules.longestCalendarGapSeconds("monthly")).isEqualTo(31 * DAY);
    assertThat(Schedules.longestCalendarGapSeconds("*-*-* 03:30:00")).isEqualTo(DAY);
    assertThat(Schedules.longestCalendarGapSeconds("03:30")).isEqualTo(DAY);
    assertThat(Schedules.longestCalendarGapSeconds("*-*-* *:00/15")).isEqualTo(HOUR);
    assertThat(Schedules.longestCalendarGapSeconds("Sun *-*-* 05:30:00")).isEqualTo(7 * DAY);
    assertThat(Schedules.longestCalendarGapSeconds("Mon..Fri 22:00")).isEqualTo(7 * DAY);
    assertThat(Schedules.longestCalendarGapSeconds("*-*-01 02:00")).isEqualTo(31 * DAY);
    assertThat(Schedules.longestCalendarGapSeconds("*-01,07-01 02:00")).isEqualTo(366 * DAY);
  }

  @Test
  void should_bound_the_gap_of_a_cron_schedule_by_its_restricted_fields() {
    assertThat(Schedules.longestCronGapSeconds("0 */12 * * *")).isEqualTo(12 * HOUR);
    assertThat(Schedules.longestCronGapSeconds("0 */5 * * *")).isEqualTo(5 * HOUR);
    assertThat(Schedules.longestCronGapSeconds("0 3,15 * * *")).isEqualTo(DAY);
    assertThat(Schedules.longestCronGapSeconds("*/5 * * * *")).isEqualTo(HOUR);
    assertThat(Schedules.longestCronGapSeconds("0 3 * * 0")).isEqualTo(7 * DAY);
    assertThat(Schedules.longestCronGapSeconds("0 3 1 * *")).isEqualTo(31 * DAY);
    assertThat(Schedules.longestCronGapSeconds("0 3 1 1 *")).isEqualTo(366 * DAY);
  }
}
