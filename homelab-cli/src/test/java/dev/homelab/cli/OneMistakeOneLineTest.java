package dev.homelab.cli;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.ansible.AnsibleBackend;
import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mistake in the model is reported once, by the model's check, even though several backends
 * need what it breaks: a backend's {@code check} reports only what the model's checks do not.
 */
class OneMistakeOneLineTest {
  private static final String IMAGE = "ghcr.io/example/shop:1.0.0";

  private static List<String> lines(Lab lab) {
    return Renderer.using(StandardBackends.all()).problems(lab).stream().map(p -> p.check() + " | " + p).toList();
  }

  @Test
  void should_report_a_vpn_without_endpoint_once() {
    assertThat(lines(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1"))))).containsExactly(
        Checks.VPN_ENDPOINT + " | homelab/vpn: peers have nothing to dial: no .endpoint(...) and no domain for vpn.<domain>. "
            + "Call .endpoint(\"vpn.example.com\") or homelab.domain(\"example.com\")");
  }

  @Test
  void should_report_a_vpn_without_gateway_once() {
    assertThat(lines(rich().vpn(wireguard("10.8.0.0/24").endpoint("vpn.example.com")))).containsExactly(
        Checks.VPN_GATEWAY + " | homelab/vpn: no gateway node is set. Call .gateway(node) with the node that runs WireGuard, e.g. pi1");
  }

  @Test
  void should_report_two_apps_of_one_name_once_not_also_as_a_host_clash() {
    Lab lab = rich().apps(app("shop", IMAGE).port(80).internalVia(TRAEFIK), app("shop", "ghcr.io/example/shop:2.0.0").port(80).internalVia(TRAEFIK));

    assertThat(lines(lab)).containsExactly(
        Checks.UNIQUE_NAMES + " | homelab/apps/shop: two apps are called shop. Give each app its own name");
  }

  @Test
  void should_report_a_lab_without_lan_once() {
    Lab lab = homelab("test").nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11")).cluster(k3s("v1.33.4+k3s1"));
    assertThat(lines(lab)).containsExactly(Checks.LAN_CIDR + " | homelab: no LAN is set. Call homelab.lan(\"192.168.1.0/24\")");
  }

  @Test
  void should_report_a_public_host_outside_every_dns_zone_once() {
    assertThat(lines(rich().apps(app("shop", IMAGE).host("shop.example.org").publicVia(TRAEFIK)))).containsExactly(
        Checks.PUBLIC_NEEDS_DNS_ZONE + " | homelab/apps/shop: public host shop.example.org is in no managed DNS zone. "
            + "Add .zone(zone(\"example.org\")) to homelab.dns(...), or give the app a .host(...) in a managed zone");
  }

  @Test
  void should_report_firewall_bouncers_without_a_lapi_ip_once() {
    assertThat(lines(rich().security(crowdsec().appsec()))).containsExactly(
        Checks.CROWDSEC_LAPI_IP + " | homelab/security: the firewall bouncers on the hosts cannot reach the LAPI without a LAN IP. "
            + "Call crowdsec().lapiIp(\"192.168.1.242\") or .withoutFirewallBouncers()");
  }

  @Test
  void should_report_a_restic_backup_to_an_unknown_node_once() {
    assertThat(lines(rich().resticBackups(restic("far", node("ghost"), "restic").paths("/srv/data")))).containsExactly(
        Checks.RESTIC_DISK + " | homelab/resticBackups/far: node ghost is not defined. Use one of the nodes: pi1, pi2, pi3, pi4, nuc");
  }

  @Test
  void should_report_a_restic_backup_without_paths_once() {
    assertThat(lines(rich().resticBackups(restic("far", node("pi4"), "restic")))).containsExactly(
        Checks.RESTIC_PATHS + " | homelab/resticBackups/far: backs up no paths. Call .paths(\"/srv/data\")");
  }

  @Test
  void should_report_an_unknown_s3_target_once() {
    Lab lab = rich().cluster(haK3s(s3("ghost", "https://s3.example.net", "ghost-bucket")))
        .terraformState(terraformState(s3("gone", "https://s3.example.net", "gone-bucket")));
    assertThat(lines(lab)).containsExactly(
        Checks.ETCD_S3_TARGET_KNOWN + " | homelab/cluster: etcd snapshot target ghost is not defined. "
            + "Add it with homelab.backups(s3(\"ghost\", endpoint, bucket))",
        Checks.TERRAFORM_STATE_TARGET_KNOWN + " | homelab/terraformState: Terraform state target gone is not defined. "
            + "Add it with homelab.backups(s3(\"gone\", endpoint, bucket))");
  }

  @Test
  void should_report_each_host_postgres_mistake_once() {
    Lab lab = rich().nodes(node("db").worker().ip("192.168.1.30")
        .postgres(hostPostgres("15").databases("Home-Assistant").allowFrom("192.168.1.0")
            .backup(s3("ghost", "https://s3.example.net", "ghost-bucket"))));
    assertThat(lines(lab)).containsExactly(
        Checks.HOST_POSTGRES + " | homelab/nodes/db: allowed network '192.168.1.0' is not an IPv4 CIDR. Write it like .allowFrom(\"192.168.1.0/24\")",
        Checks.HOST_POSTGRES + " | homelab/nodes/db: database name 'Home-Assistant' is not a plain lower-case identifier. "
            + "Use letters, digits and _, e.g. \"home_assistant\"",
        Checks.BACKUP_TARGET_KNOWN + " | homelab/nodes/db: PostgreSQL backup target ghost is not defined. "
            + "Add it with homelab.backups(s3(\"ghost\", endpoint, bucket))");
  }

  @Test
  void should_report_a_database_name_postgresql_would_cut_once() {
    Lab lab = rich().nodes(node("db").worker().ip("192.168.1.30").postgres(hostPostgres("15").databases("a".repeat(64))));
    List<Problem> problems = Renderer.using(StandardBackends.all()).problems(lab);
    assertThat(problems).extracting(Problem::toString).containsExactly("homelab/nodes/db/postgres: database name '"
        + "a".repeat(59) + "…' is longer than 63 characters, which PostgreSQL cuts. Use a shorter name");
    assertThat(new AnsibleBackend().checks()).contains(problems.get(0).check());
  }
}
