package dev.homelab.ansible;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.internal.RenderScope;
import dev.homelab.model.Lab;
import dev.homelab.fixtures.Golden;
import dev.homelab.validation.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AnsibleBackendTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern VAULT_REF = Pattern.compile("\\{\\{ (vault_[a-z0-9_]+) }}");

  static RenderedFiles render(Lab lab) {
    return new AnsibleBackend().render(lab.validate());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(RenderedFiles files, String path) {
    try {
      return YAML.readValue(files.text(path), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String... path) {
    Object at = value;
    for (String key : path) {
      at = ((Map<String, Object>) at).get(key);
    }
    return (Map<String, Object>) at;
  }

  static Map<String, Object> k3sGroup(RenderedFiles files, String group) {
    return map(yaml(files, "inventory.yml"), "k3s_cluster", "children", group);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> serverConfig(RenderedFiles files) {
    try {
      return YAML.readValue((String) map(k3sGroup(files, "server"), "vars").get("server_config_yaml"), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // The reference lab's golden files live once, in the examples module (ReferenceHomelabTest); this
  // module keeps the goldens of its own small labs.

  // chroot-test/ is the same for every lab (RoleFiles.chrootTest()): kept once, in the examples goldens,
  // and checked below against the shipped resources instead of in every golden folder.

  @Test
  void should_match_golden_files_for_a_single_server() {
    Golden.assertMatches("single-server", withoutChrootTest(render(TestLabs.singleServer())));
  }

  @Test
  void should_match_golden_files_for_five_servers_and_agents_of_both_arches() {
    Golden.assertMatches("five-servers", withoutChrootTest(render(TestLabs.fiveServers())));
  }

  @Test
  void should_ship_the_chroot_test_as_it_is_for_every_lab() {
    for (Lab lab : List.of(TestLabs.singleServer(), TestLabs.fiveServers())) {
      RenderedFiles files = render(lab);
      RoleFiles.chrootTest().forEach((path, bytes) -> assertThat(files.files().get(path)).as(path).isEqualTo(bytes));
    }
  }

  private static RenderedFiles withoutChrootTest(RenderedFiles files) {
    RenderedFiles.Builder kept = RenderedFiles.builder();
    files.files().forEach((path, bytes) -> {
      if (!path.startsWith("chroot-test/")) {
        kept.add(path, bytes);
      }
    });
    return kept.build();
  }

  @Test
  void should_list_three_ha_servers_first_declared_first() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(map(k3sGroup(files, "server"), "hosts").keySet()).containsExactly("pi1", "pi2", "pi3");
    assertThat(map(k3sGroup(files, "agent"), "hosts").keySet()).containsExactly("pi4", "nuc");
    assertThat(map(yaml(files, "inventory.yml"), "k3s_cluster", "vars"))
        .containsEntry("api_endpoint", "192.168.1.11")
        .containsEntry("k3s_version", "v1.33.4+k3s1")
        .containsEntry("token", "{{ vault_k3s_token_token }}");
  }

  @Test
  void should_join_agents_with_their_own_token_so_the_server_token_stays_on_the_servers() {
    Lab lab = TestLabs.reference();
    lab = lab.cluster(lab.cluster().orElseThrow().agentToken(secret("k3s-agent-token", "token")));
    RenderedFiles files = render(lab);

    // k3s-ansible's k3s_agent role writes K3S_TOKEN={{ token }}: the agent group's value wins over k3s_cluster's
    assertThat(map(k3sGroup(files, "agent"), "vars")).containsExactly(Map.entry("token", "{{ vault_k3s_agent_token_token }}"));
    assertThat(map(yaml(files, "inventory.yml"), "k3s_cluster", "vars")).containsEntry("token", "{{ vault_k3s_token_token }}");
    assertThat((String) map(k3sGroup(files, "server"), "vars").get("server_config_yaml"))
        .contains("agent-token: \"{{ vault_k3s_agent_token_token }}\"\n");
    assertThat(files.text("VAULT.md")).contains("| `vault_k3s_agent_token_token` | k3s agent join token (agents join with it; "
        + "the server token stays on the servers) | `k3s-agent-token/token` | server_config_yaml (agent-token), inventory.yml (agent: token) |");
  }

  @Test
  void should_mention_the_firewall_bouncers_in_the_order_only_when_the_nodes_get_them() {
    String with = render(TestLabs.reference()).text("README.md");
    String without = render(TestLabs.singleServer()).text("README.md");

    assertThat(with).contains("kubelet mounts them with, and prepares the firewall bouncers.\n")
        .contains("5. Once the cluster runs CrowdSec (the Kubernetes manifests), start the bouncers:\n"
            + "   `ansible-playbook -i inventory.yml site.yml --tags crowdsec_firewall_bouncer --ask-vault-pass`.\n\n"
            + "Every play of `site.yml`");
    assertThat(without).contains("kubelet mounts them with.\n").doesNotContain("start the bouncers").doesNotContain("firewall bouncers")
        .contains("(later runs with `--forks 1`, see below).\n\nEvery play of `site.yml`");
  }

  @Test
  void should_join_agents_with_the_server_token_without_an_agent_token() {
    RenderedFiles files = render(TestLabs.reference());

    assertThat(k3sGroup(files, "agent")).doesNotContainKey("vars");
    assertThat((String) map(k3sGroup(files, "server"), "vars").get("server_config_yaml")).doesNotContain("agent-token");
  }

  @Test
  void should_keep_declaration_order_of_five_servers_so_the_first_declared_initialises_etcd() {
    RenderedFiles files = render(TestLabs.fiveServers());
    // Not sorted: k3s-ansible adds cluster-init to groups['server'][0].
    assertThat(map(k3sGroup(files, "server"), "hosts").keySet()).containsExactly("cp-e", "cp-a", "cp-d", "cp-b", "cp-c");
    assertThat(files.text("README.md")).contains("the first one, `cp-e`, initialises etcd");
  }

  @Test
  void should_render_the_cluster_wide_flags_once_for_every_server() {
    RenderedFiles files = render(TestLabs.reference());
    Map<String, Object> config = serverConfig(files);
    assertThat(config).containsEntry("secrets-encryption", true)
        .containsEntry("secrets-encryption-provider", "aescbc")
        .containsEntry("disable", List.of("servicelb", "traefik"))
        .containsEntry("tls-san", List.of("192.168.1.11", "k3s.example.com"))
        .containsEntry("cluster-cidr", "10.42.0.0/16")
        .containsEntry("service-cidr", "10.43.0.0/16")
        .containsEntry("etcd-snapshot-schedule-cron", "0 */6 * * *")
        .containsEntry("etcd-snapshot-retention", 20)
        .containsEntry("etcd-s3", true)
        .containsEntry("etcd-s3-endpoint", "s3.example.net")
        .containsEntry("etcd-s3-bucket", "example-homelab-backups")
        .containsEntry("etcd-s3-folder", "etcd")
        .containsEntry("etcd-s3-region", "eu-central-003")
        // the snapshots' own key (S3Target.keyPerConsumer): config.yaml is world-readable on the servers
        .containsEntry("etcd-s3-access-key", "{{ vault_s3_offsite_etcd_access_key_id }}")
        .containsEntry("etcd-s3-secret-key", "{{ vault_s3_offsite_etcd_secret_access_key }}")
        .doesNotContainKeys("cluster-init", "token", "server");
    assertThat(files.text("inventory.yml").split("server_config_yaml", -1)).hasSize(2);
    assertThat(files.text("inventory.yml")).doesNotContain("node-label:\n    - homelab.dev/storage=true\n  secrets");
  }

  @Test
  void should_expose_etcds_metrics_on_the_servers_only_when_the_monitoring_stack_scrapes_them() {
    Map<String, Object> monitored = serverConfig(render(TestLabs.reference().monitoring(monitoring())));
    Map<String, Object> unmonitored = serverConfig(render(TestLabs.reference()));

    assertThat(monitored).containsEntry("etcd-expose-metrics", true);
    assertThat(unmonitored).doesNotContainKey("etcd-expose-metrics");
  }

  @Test
  void should_not_expose_etcds_metrics_when_a_server_has_no_address_to_scrape() {
    Lab lab = dev.homelab.fixtures.TestLabs.haServerWithoutAddress();

    assertThat(serverConfig(render(lab))).doesNotContainKey("etcd-expose-metrics");
  }

  @Test
  void should_render_secretbox_and_custom_cidrs_without_s3_when_snapshots_stay_local() {
    Map<String, Object> config = serverConfig(render(TestLabs.fiveServers()));
    assertThat(config).containsEntry("secrets-encryption-provider", "secretbox")
        .containsEntry("cluster-cidr", "10.52.0.0/16")
        .containsEntry("service-cidr", "10.53.0.0/16")
        .containsEntry("etcd-snapshot-schedule-cron", "0 */12 * * *")
        .containsEntry("etcd-snapshot-retention", 5)
        // no monitoring stack to scrape it
        .doesNotContainKeys("etcd-s3", "disable", "etcd-expose-metrics");
  }

  @Test
  void should_render_a_single_server_without_etcd_settings_and_with_an_empty_agent_group() {
    RenderedFiles files = render(TestLabs.singleServer());
    assertThat(map(k3sGroup(files, "server"), "hosts")).containsOnlyKeys("solo");
    assertThat(map(k3sGroup(files, "agent"), "hosts")).isEmpty();
    assertThat(serverConfig(files)).doesNotContainKeys("etcd-snapshot-schedule-cron", "etcd-s3", "etcd-expose-metrics")
        .containsEntry("tls-san", List.of("10.0.0.2"));
    assertThat(map(yaml(files, "inventory.yml"), "k3s_cluster", "vars")).containsEntry("ansible_user", "pi")
        .containsEntry("api_endpoint", "10.0.0.2");
    assertThat(map(k3sGroup(files, "server"), "hosts", "solo"))
        .containsEntry("extra_server_args", "--node-name=solo --node-ip=10.0.0.2 --node-label=homelab.dev/role=all-in-one");
    assertThat(files.files().keySet()).contains("site.yml", "requirements.yml", "vars/base.yml")
        .noneMatch(p -> p.startsWith("roles/homelab_restic") || p.equals("vars/vpn.yml"));
    assertThat(files.text("requirements.yml")).doesNotContain("roles:");
  }

  @Test
  void should_put_agents_of_both_arches_in_the_agent_group_with_their_labels_and_taints_as_host_vars() {
    RenderedFiles files = render(TestLabs.fiveServers());
    Map<String, Object> agents = map(k3sGroup(files, "agent"), "hosts");
    assertThat(agents.keySet()).containsExactly("arm-worker", "amd-worker");
    assertThat(map(agents, "arm-worker"))
        .containsEntry("agent_config_yaml", "node-name: arm-worker\nnode-ip: 192.168.20.21\nnode-label:\n  - homelab.dev/os-flavour=raspios\n");
    assertThat(map(agents, "amd-worker")).containsEntry("ansible_user", "ops").containsEntry("agent_config_yaml", "node-name: amd-worker\nnode-ip: 192.168.20.22\n");
    assertThat(map(k3sGroup(files, "server"), "hosts", "cp-e"))
        .containsEntry("extra_server_args", "--node-name=cp-e --node-ip=192.168.20.15 --node-taint=node-role.kubernetes.io/control-plane=true:NoSchedule");
  }

  @Test
  void should_group_every_node_for_the_firewall_bouncer_and_the_nfs_client() {
    Map<String, Object> inventory = yaml(render(TestLabs.reference()), "inventory.yml");
    List<String> all = List.of("pi1", "pi2", "pi3", "pi4", "nuc");
    assertThat(map(inventory, "crowdsec_firewall_bouncer", "hosts").keySet()).containsExactlyElementsOf(all);
    assertThat(map(inventory, "nfs_client", "hosts").keySet()).containsExactlyElementsOf(all);
    assertThat(map(inventory, "vpn", "hosts").keySet()).containsExactly("nuc");
    assertThat(map(inventory, "nfs_server", "hosts").keySet()).containsExactly("pi4");
    assertThat(map(inventory, "restic", "hosts").keySet()).containsExactly("pi4");
    assertThat(map(inventory, "postgres", "hosts").keySet()).containsExactly("nuc");
  }

  @Test
  void should_give_host_groups_no_inventory_variables() {
    // k3s-ansible warns about every variable it does not know on a k3s_cluster host.
    Map<String, Object> inventory = yaml(render(TestLabs.reference()), "inventory.yml");
    inventory.forEach((group, body) -> {
      if (!group.equals("k3s_cluster")) {
        assertThat(map(body)).as(group).containsOnlyKeys("hosts");
        map(body, "hosts").values().forEach(vars -> assertThat(map(vars)).as(group).isEmpty());
      }
    });
  }

  @Test
  void should_render_the_firewall_bouncer_with_nftables_forward_hook_and_the_lapi_ip() {
    Map<String, Object> config = map(yaml(render(TestLabs.reference()), "vars/crowdsec_firewall_bouncer.yml"),
        "homelab_crowdsec_bouncer_config");
    assertThat(config).containsEntry("mode", "nftables")
        .containsEntry("api_url", "http://192.168.1.242:8080/")
        .containsEntry("api_key", "{{ vault_crowdsec_bouncer_firewall_key }}")
        .containsEntry("nftables_hooks", List.of("input", "forward"));
  }

  @Test
  void should_render_restic_with_retention_and_without_the_snapshot_directory() {
    Map<String, Object> vars = yaml(render(TestLabs.reference()), "vars/restic.yml");
    @SuppressWarnings("unchecked")
    Map<String, Object> backup = ((List<Map<String, Object>>) map(vars, "homelab_restic_backups_by_host").get("pi4")).get(0);
    assertThat(backup).containsEntry("repository", "/mnt/restic/local")
        .containsEntry("password_file", "/etc/restic/local.password")
        .containsEntry("password", "{{ vault_restic_local_password }}")
        .containsEntry("paths", List.of("/srv/data", "/etc/rancher"))
        .containsEntry("excludes", List.of("/srv/data/.snapshots"))
        .containsEntry("on_calendar", "daily")
        .containsEntry("forget", List.of("--keep-daily 7", "--keep-weekly 4", "--keep-monthly 6"));
  }

  @Test
  void should_test_each_restic_repository_weekly_by_reading_part_of_its_data_back() {
    RenderedFiles files = render(TestLabs.reference());
    Map<String, Object> vars = yaml(files, "vars/restic.yml");
    @SuppressWarnings("unchecked")
    Map<String, Object> backup = ((List<Map<String, Object>>) map(vars, "homelab_restic_backups_by_host").get("pi4")).get(0);

    assertThat(backup).containsEntry("check_on_calendar", "Sun *-*-* 05:30:00")
        .containsEntry("check_read_data_subset", "10%")
        .containsEntry("check_unit_requires_mounts_for", "/mnt/restic");
    assertThat(files.text("roles/homelab_restic/templates/restic-check.service.j2"))
        .contains("ExecStart=/usr/bin/flock /run/lock/restic-{{ item.name }}.lock /usr/bin/restic check --read-data-subset={{ item.check_read_data_subset | replace('%', '%%') }}\n")
        .contains("EnvironmentFile=/etc/restic/{{ item.name }}.env\n");
    assertThat(files.text("roles/homelab_restic/tasks/main.yml"))
        .contains("dest: \"/etc/systemd/system/restic-check-{{ item.name }}.timer\"")
        .contains("name: \"restic-check-{{ item.name }}.timer\"");
    assertThat(files.text("README.md")).contains("`restic restore latest --host <node> --target /tmp/restore`");
  }

  @Test
  void should_say_how_to_restore_the_etcd_snapshots_on_the_first_server_and_rejoin_the_others() {
    String readme = render(TestLabs.reference()).text("README.md");

    assertThat(readme).contains("`k3s server --cluster-reset --cluster-reset-restore-path=<snapshot name>`",
        "`rm -rf /var/lib/rancher/k3s/server/db/`");
    // with etcd-s3 in config.yaml the restore path is fetched from S3; a local file needs --etcd-s3=false
    assertThat(readme).contains("`k3s server --cluster-reset --etcd-s3=false --cluster-reset-restore-path=/var/lib/rancher/k3s/server/db/snapshots/<name>`");
    // etcd-snapshot ls asks the running server: the snapshot is picked before k3s stops
    assertThat(readme.indexOf("pick the snapshot first: `k3s etcd-snapshot ls` asks the running server"))
        .isPositive().isLessThan(readme.indexOf("Stop k3s on every server (`systemctl stop k3s`)"));
  }

  @Test
  void should_render_the_wireguard_gateway_with_the_roles_variables() {
    Map<String, Object> vars = yaml(render(TestLabs.reference()), "vars/vpn.yml");
    assertThat(vars).containsEntry("homelab_wireguard_addresses", List.of("10.8.0.1/24"))
        .containsEntry("homelab_wireguard_port", "51820")
        .containsEntry("homelab_wireguard_endpoint", "vpn.example.com");
    assertThat(map(vars, "homelab_wireguard_peers", "laptop")).containsEntry("allowed_ips", "10.8.0.2/32");
  }

  @Test
  void should_reference_every_secret_through_the_vault_and_list_each_in_the_checklist() {
    RenderedFiles files = render(TestLabs.reference());
    TreeSet<String> referenced = new TreeSet<>();
    files.files().forEach((path, bytes) -> {
      if (!path.endsWith(".md")) {
        Matcher m = VAULT_REF.matcher(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        while (m.find()) {
          referenced.add(m.group(1));
        }
      }
    });
    assertThat(referenced).containsExactly(
        "vault_crowdsec_bouncer_firewall_key", "vault_k3s_token_token", "vault_postgres_nuc_homeassistant_password",
        "vault_restic_local_password", "vault_restic_offsite_password", "vault_s3_offsite_etcd_access_key_id",
        "vault_s3_offsite_etcd_secret_access_key", "vault_s3_offsite_postgres_nuc_access_key_id",
        "vault_s3_offsite_postgres_nuc_secret_access_key");
    assertThat(files.text("VAULT.md")).contains("access key id of S3 target offsite, a key of its own limited to "
        + "bucket example-homelab-backups and name prefix `postgres/nuc/` (Backblaze B2: `b2 key create --bucket "
        + "example-homelab-backups --name-prefix postgres/nuc/ <name> listBuckets,listFiles,readFiles,writeFiles,deleteFiles`)");
    // k3s lists its snapshots with the folder itself as the prefix, and checks the bucket first (listBuckets)
    assertThat(files.text("VAULT.md")).contains("access key id of S3 target offsite, a key of its own limited to "
        + "bucket example-homelab-backups and name prefix `etcd` (Backblaze B2: `b2 key create --bucket "
        + "example-homelab-backups --name-prefix etcd <name> listBuckets,listFiles,readFiles,writeFiles,deleteFiles`)");
    String checklist = files.text("VAULT.md");
    referenced.forEach(v -> assertThat(checklist).contains("| `" + v + "` |").contains(v + ": \"\""));
  }

  @Test
  void should_hold_no_secret_value_anywhere() {
    for (Lab lab : List.of(TestLabs.reference(), TestLabs.singleServer(), TestLabs.fiveServers())) {
      RenderedFiles files = render(lab);
      List<String> secretKeys = new ArrayList<>();
      files.files().forEach((path, bytes) -> {
        if (path.endsWith(".md")) {
          return;
        }
        for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          // Every variable that names a secret holds a vault reference (or, in a role, the Jinja
          // that reads a loop item's field, which the vars files hold as a vault reference).
          if (line.matches("\\s*(- )?[a-z_-]*(password|token|secret-key|secret_access_key|access-key|access_key_id|api_key):\\s.*")
              && !VAULT_REF.matcher(line).find()
              && !(path.startsWith("roles/") && line.matches("\\s*[a-z_]+: \"\\{\\{ item\\.[a-z_]+ }}\"\\s*"))) {
            secretKeys.add(path + ": " + line.strip());
          }
        }
      });
      assertThat(secretKeys).as(lab.name()).isEmpty();
      // The checklist's vault skeleton has empty values only.
      assertThat(files.text("VAULT.md").lines().filter(l -> l.startsWith("vault_")))
          .allMatch(l -> l.endsWith(": \"\""));
    }
  }

  @Test
  void should_render_the_same_bytes_twice() {
    Golden.assertDeterministic(() -> render(TestLabs.reference()));
  }

  @Test
  void should_show_the_inventory_graph_in_the_readme() {
    assertThat(render(TestLabs.singleServer()).text("README.md")).contains("""
        @all:
          |--@ungrouped:
          |--@k3s_cluster:
          |  |--@server:
          |  |  |--solo
          |  |--@agent:
        ```""");
  }

  @Test
  void should_leave_the_models_own_problems_to_the_standard_validation() {
    Lab lab = TestLabs.singleServer()
        .vpn(wireguard("10.8.0.0/24"))
        .security(crowdsec())
        .resticBackups(restic("nightly", node("ghost"), "backup").paths("/etc"));
    assertThat(new AnsibleBackend().check(lab)).isEmpty();
  }

  @Test
  void should_refuse_to_render_without_what_the_host_files_are_built_on_with_the_models_lines() {
    Lab lab = TestLabs.singleServer()
        .vpn(wireguard("10.8.0.0/24"))
        .security(crowdsec())
        .resticBackups(restic("nightly", node("ghost"), "backup").paths("/etc"));
    assertThatThrownBy(() -> new AnsibleBackend().render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("""
            4 problems in the homelab model:
            homelab/security: the firewall bouncers on the hosts cannot reach the LAPI without a LAN IP. Call crowdsec().lapiIp("192.168.1.242") or .withoutFirewallBouncers()
            homelab/vpn: no gateway node is set. Call .gateway(node) with the node that runs WireGuard, e.g. solo
            homelab/vpn: peers have nothing to dial: no .endpoint(...) and no domain for vpn.<domain>. Call .endpoint("vpn.example.com") or homelab.domain("example.com")
            homelab/resticBackups/nightly: node ghost is not defined. Use one of the nodes: solo""");
  }

  @Test
  void should_reject_a_restic_backup_to_a_disk_that_is_not_a_backup_disk() {
    Lab lab = homelab("disks").lan("10.0.0.0/24")
        .nodes(node("solo").controlPlane().ip("10.0.0.2").disks(btrfsRaid1("data", "/dev/sda", "/dev/sdb")))
        .cluster(k3s("v1.33.4+k3s1"))
        .resticBackups(restic("nightly", node("solo"), "data"));
    assertThatThrownBy(() -> new AnsibleBackend().render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("""
            2 problems in the homelab model:
            homelab/resticBackups/nightly: backs up no paths. Call .paths("/srv/data")
            homelab/resticBackups/nightly: disk data of node solo is a data disk, not a backup disk. Back up to a backupDisk(...) of solo""");
  }

  @Test
  void should_pin_each_nodes_ip_so_k3s_never_registers_the_api_vip_keepalived_adds_beside_it() {
    String vip = "192.168.1.10";
    Lab lab = TestLabs.reference().cluster(TestLabs.reference().cluster().orElseThrow().apiVip(vip));
    Map<String, Object> servers = map(k3sGroup(render(lab), "server"), "hosts");

    for (var server : lab.servers()) {
      assertThat((String) map(servers, server.name()).get("extra_server_args")).as(server.name())
          .contains(" --node-ip=" + server.ip().orElseThrow()).doesNotContain(vip);
    }
    assertThat(render(TestLabs.reference().nodes(node("dns-named").arm64())).text("inventory.yml"))
        .contains("node-name: dns-named\n").doesNotContain("node-ip: dns-named");
  }

  @Test
  void should_give_k3s_every_nodes_model_name_because_raspberry_pi_images_all_boot_as_raspberrypi() {
    Lab lab = TestLabs.reference();
    RenderedFiles files = render(lab);
    Map<String, Object> servers = map(k3sGroup(files, "server"), "hosts");
    Map<String, Object> agents = map(k3sGroup(files, "agent"), "hosts");
    for (var node : lab.nodes()) {
      if (node.isControlPlane()) {
        assertThat((String) map(servers, node.name()).get("extra_server_args")).as(node.name())
            .matches("--node-name=" + node.name() + " --node-ip=" + node.ip().orElseThrow() + "( --node-(label|taint)=\\S+)*");
      } else {
        assertThat((String) map(agents, node.name()).get("agent_config_yaml")).as(node.name())
            .startsWith("node-name: " + node.name() + "\nnode-ip: " + node.ip().orElseThrow() + "\n");
      }
    }
    assertThat(servers.keySet()).hasSize(3);
    assertThat(agents.keySet()).hasSize(2);
  }

  @Test
  void should_reject_a_host_postgres_version_that_debian_12_does_not_package() {
    Lab lab = homelab("pg").lan("10.0.0.0/24")
        .nodes(node("db").controlPlane().ip("10.0.0.2").postgres(hostPostgres("16").databases("app")),
            node("ok").worker().ip("10.0.0.3").postgres(hostPostgres("15").databases("app")))
        .cluster(k3s("v1.33.4+k3s1"));
    assertThat(new AnsibleBackend().check(lab.validate())).extracting(Object::toString).containsExactly(
        "homelab/nodes/db/postgres: PostgreSQL 16 is not packaged for Debian 12 (bookworm), the OS the host"
            + " playbook supports; it ships PostgreSQL 15. Use hostPostgres(\"15\")");
    assertThatThrownBy(() -> new AnsibleBackend().render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessage("""
            1 problem in the homelab model:
            homelab/nodes/db/postgres: PostgreSQL 16 is not packaged for Debian 12 (bookworm), the OS the host \
            playbook supports; it ships PostgreSQL 15. Use hostPostgres("15")""");
  }

  @Test
  void should_reject_a_node_named_like_an_inventory_group() {
    Lab lab = homelab("clash").lan("10.0.0.0/24")
        .nodes(node("server").controlPlane().ip("10.0.0.2"))
        .cluster(k3s("v1.33.4+k3s1"));
    assertThat(new AnsibleBackend().check(lab)).extracting(p -> p.check()).containsExactly(AnsibleChecks.INVENTORY_GROUP)
        .isSubsetOf(new AnsibleBackend().checks());
    assertThatThrownBy(() -> new AnsibleBackend().render(lab))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("1 problem in the homelab model:\n"
            + "homelab/nodes/server: the name is also an Ansible inventory group. Rename the node; these names are taken: all, ungrouped, k3s_cluster, server, agent,");
  }

  @Test
  void should_hand_the_files_its_check_rendered_to_the_render_that_follows() {
    Lab lab = TestLabs.reference().validate();
    AnsibleBackend backend = new AnsibleBackend();

    List<RenderedFiles> inOneRender = RenderScope.of(lab, () -> {
      backend.check(lab);
      return List.of(backend.render(lab), backend.render(lab));
    });

    assertThat(inOneRender.get(1)).isSameAs(inOneRender.get(0));
    assertThat(backend.render(lab)).as("outside a render, afresh").isNotSameAs(inOneRender.get(0));
    assertThat(backend.render(lab).files()).containsOnlyKeys(inOneRender.get(0).files().keySet());
  }
}
