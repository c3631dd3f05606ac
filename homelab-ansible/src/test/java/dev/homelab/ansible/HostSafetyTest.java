package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.map;
import static dev.homelab.ansible.AnsibleBackendTest.render;
import static dev.homelab.ansible.AnsibleBackendTest.yaml;
import static dev.homelab.ansible.HostPlaysTest.plays;
import static dev.homelab.ansible.HostPlaysTest.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What the host plays do when a host is not as the model says (issue #16, found by running the
 * playbook against Debian 12; chroot-test/converge.sh checks each again on every CI run): a
 * missing disk or device, a package a Galaxy role assumed, a password that changed.
 */
class HostSafetyTest {
  private static final Map<String, Object> MOUNT_CHECK = Map.of("name", "homelab_disks", "tasks_from", "mounted");

  @Test
  void should_stop_on_a_missing_device_before_the_format_steps_read_it_as_blank() {
    List<Map<String, Object>> tasks = tasks(render(TestLabs.reference()), "homelab_disks");
    int stat = index(tasks, t -> t.containsKey("ansible.builtin.stat"));
    int refuse = index(tasks, t -> t.containsKey("ansible.builtin.fail") && String.valueOf(t.get("when")).contains("isblk"));
    int mkfsBtrfs = index(tasks, t -> String.valueOf(t.get("ansible.builtin.shell")).contains("mkfs.btrfs"));
    int mkfsExt4 = index(tasks, t -> t.containsKey("community.general.filesystem"));
    assertThat(map(tasks.get(stat), "ansible.builtin.stat")).containsEntry("follow", true);
    assertThat(tasks.get(stat).get("loop").toString()).contains("selectattr('format_if_blank')", "subelements('devices')");
    assertThat(map(tasks.get(refuse), "ansible.builtin.fail").get("msg").toString())
        .contains("Device {{ item.item.1 }} of disk {{ item.item.0.name }} (label {{ item.item.0.label }}) does not exist");
    assertThat(stat).isNotNegative().isLessThan(refuse);
    assertThat(refuse).isLessThan(mkfsBtrfs).isLessThan(mkfsExt4);
    assertThat(tasks.get(mkfsBtrfs).get("ansible.builtin.shell").toString()).contains("if [ ! -b \"$dev\" ]; then")
        // 4 KiB sectors whatever the page size of the host's kernel (16 KiB on a Pi 5), so any machine can mount the pair
        .contains("mkfs.btrfs -L {{ item.label | quote }} -d raid1 -m raid1 --sectorsize 4096 ");
  }

  @Test
  void should_check_with_findmnt_that_each_disk_is_mounted_because_nofail_lets_mount_succeed_without_it() {
    RenderedFiles files = render(TestLabs.reference());
    List<Map<String, Object>> check = HostPlaysTest.yamlList(files, "roles/homelab_disks/tasks/mounted.yml");
    assertThat(map(check.get(0), "ansible.builtin.command").get("argv"))
        .isEqualTo(List.of("findmnt", "--noheadings", "--output", "FSTYPE", "--mountpoint", "{{ item.mount_point }}"));
    assertThat(check.get(1)).containsEntry("when", "(item.stdout_lines | last | default('')) != item.item.filesystem");
    assertThat(map(check.get(1), "ansible.builtin.fail").get("msg").toString())
        .contains("Disk {{ item.item.name }} ({{ item.item.filesystem }}, {{ item.item.mount_source }}) is not mounted at",
            "run mount {{ item.item.mount_point }}");

    List<Map<String, Object>> disks = tasks(files, "homelab_disks");
    int mount = index(disks, t -> t.containsKey("ansible.posix.mount"));
    assertThat(disks.get(mount).get("loop")).isEqualTo("{{ homelab_disks_here }}");
    assertThat(disks.get(disks.size() - 1)).containsEntry("ansible.builtin.import_tasks", "mounted.yml")
        .containsEntry("vars", Map.of("homelab_disks_mounted", "{{ homelab_disks_here }}"));
  }

