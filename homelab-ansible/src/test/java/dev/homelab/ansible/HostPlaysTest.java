package dev.homelab.ansible;

import static dev.homelab.Homelab.*;
import static dev.homelab.ansible.AnsibleBackendTest.map;
import static dev.homelab.ansible.AnsibleBackendTest.render;
import static dev.homelab.ansible.AnsibleBackendTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What the host plays do on the machines, read from the rendered vars files, roles and templates. */
class HostPlaysTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> tasks(RenderedFiles files, String role) {
    try {
      return YAML.readValue(files.text("roles/" + role + "/tasks/main.yml"), List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> yamlList(RenderedFiles files, String path) {
    try {
      return YAML.readValue(files.text(path), List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> plays(RenderedFiles files) {
    try {
      return YAML.readValue(files.text("site.yml"), List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void should_install_rsyslog_on_every_node_so_crowdsec_sees_ssh_logins() {
    RenderedFiles files = render(TestLabs.singleServer());
    assertThat(plays(files).get(0)).containsEntry("hosts", "k3s_cluster").containsEntry("roles", List.of("homelab_base"));
    assertThat(tasks(files, "homelab_base"))
        .anySatisfy(t -> assertThat(AnsibleBackendTest.map(t, "ansible.builtin.apt")).containsEntry("name", "rsyslog"))
        .anySatisfy(t -> assertThat(AnsibleBackendTest.map(t, "ansible.builtin.systemd"))
            .containsEntry("name", "rsyslog").containsEntry("enabled", true));
  }


  @Test
  void should_check_the_os_first_on_every_run_then_name_the_host_after_its_inventory_entry() {
    RenderedFiles files = render(TestLabs.reference());
    List<Map<String, Object>> base = tasks(files, "homelab_base").subList(1, tasks(files, "homelab_base").size());
    Map<String, Object> check = base.get(0);
    assertThat(check).containsEntry("tags", List.of("always"));
    assertThat(map(check, "ansible.builtin.assert")).containsEntry("that", List.of(
        "ansible_facts['distribution'] == homelab_base_os.distribution",
        "ansible_facts['distribution_major_version'] == homelab_base_os.major_version"));
    assertThat((String) map(check, "ansible.builtin.assert").get("fail_msg")).contains("Raspberry Pi OS");
    assertThat(map(yaml(files, "vars/base.yml"), "homelab_base_os"))
        .containsExactly(Map.entry("distribution", "Debian"), Map.entry("major_version", "12"), Map.entry("release", "bookworm"));
    // /etc/hosts before the name changes, so sudo resolves the new name at once.
    assertThat(map(base.get(1), "ansible.builtin.lineinfile"))
        .containsEntry("path", "/etc/hosts").containsEntry("line", "127.0.1.1\t{{ inventory_hostname }}");
    assertThat(map(base.get(2), "ansible.builtin.hostname")).containsEntry("name", "{{ inventory_hostname }}");
    assertThat(plays(files).get(0)).containsEntry("hosts", "k3s_cluster");
  }

  @Test
  void should_gather_the_facts_of_the_os_check_when_tags_skip_the_plays_own_gathering() {
    // A tagged play gathers facts only for its own tags: --tags crowdsec_firewall_bouncer (README.md)
    // reached the always-tagged OS check without facts and stopped every host (found by the chroot test).
    RenderedFiles files = render(TestLabs.reference());
    assertThat(plays(files).get(0)).containsEntry("tags", List.of("base"));
    Map<String, Object> gather = tasks(files, "homelab_base").get(0);
    assertThat(gather).containsEntry("tags", List.of("always"))
        .containsEntry("when", "ansible_facts['distribution'] is not defined");
    assertThat(map(gather, "ansible.builtin.setup")).containsEntry("gather_subset", List.of("!all", "min"));
    assertThat(tasks(files, "homelab_base").get(1)).containsKey("ansible.builtin.assert");
  }

  @Test
  void should_let_bash_check_the_backup_and_dump_scripts_before_they_replace_the_old_ones() {
    RenderedFiles files = render(TestLabs.reference());
    for (String role : List.of("homelab_restic", "homelab_postgres")) {
      List<Map<String, Object>> scripts = new java.util.ArrayList<>();
      for (Map<String, Object> t : tasks(files, role)) {
        scripts.add(t);
        if (t.containsKey("block")) {
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> block = (List<Map<String, Object>>) t.get("block");
          scripts.addAll(block);
        }
      }
      assertThat(scripts).filteredOn(t -> t.containsKey("ansible.builtin.template")
              && String.valueOf(map(t, "ansible.builtin.template").get("dest")).startsWith("/usr/local/sbin/"))
          .as(role).singleElement().satisfies(t -> assertThat(map(t, "ansible.builtin.template"))
              .containsEntry("validate", "bash -n %s").containsEntry("mode", "0755"));
    }
  }

  @Test
  void should_say_that_upgrade_plans_on_a_channel_move_the_cluster_past_the_version_k3s_ansible_installs() {
    Lab lab = TestLabs.singleServer();
    K3s k3s = lab.cluster().orElseThrow();

    assertThat(render(lab.cluster(k3s.upgrades(autoUpgrade().channel("v1.33")))).text("README.md"))
        .contains("- The upgrade plans (`k8s/system-upgrade/`) follow channel `v1.33`, so after their first\n"
            + "  window the cluster runs a newer k3s than `k3s_version` (`" + k3s.version() + "`), which k3s-ansible installs.\n");
    // a pinned version moves nothing; without plans there is nothing to say
    assertThat(render(lab.cluster(k3s.upgrades(autoUpgrade().version(k3s.version())))).text("README.md")).doesNotContain("follow channel");
    assertThat(render(lab).text("README.md")).doesNotContain("follow channel");
  }

  @Test
  void should_bound_each_collection_below_its_first_release_without_ansible_core_2_15() {
    // ansible-galaxy ignores requires_ansible: unbounded, it installs releases that need 2.16 or 2.18
    String requirements = render(TestLabs.reference()).text("requirements.yml");
    assertThat(requirements).contains("  - name: ansible.posix\n    version: \">=1.5.0,<2.2.0\"\n")
        .contains("  - name: community.general\n    version: \">=6.0.0,<11.0.0\"\n")
        .contains("  - name: ansible.utils\n    version: \">=2.5.2,<6.0.0\"\n")
        .contains("  - name: community.postgresql\n    version: '>=2.4.2'\n");
    assertThat(Docs.ANSIBLE_CORE_RANGE).isEqualTo("ansible-core>=2.15,<2.18");
  }

  @Test
  void should_list_ansible_utils_for_k3s_ansible_and_tell_to_install_netaddr_and_a_new_enough_ansible() {
    RenderedFiles files = render(TestLabs.singleServer());
    assertThat(files.text("requirements.yml")).contains("  - name: ansible.utils\n    version: \">=2.5.2,<6.0.0\"\n");
    assertThat(files.text("README.md"))
        .contains("**ansible-core 2.15 or newer**")
        // bounded like the deploy workflow's install, and activated: the venv's commands are not on the PATH otherwise
        .contains("pip install 'ansible-core>=2.15,<2.18' netaddr`, then\n  `. ~/ansible/bin/activate` in every shell")
        .contains("`apt install python3-netaddr`")
        .contains("the controller needs `git` too");
  }

  @Test
  void should_let_a_pod_log_in_to_host_postgres_as_the_database_role_with_the_vault_password() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(files.text("roles/homelab_postgres/templates/postgresql-homelab.conf.j2"))
        .contains("password_encryption = 'scram-sha-256'");
    assertThat(tasks(files, "homelab_postgres")).anySatisfy(t -> {
      assertThat(map(t, "community.postgresql.postgresql_user"))
          .containsEntry("password", "{{ item.password }}").containsEntry("role_attr_flags", "LOGIN");
      assertThat(t).containsEntry("no_log", true);
    });
    assertThat(map(yaml(files, "vars/postgres.yml"), "homelab_postgres_by_host", "nuc").get("databases"))
        .isEqualTo(List.of(Map.of("name", "homeassistant", "password", "{{ vault_postgres_nuc_homeassistant_password }}")));
    assertThat(files.text("VAULT.md")).contains("""
        | `homeassistant` on `nuc` | `vault_postgres_nuc_homeassistant_password` | `homeassistant-db`, key `url` \
        | `postgresql://homeassistant:<password>@192.168.1.20:5432/homeassistant` |
        """);
    assertThat(files.text("README.md")).contains("`listen_addresses = '*'`, so on its LAN\n  address 192.168.1.20 too");
    assertThat(render(TestLabs.singleServer()).text("VAULT.md")).doesNotContain("Host PostgreSQL");
  }

  @Test
  void should_admit_the_pod_network_to_host_postgres_because_pods_on_its_node_are_not_masqueraded() {
    assertThat(map(yaml(render(TestLabs.reference()), "vars/postgres.yml"), "homelab_postgres_by_host", "nuc"))
        .containsEntry("allowed_networks", List.of("192.168.1.0/24", "10.42.0.0/16"));
    Lab custom = homelab("pg").lan("10.0.0.0/24")
        .nodes(node("db").controlPlane().ip("10.0.0.2").postgres(hostPostgres("15").databases("app").allowFrom("10.0.0.0/24")),
            node("local").worker().ip("10.0.0.3").postgres(hostPostgres("15").databases("app")))
        .cluster(k3s("v1.33.4+k3s1").clusterCidr("10.52.0.0/16"));
    Map<String, Object> byHost = map(yaml(render(custom), "vars/postgres.yml"), "homelab_postgres_by_host");
    assertThat(map(byHost, "db")).containsEntry("allowed_networks", List.of("10.0.0.0/24", "10.52.0.0/16"));
    assertThat(map(byHost, "local")).containsEntry("allowed_networks", List.of());
  }

  @Test
  void should_write_one_scram_pg_hba_line_per_allowed_network_and_listen_only_when_there_is_one() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(tasks(files, "homelab_postgres")).anySatisfy(t -> {
      assertThat(map(t, "ansible.builtin.lineinfile"))
          .containsEntry("line", "host    sameuser    all    {{ item }}    scram-sha-256");
      assertThat(t).containsEntry("loop", "{{ homelab_postgres.allowed_networks }}");
    });
    assertThat(files.text("roles/homelab_postgres/templates/postgresql-homelab.conf.j2"))
        .contains("'*' if (homelab_postgres.allowed_networks | length > 0 or homelab_postgres.app_access | length > 0) else 'localhost'");
  }

  @Test
  void should_give_an_app_on_host_postgres_its_database_role_and_pg_hba_lines_from_the_pod_network() {
    Node db = node("db").controlPlane().ip("10.0.0.2").postgres(hostPostgres("15").databases("wiki"));
    Lab lab = homelab("pg").lan("10.0.0.0/24")
        .nodes(db, node("w").worker().ip("10.0.0.3"))
        .cluster(k3s("v1.33.4+k3s1").clusterCidr("10.52.0.0/16"))
        .apps(app("meal-planner", "ghcr.io/example/meals:1.0.0").uses(postgresOn(db)).runsOn(db),
            app("shop", "ghcr.io/example/shop:1.0.0").uses(postgresOn(db)));
    RenderedFiles files = render(lab);
    Map<String, Object> host = map(yaml(files, "vars/postgres.yml"), "homelab_postgres_by_host", "db");

    // localhost-only before (no allowFrom): the apps' lines alone open it, to their own databases
    assertThat(host).containsEntry("allowed_networks", List.of()).containsEntry("app_access", List.of(
        Map.of("database", "meal_planner", "app", "meal-planner", "networks", List.of("10.52.0.0/16")),
        Map.of("database", "shop", "app", "shop", "networks", List.of("10.52.0.0/16", "10.0.0.0/24"))));
    assertThat(((List<?>) host.get("databases")).stream().map(d -> (Object) ((Map<?, ?>) d).get("name")).toList())
        .isEqualTo(List.of("wiki", "meal_planner", "shop"));
    assertThat(tasks(files, "homelab_postgres")).anySatisfy(t -> {
      assertThat(map(t, "ansible.builtin.lineinfile"))
          .containsEntry("line", "host    {{ item.0.database }}    {{ item.0.database }}    {{ item.1 }}    scram-sha-256");
      assertThat(t).containsEntry("loop", "{{ homelab_postgres.app_access | subelements('networks') }}");
    });
    assertThat(files.text("VAULT.md")).contains("""
        | `shop` on `db` | `vault_postgres_db_shop_password` | `postgres-db-shop`, key `password`, namespace `shop` | the same password (app `shop` reads it as `POSTGRES_PASSWORD`) |
        """);
  }

  @Test
  void should_export_nfs_to_each_k3s_node_only_with_mp_and_root_squash_on_the_media_disk() {
    RenderedFiles files = render(TestLabs.reference());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> exports = (List<Map<String, Object>>) map(yaml(files, "vars/nfs_server.yml"),
        "homelab_nfs_exports_by_host").get("pi4");
    List<String> nodes = List.of("192.168.1.11", "192.168.1.12", "192.168.1.13", "192.168.1.14", "192.168.1.20");
    assertThat(exports).extracting(e -> e.get("path")).containsExactly("/srv/data", "/srv/media");
    assertThat(exports.get(0)).containsEntry("clients", nodes)
        .containsEntry("options", "rw,sync,no_subtree_check,no_root_squash,mp");
    assertThat(exports.get(1)).containsEntry("clients", nodes)
        .containsEntry("options", "rw,sync,no_subtree_check,root_squash,mp");
    assertThat(files.text("roles/homelab_nfs_server/templates/homelab.exports.j2"))
        .contains("{{ export.path }}{% for client in export.clients %} {{ client }}({{ export.options }}){% endfor %}")
        .doesNotContain("192.168.1.0/24");
  }

  @Test
  void should_keep_pods_from_speaking_nfs_on_every_node_because_they_leave_it_as_the_node() {
    RenderedFiles files = render(TestLabs.reference());

    assertThat(yaml(files, "vars/nfs_client.yml")).containsEntry("homelab_nfs_guard_pod_cidr", "10.42.0.0/16");
    assertThat(plays(files)).anySatisfy(p -> assertThat(p)
        .containsEntry("hosts", "nfs_client")
        .containsEntry("vars_files", List.of("vars/nfs_client.yml")));
    assertThat(files.text("roles/homelab_nfs_client/templates/nfs-guard.nft.j2"))
        .contains("table inet homelab_nfs_guard\ndelete table inet homelab_nfs_guard\n")
        .contains("""
              chain forward {
                type filter hook forward priority filter; policy accept;
                ip saddr {{ homelab_nfs_guard_pod_cidr }} ip daddr != {{ homelab_nfs_guard_pod_cidr }} meta l4proto { tcp, udp } th dport 2049 counter reject
              }
            """)
        .contains("""
              chain input {
                type filter hook input priority filter; policy accept;
                ip saddr {{ homelab_nfs_guard_pod_cidr }} meta l4proto { tcp, udp } th dport 2049 counter reject
              }
            """);
    // fails closed: nothing deletes the table but the next load of the file, which replaces it at once
    assertThat(files.text("roles/homelab_nfs_client/templates/homelab-nfs-guard.service.j2"))
        .contains("Before=network-pre.target shutdown.target k3s.service k3s-agent.service\n")
        .contains("ExecStart=/usr/sbin/nft -f /etc/nftables.d/homelab-nfs-guard.nft\n")
        .contains("ExecReload=/usr/sbin/nft -f /etc/nftables.d/homelab-nfs-guard.nft\n")
        .contains("PartOf=nftables.service\nReloadPropagatedFrom=nftables.service\n")
        .doesNotContain("\nExecStop=");
    assertThat(files.text("README.md")).contains(
        "packets from the pod network (`10.42.0.0/16`) to port 2049 anywhere outside it are rejected");
  }

  @Test
  void should_take_the_labs_pod_network_for_the_nfs_guard_and_add_no_guard_without_an_export() {
    Lab lab = homelab("nfs").lan("10.0.0.0/24")
        .nodes(node("store").controlPlane()
            .disks(mediaDisk("media", "/dev/disk/by-id/usb-media").exportOverNfs()))
        .cluster(k3s("v1.33.4+k3s1").clusterCidr("10.52.0.0/16"));

    assertThat(yaml(render(lab), "vars/nfs_client.yml")).containsEntry("homelab_nfs_guard_pod_cidr", "10.52.0.0/16");
    assertThat(render(TestLabs.singleServer()).files().keySet()).doesNotContain("vars/nfs_client.yml");
  }

  @Test
  void should_fall_back_to_the_lan_for_a_node_without_an_ip_and_keep_vpn_peers_off_nfs() {
    Lab lab = homelab("nfs").lan("10.0.0.0/24").domain("example.com")
        .nodes(node("store").controlPlane().ip("10.0.0.2")
                .disks(mediaDisk("media", "/dev/disk/by-id/usb-media").exportOverNfs().exportOptions("ro,no_subtree_check")),
            node("dhcp").worker(),
            node("gw").worker().ip("10.0.0.4"))
        .cluster(k3s("v1.33.4+k3s1"))
        .vpn(wireguard("10.8.0.0/24").gateway(node("gw")));
    RenderedFiles files = render(lab);
    @SuppressWarnings("unchecked")
    Map<String, Object> export = ((List<Map<String, Object>>) map(yaml(files, "vars/nfs_server.yml"),
        "homelab_nfs_exports_by_host").get("store")).get(0);
    assertThat(export).containsEntry("clients", List.of("10.0.0.2", "10.0.0.0/24", "10.0.0.4"))
        .containsEntry("options", "ro,no_subtree_check,mp");
    assertThat(yaml(files, "vars/vpn.yml").get("homelab_wireguard_postup")).asList().contains(
        "iptables -I FORWARD -i wg0 -d 10.0.0.2 -p tcp --dport 2049 -j REJECT",
        "iptables -I FORWARD -i wg0 -d 10.0.0.2 -p udp --dport 2049 -j REJECT");
    assertThat(yaml(files, "vars/vpn.yml").get("homelab_wireguard_postdown")).asList().contains(
        "iptables -D FORWARD -i wg0 -d 10.0.0.2 -p tcp --dport 2049 -j REJECT");
  }

  @Test
  void should_format_only_disks_named_by_id_or_kernel_name_and_mount_every_disk_by_label_or_uuid() {
    Lab lab = homelab("disks").lan("10.0.0.0/24")
        .nodes(node("solo").controlPlane().ip("10.0.0.2").disks(
            btrfsRaid1("data", "/dev/disk/by-id/usb-ssd-a", "/dev/sdb"),
            btrfsRaid1("labelled", "/dev/disk/by-label/pool", "/dev/disk/by-label/pool"),
            backupDisk("restic", "/dev/disk/by-label/restic"),
            backupDisk("offline", "/dev/disk/by-uuid/0a1b-2c3d"),
            backupDisk("fresh", "/dev/sdc"),
            mediaDisk("media", "/dev/disk/by-id/usb-media")))
        .cluster(k3s("v1.33.4+k3s1"));
    RenderedFiles files = render(lab);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> disks = (List<Map<String, Object>>) map(yaml(files, "vars/disks.yml"),
        "homelab_disks_by_host").get("solo");
    assertThat(disks).extracting(d -> d.get("name"), d -> d.get("format_if_blank"), d -> d.get("mount_source"))
        .containsExactly(
            Tuple.tuple("data", true, "LABEL=data"),
            Tuple.tuple("labelled", false, "LABEL=pool"),
            Tuple.tuple("restic", false, "LABEL=restic"),
            Tuple.tuple("offline", false, "UUID=0a1b-2c3d"),
            Tuple.tuple("fresh", true, "LABEL=fresh"),
            Tuple.tuple("media", false, "LABEL=media"));
    assertThat(files.text("vars/disks.yml")).contains("# format_if_blank: the play creates the filesystem");
    assertThat(files.text("README.md")).contains("### Disks", "`/dev/disk/by-label/...` or `by-uuid` cannot point at a blank\n  disk, so it is never formatted");
    assertThat(tasks(files, "homelab_disks")).anySatisfy(t ->
        assertThat(map(t, "ansible.posix.mount")).containsEntry("src", "{{ item.mount_source }}"));
  }

  @Test
  void should_order_the_nfs_server_after_every_exported_mount_without_requiring_any() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(tasks(files, "homelab_nfs_server")).anySatisfy(t -> assertThat(map(t, "ansible.builtin.template"))
        .containsEntry("dest", "/etc/systemd/system/nfs-server.service.d/homelab-mounts.conf"));
    String dropIn = files.text("roles/homelab_nfs_server/templates/nfs-server-mounts.conf.j2");
    assertThat(dropIn).contains("[Unit]\nAfter={{ homelab_nfs_exports_here | map(attribute='mount_unit') | join(' ') }}\n");
    // A missing media disk must not stop the data exports: "mp" guards each export on its own.
    assertThat(dropIn.lines().filter(l -> !l.startsWith("#")))
        .noneMatch(l -> l.startsWith("Requires") || l.startsWith("BindsTo") || l.startsWith("Requisite"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> exports = (List<Map<String, Object>>) map(yaml(files, "vars/nfs_server.yml"),
        "homelab_nfs_exports_by_host").get("pi4");
    assertThat(exports).extracting(e -> e.get("mount_unit")).containsExactly("srv-data.mount", "srv-media.mount");
    assertThat(exports).allSatisfy(e -> assertThat((String) e.get("options")).endsWith(",mp"));
  }

  @Test
  void should_name_mount_units_as_systemd_escape_does() {
    assertThat(SystemdUnits.mountUnit("/srv/data")).isEqualTo("srv-data.mount");
    assertThat(SystemdUnits.mountUnit("/srv/my-data/")).isEqualTo("srv-my\\x2ddata.mount");
    // Expected values from systemd-escape --path --suffix=mount (systemd 252).
    assertThat(SystemdUnits.mountUnit("//mnt/.hidden dir")).isEqualTo("mnt-.hidden\\x20dir.mount");
    assertThat(SystemdUnits.mountUnit("/.x/y")).isEqualTo("\\x2ex-y.mount");
    assertThat(SystemdUnits.mountUnit("/")).isEqualTo("-.mount");
  }

  @Test
  void should_start_restic_only_on_mounted_disks_and_document_degraded_btrfs() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(files.text("roles/homelab_restic/templates/restic.service.j2"))
        .contains("RequiresMountsFor={{ item.unit_requires_mounts_for }}\n");
    assertThat(yaml(files, "vars/restic.yml").toString()).contains("unit_requires_mounts_for=/mnt/restic /srv/data /etc/rancher");
    assertThat(map(yaml(files, "vars/disks.yml"), "homelab_disks_by_host").get("pi4").toString())
        .contains("mount_source=LABEL=data").doesNotContain("degraded");
    assertThat(files.text("README.md")).contains("mount -o degraded LABEL=<label> <mount point>");
  }

  @Test
  void should_run_every_btrbk_of_the_roles_under_one_lock() {
    // Two btrbk runs at once (restic's snapshot and the hourly run, both timers persistent) pick
    // the same snapshot name and the slower one fails.
    RenderedFiles files = render(TestLabs.reference());
    List<String> lines = files.files().entrySet().stream()
        .filter(e -> e.getKey().startsWith("roles/"))
        .flatMap(e -> new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8).lines())
        .filter(l -> l.contains("/usr/bin/btrbk "))
        .toList();

    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("=/usr/bin/flock /run/lock/homelab-btrbk.lock /usr/bin/btrbk "));
  }

  @Test
  void should_mask_debians_own_btrbk_timer_which_runs_btrbk_without_the_lock() {
    List<Map<String, Object>> tasks = tasks(render(TestLabs.reference()), "homelab_btrbk");
    List<Map<String, Object>> packaged = tasks.stream()
        .filter(t -> t.get("ansible.builtin.systemd") instanceof Map<?, ?> m && "btrbk.timer".equals(m.get("name")))
        .map(t -> AnsibleBackendTest.map(t, "ansible.builtin.systemd"))
        .toList();

    assertThat(packaged).hasSize(2);
    assertThat(packaged.get(0)).containsEntry("enabled", false);
    assertThat(packaged.get(1)).containsEntry("masked", true);
    assertThat(AnsibleBackendTest.map(tasks.get(0), "ansible.builtin.apt")).containsEntry("name", "btrbk");
  }

  @Test
  void should_keep_the_k3s_config_with_the_token_from_other_users_on_the_servers_whenever_k3s_starts() {
    RenderedFiles files = render(TestLabs.reference());
    Map<String, Object> task = tasks(files, "homelab_base").stream()
        .filter(t -> t.get("ansible.builtin.copy") instanceof Map<?, ?> m && String.valueOf(m.get("dest")).endsWith("homelab-config-mode.conf"))
        .findFirst().orElseThrow();
    Map<String, Object> dropIn = AnsibleBackendTest.map(task, "ansible.builtin.copy");

    // servers only: an agent's config.yaml holds no secret (its token is in k3s-agent.service.env, 0600)
    assertThat(task).containsEntry("when", "'server' in group_names");
    assertThat(dropIn).containsEntry("dest", "/etc/systemd/system/k3s.service.d/homelab-config-mode.conf");
    // 0640 with the SSH user's group, not 0600: every k3s command (kubectl, completion) reads the file first;
    // $$ is systemd's literal $; no group found (id fails), no chgrp and no chmod: `chgrp ""` would succeed
    assertThat(dropIn.get("content").toString()).contains("[Service]\nExecStartPre=-/bin/sh -c 'g=\"$$(id -gn {{ homelab_base_ssh_user }})\" && chgrp \"$$g\""
        + " /etc/rancher/k3s/config.yaml && chmod 0640 /etc/rancher/k3s/config.yaml'\n");
    assertThat(files.text("roles/homelab_base/defaults/main.yml"))
        .contains("homelab_base_ssh_user: \"{{ ansible_user | default('root') }}\"");
    assertThat(files.text("inventory.yml")).contains("\n    server:\n").contains("ansible_user: admin\n");
  }

  @Test
  void should_make_k3s_config_group_readable_only_when_the_ssh_users_group_exists(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String content = tasks(render(TestLabs.reference()), "homelab_base").stream()
        .filter(t -> t.get("ansible.builtin.copy") instanceof Map<?, ?> m && String.valueOf(m.get("dest")).endsWith("homelab-config-mode.conf"))
        .map(t -> AnsibleBackendTest.map(t, "ansible.builtin.copy").get("content").toString())
        .findFirst().orElseThrow();
    String execStartPre = content.lines().filter(l -> l.startsWith("ExecStartPre=-")).findFirst().orElseThrow()
        .substring("ExecStartPre=-".length());
    java.nio.file.Path config = java.nio.file.Files.createFile(dir.resolve("config.yaml"));

    // the test's own user: a file's owner may give it to their own group without root
    String me = System.getProperty("user.name");
    for (String user : List.of("no-such-user-here", me)) {
      java.nio.file.Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      // as systemd runs it: $$ is a literal $, the user is the inventory's
      String command = execStartPre.replace("$$", "$").replace("{{ homelab_base_ssh_user }}", user)
          .replace("/etc/rancher/k3s/config.yaml", config.toString());
      Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor();
      String mode = java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(config));
      assertThat(mode).as(user).isEqualTo(user.equals(me) ? "rw-r-----" : "rw-r--r--");
    }
  }

  @Test
  void should_back_up_a_snapshotted_btrfs_volume_from_its_newest_btrbk_snapshot_at_the_usual_path() {
    RenderedFiles files = render(TestLabs.reference());
    @SuppressWarnings("unchecked")
    Map<String, Object> backup = ((List<Map<String, Object>>) map(yaml(files, "vars/restic.yml"),
        "homelab_restic_backups_by_host").get("pi4")).get(0);
    assertThat(backup).containsEntry("host", "pi4")
        .containsEntry("paths", List.of("/srv/data", "/etc/rancher"))
        .containsEntry("frozen_volumes", List.of(Map.of("path", "/srv/data", "snapshot_prefix", "/srv/data/.snapshots/data")));
    assertThat(map(yaml(files, "vars/btrfs_snapshots.yml"), "homelab_btrbk_by_host", "pi4").get("volumes").toString())
        .contains("snapshot_name=data");
    assertThat(files.text("roles/homelab_btrbk/templates/btrbk.conf.j2")).contains("    snapshot_name       {{ volume.snapshot_name }}");
    assertThat(files.text("roles/homelab_restic/templates/restic.service.j2"))
        .contains("PrivateMounts=yes\n").contains("ExecStartPre=/usr/bin/flock /run/lock/homelab-btrbk.lock /usr/bin/btrbk -q snapshot\n")
        .contains("ExecStart=/usr/bin/flock /run/lock/restic-{{ item.name }}.lock /usr/local/sbin/homelab-restic-{{ item.name }}\n")
        .contains("restic forget --host {{ item.host | quote }} --prune");
    assertThat(files.text("roles/homelab_restic/templates/restic-backup.j2"))
        .contains("latest=\"$(ls -1d -- {{ volume.snapshot_prefix | quote }}.* | LC_ALL=C sort | tail -n 1)\"\n"
            + "mount --bind \"$latest\" {{ volume.path | quote }}\n")
        .contains("exec /usr/bin/restic backup --host {{ item.host | quote }}");
  }

  @Test
  void should_back_up_live_when_no_backed_up_path_touches_a_snapshotted_volume() {
    Lab lab = homelab("live").lan("10.0.0.0/24")
        .nodes(node("solo").controlPlane().ip("10.0.0.2").disks(
            btrfsRaid1("data", "/dev/sda", "/dev/sdb").snapshots(keep().daily(7)),
            backupDisk("backup", "/dev/sdc")))
        .cluster(k3s("v1.33.4+k3s1"))
        .resticBackups(restic("etc", node("solo"), "backup").paths("/etc"), restic("all", node("solo"), "backup").paths("/srv"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> backups = (List<Map<String, Object>>) map(yaml(render(lab), "vars/restic.yml"),
        "homelab_restic_backups_by_host").get("solo");
    assertThat(backups.get(0)).containsEntry("frozen_volumes", List.of());
    assertThat(backups.get(1)).containsEntry("frozen_volumes",
        List.of(Map.of("path", "/srv/data", "snapshot_prefix", "/srv/data/.snapshots/data")));
  }

  @Test
  void should_pipe_host_pg_dumps_into_a_restic_repository_on_s3_pruned_by_the_targets_retention() {
    Lab lab = homelab("pg").lan("10.0.0.0/24")
        .nodes(node("db").controlPlane().ip("10.0.0.2").postgres(hostPostgres("15").databases("app", "wiki")
            .backup(s3("b2", "https://s3.eu-central-003.backblazeb2.com/", "lab-backups"))))
        .cluster(k3s("v1.33.4+k3s1"))
        .backups(s3("b2", "https://s3.eu-central-003.backblazeb2.com/", "lab-backups").region("eu-central-003")
            .retention(keep().daily(14).monthly(3)));
    RenderedFiles files = render(lab);
    assertThat(map(yaml(files, "vars/postgres.yml"), "homelab_postgres_by_host", "db", "dump"))
        .containsEntry("repository", "s3:https://s3.eu-central-003.backblazeb2.com/lab-backups/postgres/db")
        .containsEntry("host", "db")
        .containsEntry("forget", List.of("--keep-daily 14", "--keep-monthly 3"))
        .containsEntry("restic_password", "{{ vault_restic_b2_password }}");
    String script = files.text("roles/homelab_postgres/templates/homelab-pg-dump-s3.j2");
    assertThat(script).contains("pg_dump -Fc {{ database.name | quote }} \\\n    | restic backup --json --host")
        .contains("--stdin --stdin-filename {{ (database.name ~ '.dump') | quote }}")
        .contains("restic forget --host {{ homelab_postgres.dump.host | quote }} --tag homelab-pg-dump --prune")
        .doesNotContain("aws s3 cp").doesNotContain("lifecycle rule (Terraform) expires old dumps");
    assertThat(files.text("roles/homelab_postgres/templates/pg-dump-s3.env.j2"))
        .contains("RESTIC_REPOSITORY={{ homelab_postgres.dump.repository | systemd_env_value }}\n")
        .contains("AWS_REQUEST_CHECKSUM_CALCULATION=when_required\nAWS_RESPONSE_CHECKSUM_VALIDATION=when_required\n");
    assertThat(files.text("VAULT.md")).contains("| `vault_restic_b2_password` |");
  }
}
