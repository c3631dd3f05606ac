package dev.homelab.model;

import dev.homelab.internal.Names;
import dev.homelab.internal.Quantities;
import dev.homelab.internal.ImageReference;
import dev.homelab.internal.Schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammars the model checks values with: those of the tools that read the rendered files. */
class ValueGrammarTest {

  @ParameterizedTest
  @ValueSource(strings = {"50m", "0.5", "2", "512Mi", "1Gi", "1G", "1e9", "1E9", "1e+3", "+1Gi", ".5Gi", "1.", "1E", "1Ei"})
  void should_accept_apimachinery_quantities(String quantity) {
    assertThat(Quantities.isPositive(quantity)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1Gi1Gi", "lots", "1x", "1 2", "1GB", "1ki", "1e", "e9", "1.5.5", "", " 1Gi", "0", "-1Gi", "Gi"})
  void should_reject_what_is_no_positive_quantity(String quantity) {
    assertThat(Quantities.isPositive(quantity)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void should_read_quantities_as_their_amount() {
    assertThat(Quantities.value("512Mi")).contains(new BigDecimal(512L * 1024 * 1024));
    assertThat(Quantities.value("50m").get()).isEqualByComparingTo("0.05");
    assertThat(Quantities.value("1e9").get()).isEqualByComparingTo("1000000000");
    assertThat(Quantities.value("1G").get()).isEqualByComparingTo("1000000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m", "500m", "0.5"})
  void should_reject_sizes_below_one_byte(String size) {
    assertThat(Names.isSize(size)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nextcloud:31.0.8-apache", "docker.io/library/postgres:17.6", "registry.lan:5000/team/app:v1_2.3",
      "localhost/app:1", "ghcr.io/owner/app@sha256:0000000000000000000000000000000000000000000000000000000000000000",
      "ghcr.io/owner/app:1.0@sha256:abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd", "a__b/c-d--e:T"})
  void should_accept_pinned_oci_references(String image) {
    assertThat(Names.isPinnedImage(image)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ghcr.io/Owner/App:1", "owner/App:1", "Owner/app:1", "ghcr.io/owner/app@sha256:abc",
      "ghcr.io/owner/app@md5:0000000000000000000000000000000000000000000000000000000000000000", "app:-1", "app:.1",
      "app::1", "app:1 ", "ghcr.io//app:1", "ghcr.io/owner/app_:1", "-host.io/app:1"})
  void should_reject_malformed_references(String image) {
    assertThat(ImageReference.isValid(image)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"30 2 * * *", "*/15 * * * *", "1-5/2 0 1,15 * mon-fri", "0 3 * * SUN", "0 3 * JAN *", "0 3 * * 0-6"})
  void should_accept_five_field_cron(String cron) {
    assertThat(Names.isCron(cron)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"99 99 * * *", "60 0 * * *", "0 24 * * *", "0 0 0 * *", "0 0 * 13 *", "0 3 * * 7", "0 3 * * 5-7",
      "5-1 * * * *", "*/0 * * * *", "@daily", "0 0 ? * *", "0 0 L * *", "0 0 * * * *", "nightly", " 0 0 * * *", "0  0 * * *"})
  void should_reject_cron_the_cronjob_controller_refuses(String cron) {
    assertThat(Names.isCron(cron)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"daily", "weekly", "hourly", "*-*-* 03:30:00", "Mon..Fri 22:00", "Sat,Sun *-*-* 04:00", "03:30",
      "*-*-01 02:00", "2026-01-* 00:00:00", "*-*-* *:0/15"})
  void should_accept_systemd_calendar_events(String event) {
    assertThat(Schedules.isCalendar(event)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "nightly", "daily\nExecStart=/bin/sh", "*-*-* 25:00", "*-13-* 03:00", "Funday 03:00", "Mon",
      "*-*-* 03:60", "0 3 * * *", "daily; rm -rf /", "*-*-* 03:00 03:00"})
  void should_reject_what_oncalendar_refuses_or_could_inject(String event) {
    assertThat(Schedules.isCalendar(event)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/srv/data", "/var/lib/app-1/v2.0", "/mnt/a_b/c@d"})
  void should_accept_plain_absolute_paths(String path) {
    assertThat(Names.isAbsolutePath(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"srv/data", "/", "/srv/../etc", "/srv/..", "/srv/./data", "/srv//data", "/srv/my data", "/srv/a\nb",
      "/srv/$HOME", "/srv/%h", "/srv/a'b", "/srv/a\"b", "/srv/a;b", "/srv/\u0007"})
  void should_reject_paths_a_unit_or_shell_would_misread(String path) {
    assertThat(Names.isAbsolutePath(path)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"vpn.example.com", "nas", "s3.eu-central-003.backblazeb2.com", "x1"})
  void should_accept_rfc_1123_host_names(String host) {
    assertThat(Names.isHostName(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-vpn.example.com", "vpn..example.com", "vpn.example.com:51820", "https://vpn", "vpn_1.example.com",
      "vpn example"})
  void should_reject_what_is_no_host_name(String host) {
    assertThat(Names.isHostName(host)).isFalse();
  }
}
