package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.map;
import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code homelab_chroot} lets chroot-test/converge.sh run site.yml on Debian 12 root filesystems:
 * it switches off what a chroot cannot do (no systemd as PID 1, no kernel modules, only Debian's
 * mirror) in every role, and nothing else, so everything else is tested for real.
 */
class ChrootSwitchTest {
  static final String CHROOT = "homelab_chroot | default(false) | bool";
  private static final String NOT_IN_CHROOT = "not (" + CHROOT + ")";
  private static final Set<String> SERVICE_CHANGES = Set.of("started", "restarted", "reloaded", "stopped");

  /** Every task and handler of every rendered role, blocks flattened; a block's when is kept on it. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> allTasks(RenderedFiles files) {
    List<Map<String, Object>> all = new ArrayList<>();
    files.files().keySet().stream()
        .filter(f -> f.startsWith("roles/") && (f.contains("/tasks/") || f.contains("/handlers/")))
        .forEach(f -> flatten(HostPlaysTest.yamlList(files, f), List.of(), all));
    return all;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(List<Map<String, Object>> tasks, List<Object> outerWhen, List<Map<String, Object>> into) {
    for (Map<String, Object> task : tasks) {
      List<Object> when = new ArrayList<>(outerWhen);
      Object own = task.get("when");
      if (own instanceof List<?> list) {
        when.addAll(list);
      } else if (own != null) {
        when.add(own);
      }
      if (task.containsKey("block")) {
        flatten((List<Map<String, Object>>) task.get("block"), when, into);
      } else {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(task);
        copy.put("when", when);
        into.add(copy);
      }
    }
  }

  private static boolean guarded(Map<String, Object> task) {
    return ((List<?>) task.get("when")).contains(NOT_IN_CHROOT);
  }

  @Test
  void should_switch_off_every_service_start_and_reload_handler_in_a_chroot_but_still_enable_the_units() {
    List<Map<String, Object>> systemd = allTasks(render(TestLabs.reference())).stream()
        .filter(t -> t.containsKey("ansible.builtin.systemd") || t.containsKey("ansible.builtin.service")).toList();
    assertThat(systemd).hasSizeGreaterThan(8).allSatisfy(t -> {
      Map<String, Object> args = map(t, "ansible.builtin.systemd");
      Object state = args.get("state");
      if (Boolean.FALSE.equals(args.get("enabled")) || Boolean.TRUE.equals(args.get("masked"))) {
        // Disabling and masking (Debian's own btrbk.timer) run in a chroot too; stopping does not.
        assertThat(state).as(t.get("name").toString()).isIn(null, "{{ omit if (" + CHROOT + ") else 'stopped' }}");
      } else if (Boolean.TRUE.equals(args.get("enabled"))) {
        // Enabling runs in a chroot too (systemctl works offline); starting does not.
        assertThat(state).as(t.get("name").toString())
            .isIn("{{ omit if (" + CHROOT + ") else 'started' }}",
                "{{ 'started' if homelab_crowdsec_lapi.status | default(-1) == 200 else omit }}");
        if (String.valueOf(state).contains("homelab_crowdsec_lapi")) {
          assertThat(guarded(t)).as(t.get("name").toString()).isTrue();
        }
      } else {
        assertThat(SERVICE_CHANGES.contains(String.valueOf(state)) || Boolean.TRUE.equals(args.get("daemon_reload")))
            .as(t.get("name").toString()).isTrue();
        assertThat(guarded(t)).as(t.get("name").toString()).isTrue();
      }
    });
    assertThat(allTasks(render(TestLabs.reference()))).filteredOn(t -> t.containsKey("ansible.builtin.command")
            && String.valueOf(t.get("ansible.builtin.command")).contains("exportfs -ra"))
        .singleElement().satisfies(t -> assertThat(guarded(t)).isTrue());
  }

  @Test
  void should_switch_off_kernel_modules_and_the_crowdsec_repository_in_a_chroot_and_nothing_else() {
    List<Map<String, Object>> tasks = allTasks(render(TestLabs.reference()));
    assertThat(tasks).filteredOn(t -> t.containsKey("community.general.modprobe") || t.containsKey("ansible.builtin.get_url")
            || t.containsKey("ansible.builtin.apt_repository"))
        .hasSize(3).allSatisfy(t -> assertThat(guarded(t)).as(t.get("name").toString()).isTrue());
    assertThat(tasks).filteredOn(t -> String.valueOf(t.get("ansible.builtin.apt")).contains("homelab_crowdsec_bouncer_package"))
        .singleElement().satisfies(t -> assertThat(guarded(t)).isTrue());
    // Everything else that names the switch: the unit tasks above, the host name (hostnamectl needs
    // systemd) and PostgreSQL's start without systemd.
    assertThat(tasks).filteredOn(t -> t.toString().contains("homelab_chroot"))
        .allSatisfy(t -> assertThat(t.keySet()).containsAnyOf("ansible.builtin.systemd", "community.general.modprobe",
            "ansible.builtin.get_url", "ansible.builtin.apt_repository", "ansible.builtin.apt", "ansible.builtin.file",
            "ansible.builtin.hostname", "ansible.builtin.command"));
    assertThat(tasks).filteredOn(t -> t.containsKey("ansible.builtin.command") && t.toString().contains("homelab_chroot"))
        .extracting(t -> t.get("name")).containsExactlyInAnyOrder(
            "Start the PostgreSQL cluster without systemd (chroot only)", "Re-export the NFS shares");
    assertThat(tasks).filteredOn(t -> t.containsKey("ansible.builtin.file") && t.toString().contains("homelab_chroot"))
        .extracting(t -> map(t, "ansible.builtin.file").get("path")).containsExactly("/etc/apt/keyrings");
  }

  @Test
  void should_render_the_chroot_test_and_tell_how_to_run_it_before_touching_the_hosts() {
    RenderedFiles files = render(TestLabs.singleServer());
    assertThat(files.files().keySet()).contains("chroot-test/converge.sh", "chroot-test/converge_helper.py");
    assertThat(files.text("chroot-test/converge.sh"))
        .contains("homelab_chroot: true", "ansible_connection: community.general.chroot",
            "echo \"hosts: converged ${#HOSTS[@]} hosts, second run changed=0\"");
    assertThat(files.text("README.md")).contains("## Test on your machine first", "sudo bash chroot-test/converge.sh",
        "`hosts: converged N hosts, second run changed=0`", "The variable `homelab_chroot` (default `false`");
  }
}
