package dev.homelab.versions;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VersionsTest {
  private static List<String> fileLines() throws IOException {
    try (InputStream in = Versions.class.getResourceAsStream(Versions.FILE)) {
      return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
    }
  }

  @Test
  void should_read_a_version_and_an_upstream_for_every_key() {
    for (VersionKey key : VersionKey.values()) {
      assertThat(Versions.defaults().get(key)).as(key.name()).isNotBlank();
      assertThat(Versions.defaults().upstream(key)).as(key.name()).startsWith("https://");
    }
    assertThat(Versions.defaults().get(VersionKey.IMAGE_RESTIC)).isEqualTo("docker.io/restic/restic:0.18.0");
    assertThat(Versions.defaults().tag(VersionKey.IMAGE_RESTIC)).isEqualTo("0.18.0");
  }

  @Test
  void should_put_a_renovate_line_right_above_every_entry_and_no_entry_without_a_key() throws IOException {
    List<String> lines = fileLines();
    Set<String> known = Arrays.stream(VersionKey.values()).map(VersionKey::property).collect(Collectors.toSet());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String property = line.substring(0, line.indexOf('='));
      if (property.endsWith(".upstream")) {
        if (!known.contains(property.substring(0, property.length() - ".upstream".length()))) {
          wrong.add(property + ": upstream of no VersionKey");
        }
        continue;
      }
      if (!known.contains(property)) {
        wrong.add(property + ": no VersionKey reads it");
      }
      String above = i > 0 ? lines.get(i - 1) : "";
      boolean docker = above.equals("# renovate: datasource=docker");
      if (!docker && !above.matches("# renovate: datasource=\\S+ depName=\\S+.*")) {
        wrong.add(property + ": the line above is not '# renovate: datasource=... depName=...'");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void should_take_the_labs_override_of_one_entry_and_the_file_for_the_others() {
    Versions versions = Versions.of(minimal().version(VersionKey.CHART_METALLB, "0.16.2"));

    assertThat(versions.get(VersionKey.CHART_METALLB)).isEqualTo("0.16.2");
    for (VersionKey key : VersionKey.values()) {
      if (key != VersionKey.CHART_METALLB) {
        assertThat(versions.get(key)).as(key.name()).isEqualTo(Versions.defaults().get(key));
      }
    }
  }

  @Test
  void should_let_a_parts_own_setting_win_over_the_labs_override() {
    Lab lab = minimal().ingress(traefik().chartVersion("41.2.0")).version(VersionKey.CHART_TRAEFIK, "41.4.0")
        .version(VersionKey.IMAGE_POSTGRES, "docker.io/library/postgres:17.7");

    assertThat(Versions.of(lab).get(VersionKey.CHART_TRAEFIK)).isEqualTo("41.2.0");
    assertThat(Versions.imageOf(lab, postgres("db"))).isEqualTo("docker.io/library/postgres:17.7");
    assertThat(Versions.imageOf(lab, postgres("db").image("docker.io/library/postgres:16.4")))
        .isEqualTo("docker.io/library/postgres:16.4");
  }

  @Test
  void should_give_each_data_service_kind_its_image_from_the_file() {
    for (DataService.Kind kind : DataService.Kind.values()) {
      assertThat(kind.defaultImage()).isEqualTo(Versions.defaults().get(kind.versionKey()));
    }
  }
}
