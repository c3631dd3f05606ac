package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API VIP: k3s-ansible's endpoint and a SAN, held by keepalived on the servers, which site.yml sets up before k3s. */
class ApiVipTest {
  private static Lab withVip() {
    Lab lab = TestLabs.cluster(3, 2);
    return lab.cluster(lab.cluster().orElseThrow().apiVip("192.168.10.5"));
  }

  @Test
  void should_make_the_api_vip_the_endpoint_agents_and_joining_servers_use() {
    RenderedFiles files = AnsibleBackendTest.render(withVip());
    assertThat(AnsibleBackendTest.map(AnsibleBackendTest.yaml(files, "inventory.yml"), "k3s_cluster", "vars"))
        .containsEntry("api_endpoint", "192.168.10.5");
    assertThat(files.text("inventory.yml")).contains("tls-san:\n            - 192.168.10.5\n");
  }

  @Test
  void should_keep_the_api_vip_a_san_when_a_dns_name_is_the_endpoint() {
    Lab lab = withVip();
    lab = lab.cluster(lab.cluster().orElseThrow().apiEndpoint("k3s.example.com"));
    RenderedFiles files = AnsibleBackendTest.render(lab);
    assertThat(files.text("inventory.yml")).contains("tls-san:\n            - k3s.example.com\n            - 192.168.10.5\n");
  }

  @Test
  void should_run_keepalived_on_every_server_preferring_them_in_order() {
    RenderedFiles files = AnsibleBackendTest.render(withVip());
    assertThat(AnsibleBackendTest.map(AnsibleBackendTest.yaml(files, "inventory.yml"), "api_vip", "hosts").keySet())
        .containsExactly("server1", "server2", "server3");
    Map<String, Object> vars = AnsibleBackendTest.yaml(files, "vars/api_vip.yml");
    assertThat(vars).containsEntry("homelab_api_vip_address", "192.168.10.5").containsEntry("homelab_api_vip_prefix", "24")
        .containsEntry("homelab_api_vip_router_id", 5).containsEntry("homelab_api_vip_first_server", "server1")
        .containsEntry("homelab_api_vip_join_url", "https://192.168.10.5:6443")
        .containsEntry("homelab_api_vip_priorities", Map.of("server1", 150, "server2", 149, "server3", 148));
    assertThat(files.files()).containsKeys("roles/homelab_api_vip/tasks/main.yml", "roles/homelab_api_vip/templates/keepalived.conf.j2");
    assertThat(files.text("site.yml")).contains("hosts: api_vip");
  }

  @Test
  void should_let_a_healthy_server_always_outrank_an_unhealthy_one() {
    // every gap between server priorities is smaller than what a failing check takes off
    assertThat(ApiVipSystem.CHECK_WEIGHT).isGreaterThan(7 - 1);
    String conf = AnsibleBackendTest.render(withVip()).text("roles/homelab_api_vip/templates/keepalived.conf.j2");
    assertThat(conf).contains("weight -{{ homelab_api_vip_check_weight }}").contains("init_fail").contains("state BACKUP");
  }

  @Test
  void should_make_a_rebuilt_first_server_join_through_the_vip_instead_of_cluster_init() {
    String tasks = AnsibleBackendTest.render(withVip()).text("roles/homelab_api_vip/tasks/main.yml");
    assertThat(tasks).contains("dest: \"{{ homelab_api_vip_k3s_dropins }}/50-homelab-join.yaml\"")
        .contains("cluster-init: false\n      server: {{ homelab_api_vip_join_url }}")
        .contains("- not homelab_api_vip_etcd.stat.exists");
  }

  @Test
  void should_tell_in_the_bring_up_that_the_vip_comes_up_before_k3s() {
    Lab lab = withVip();
    assertThat(new AnsibleBackend().bringUp(lab)).anySatisfy(step -> assertThat(step.body())
        .contains("It also brings up the API VIP `192.168.10.5` on the servers (keepalived), before k3s:\n"));
    assertThat(AnsibleBackendTest.render(lab).text("README.md")).contains("**Rebuilding a server.**");
  }

  @Test
  void should_warn_that_a_rebuild_empties_the_nodes_local_volumes_before_the_next_backup_keeps_that() {
    String readme = AnsibleBackendTest.render(withVip()).text("README.md");
    assertThat(readme).contains("**Its node-local volumes** (k3s `local-path`")
        .contains("`kubectl get pv -o jsonpath='{range .items[?(@.spec.storageClassName==\"local-path\")]}")
        .contains("patch cronjob backup-<target> -p '{\"spec\":{\"suspend\":true}}'`");
    assertThat(readme.indexOf("**Its node-local volumes**")).isGreaterThan(readme.indexOf("**Rebuilding a server.**"));
  }

  @Test
  void should_render_no_keepalived_without_an_api_vip() {
    RenderedFiles files = AnsibleBackendTest.render(TestLabs.cluster(3, 2));
    assertThat(files.files().keySet()).noneMatch(p -> p.contains("api_vip"));
    assertThat(files.text("inventory.yml")).doesNotContain("api_vip");
    assertThat(List.of(files.text("README.md"))).noneMatch(r -> r.contains("keepalived"));
  }
}