  @Test
  void should_check_the_disk_is_mounted_before_btrbk_or_restic_write_below_its_mount_point() {
    RenderedFiles files = render(TestLabs.reference());
    List<Map<String, Object>> btrbk = tasks(files, "homelab_btrbk");
    int btrbkCheck = index(btrbk, t -> MOUNT_CHECK.equals(t.get("ansible.builtin.import_role")));
    int snapshotDirs = index(btrbk, t -> t.containsKey("ansible.builtin.file"));
    assertThat(btrbkCheck).isNotNegative().isLessThan(snapshotDirs);
    assertThat(btrbk.get(btrbkCheck)).containsEntry("vars",
        Map.of("homelab_disks_mounted", "{{ homelab_btrbk_here.volumes | map(attribute='disk') | list }}"));

    List<Map<String, Object>> restic = tasks(files, "homelab_restic");
    int resticCheck = index(restic, t -> MOUNT_CHECK.equals(t.get("ansible.builtin.import_role")));
    int init = index(restic, t -> t.containsKey("ansible.builtin.command"));
    assertThat(map(restic.get(init), "ansible.builtin.command")).containsEntry("cmd", "restic init");
    assertThat(resticCheck).isNotNegative().isLessThan(init);

    Map<String, Object> data = Map.of("name", "data", "mount_source", "LABEL=data", "mount_point", "/srv/data", "filesystem", "btrfs");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> volumes = (List<Map<String, Object>>) map(yaml(files, "vars/btrfs_snapshots.yml"),
        "homelab_btrbk_by_host", "pi4").get("volumes");
    assertThat(volumes).extracting(v -> v.get("disk")).containsExactly(data);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> backups = (List<Map<String, Object>>) map(yaml(files, "vars/restic.yml"),
        "homelab_restic_backups_by_host").get("pi4");
    assertThat(backups).extracting(b -> b.get("disk")).containsExactly(
        Map.of("name", "restic", "mount_source", "LABEL=restic", "mount_point", "/mnt/restic", "filesystem", "ext4"));
  }

  @Test
  void should_converge_the_wireguard_gateway_with_a_local_role_that_needs_neither_galaxy_nor_lsb_release() {
    RenderedFiles files = render(TestLabs.reference());
    Map<String, Object> vpn = plays(files).stream().filter(p -> "vpn".equals(p.get("hosts"))).findFirst().orElseThrow();
    assertThat(vpn.get("roles")).isEqualTo(List.of("homelab_wireguard"));
    assertThat(vpn).doesNotContainKey("pre_tasks");
    // Galaxy's role read ansible_facts['lsb'], empty without lsb-release, and CI cannot download it.
    assertThat(files.text("requirements.yml")).doesNotContain("roles:").doesNotContain("githubixx");
    assertThat(files.files().keySet().stream().filter(f -> f.startsWith("roles/homelab_wireguard/")))
        .allSatisfy(f -> assertThat(files.text(f)).doesNotContain("lsb"));
    List<Map<String, Object>> tasks = tasks(files, "homelab_wireguard");
    // "wireguard" would pull a kernel image package through wireguard-modules.
    assertThat(map(tasks.get(0), "ansible.builtin.apt").get("name")).isEqualTo(List.of("wireguard-tools", "iptables"));
    assertThat(tasks).anySatisfy(t -> assertThat(map(t, "ansible.posix.sysctl"))
        .containsEntry("name", "net.ipv4.ip_forward").containsEntry("value", "1"));
    assertThat(tasks).anySatisfy(t -> assertThat(map(t, "ansible.builtin.systemd")).containsEntry("name", "wg-quick@{{ homelab_wireguard_interface }}"));
  }

  @Test
  void should_keep_the_wireguard_private_key_on_the_gateway_and_out_of_the_config_file() {
    RenderedFiles files = render(TestLabs.reference());
    Map<String, Object> key = tasks(files, "homelab_wireguard").stream()
        .filter(t -> String.valueOf(t.get("ansible.builtin.shell")).contains("wg genkey")).findFirst().orElseThrow();
    assertThat(map(key, "args")).containsEntry("creates", "{{ homelab_wireguard_dir }}/{{ homelab_wireguard_interface }}.key");
    assertThat(key.get("ansible.builtin.shell").toString()).contains("umask 077", "PrivateKey");
    String conf = files.text("roles/homelab_wireguard/templates/wg.conf.j2");
    assertThat(conf).contains("PostUp = wg set %i private-key {{ homelab_wireguard_dir }}/%i.key\n")
        .doesNotContain("PrivateKey =");
    assertThat(conf.indexOf("wg set %i private-key")).isLessThan(conf.indexOf("{% for command in homelab_wireguard_postup %}"));
  }

  @Test
  void should_set_host_postgres_passwords_with_a_module_that_reports_changed_only_when_the_password_differs() {
    RenderedFiles files = render(TestLabs.reference());
    List<Map<String, Object>> tasks = tasks(files, "homelab_postgres");
    assertThat(tasks).noneSatisfy(t -> assertThat(t.toString()).contains("ALTER ROLE"));
    assertThat(tasks).filteredOn(t -> t.containsKey("community.postgresql.postgresql_user")).singleElement().satisfies(t -> {
      assertThat(t).doesNotContainKey("changed_when").containsEntry("no_log", true).containsEntry("become_user", "postgres");
      assertThat(map(t, "community.postgresql.postgresql_user")).containsEntry("password", "{{ item.password }}");
    });
    assertThat(map(tasks.get(0), "ansible.builtin.apt").get("name")).asList().contains("python3-psycopg2");
    assertThat(files.text("requirements.yml")).contains("  - name: community.postgresql\n    version: '>=2.4.2'\n");
    assertThat(render(TestLabs.singleServer()).text("requirements.yml")).doesNotContain("community.postgresql");
  }

  private static int index(List<Map<String, Object>> tasks, Predicate<Map<String, Object>> which) {
    for (int i = 0; i < tasks.size(); i++) {
      if (which.test(tasks.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
