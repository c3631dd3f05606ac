package dev.homelab.ansible;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.DNS_POOL;
import static dev.homelab.fixtures.TestLabs.PEER_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The peers' own configurations: the lab's Pi-hole as their DNS server, so internal names resolve over the tunnel. */
class WireGuardPeersTest {
  private static Lab withPihole(Lab lab) {
    return lab.loadBalancer(DNS_POOL).dataServices(pihole("pihole").loadBalancerIp("192.168.1.53"));
  }

  @Test
  void should_give_the_peers_the_piholes_load_balancer_ip_as_dns_server() {
    Map<String, Object> vars = AnsibleBackendTest.yaml(AnsibleBackendTest.render(withPihole(TestLabs.reference())), "vars/vpn.yml");

    assertThat(vars).containsEntry("homelab_wireguard_peer_dns", List.of("192.168.1.53"))
        .containsEntry("homelab_wireguard_peer_routes", List.of("10.8.0.0/24", "192.168.1.0/24"));
  }

  @Test
  void should_route_the_piholes_address_through_the_tunnel_when_no_reached_network_holds_it() {
    Lab lab = withPihole(TestLabs.reference().vpn(wireguard("10.8.0.0/24").gateway(node("nuc")).endpoint("vpn.example.com")
        .reaches("192.168.1.0/28").peer("laptop", PEER_KEY, "10.8.0.2/32")));
    Map<String, Object> vars = AnsibleBackendTest.yaml(AnsibleBackendTest.render(lab), "vars/vpn.yml");

    assertThat(vars).containsEntry("homelab_wireguard_peer_routes", List.of("10.8.0.0/24", "192.168.1.0/28", "192.168.1.53/32"));
  }

  @Test
  void should_write_each_peers_configuration_with_its_dns_server_on_the_gateway() {
    RenderedFiles files = AnsibleBackendTest.render(withPihole(TestLabs.reference()));

    assertThat(files.text("roles/homelab_wireguard/templates/peer.conf.j2"))
        .contains("DNS = {{ homelab_wireguard_peer_dns | join(', ') }}")
        .contains("AllowedIPs = {{ homelab_wireguard_peer_routes | join(', ') }}")
        .doesNotContain("PrivateKey = {{");
    assertThat(files.text("roles/homelab_wireguard/tasks/main.yml"))
        .contains("dest: \"{{ homelab_wireguard_dir }}/peers/{{ item.key }}.conf\"");
  }

  @Test
  void should_set_no_dns_server_without_a_pihole() {
    Map<String, Object> vars = AnsibleBackendTest.yaml(AnsibleBackendTest.render(TestLabs.reference()), "vars/vpn.yml");

    assertThat(vars).containsEntry("homelab_wireguard_peer_dns", List.of());
  }
}
