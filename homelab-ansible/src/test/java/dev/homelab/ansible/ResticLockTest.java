package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host restic units of one repository take turns instead of failing on each other's lock. */
class ResticLockTest {
  private static final String LOCKED = "/usr/bin/flock /run/lock/restic-{{ item.name }}.lock ";

  @Test
  void should_run_every_restic_command_of_a_repository_under_its_lock_file() {
    RenderedFiles files = AnsibleBackendTest.render(TestLabs.reference());
    List<String> units = files.files().keySet().stream()
        .filter(p -> p.startsWith("roles/homelab_restic/templates/") && p.endsWith(".service.j2")).toList();
    assertThat(units).contains("roles/homelab_restic/templates/restic.service.j2",
        "roles/homelab_restic/templates/restic-check.service.j2");
    for (String unit : units) {
      List<String> resticLines = files.text(unit).lines()
          .filter(l -> l.startsWith("Exec") && (l.contains("restic ") || l.contains("homelab-restic-"))).toList();
      assertThat(resticLines).as(unit).isNotEmpty()
          .allSatisfy(l -> assertThat(l.substring(l.indexOf('=') + 1)).as(unit).startsWith(LOCKED));
    }
  }
}
