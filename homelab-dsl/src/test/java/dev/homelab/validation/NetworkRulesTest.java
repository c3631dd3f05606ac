package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.network.Traefik;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {
  private static final String PHONE_KEY = "cGhvbmUtcHVibGljLWtleS1wbGFjZWhvbGRlcj09PT0=";
  private static final String IMAGE = "ghcr.io/example/app:1.0.0";

  @Test
  void should_reject_a_pool_outside_the_lan() {
    Expect.only(web().loadBalancer(pool("far", "10.0.0.240/28")), Checks.POOL_ADDRESSES,
        "homelab/loadBalancer/far: 10.0.0.240/28 is not inside the LAN 192.168.1.0/24. Pick free addresses inside 192.168.1.0/24");
  }

  @Test
  void should_reject_a_pool_with_the_broadcast_address_of_the_lan() {
    Expect.only(web().loadBalancer(pool("top", "192.168.1.252/30")), Checks.POOL_ADDRESSES,
        "homelab/loadBalancer/top: 192.168.1.252/30 includes the network or broadcast address of the LAN 192.168.1.0/24. "
            + "Pick free addresses between 192.168.1.1 and 192.168.1.254");
  }

  @Test
  void should_reject_a_pool_cidr_with_host_bits_set() {
    Expect.only(web().loadBalancer(pool("odd", "192.168.1.229/28")), Checks.POOL_ADDRESSES,
        "homelab/loadBalancer/odd: '192.168.1.229/28' is not an IPv4 CIDR with its host bits zero. "
            + "Write the network's first address, like \"192.168.1.240/28\", or a range like \"192.168.1.240-192.168.1.250\"");
  }

  @Test
  void should_reject_a_fixed_service_ip_on_the_broadcast_address_of_the_lan() {
    Expect.only(web().dataServices(pihole("pihole").loadBalancerIp("192.168.1.255")), Checks.FIXED_IP_IN_POOL,
        "homelab/dataServices/pihole: load-balancer IP 192.168.1.255 is the broadcast address of the LAN 192.168.1.0/24. "
            + "Use an address between 192.168.1.1 and 192.168.1.254 that is in a MetalLB pool");
  }

  @Test
  void should_reject_a_malformed_pool_address() {
    Expect.only(web().loadBalancer(pool("bad", "192.168.1.250-192.168.1.240")), Checks.POOL_ADDRESSES,
        "homelab/loadBalancer/bad: '192.168.1.250-192.168.1.240' is not a CIDR, a range or an IPv4 address. "
            + "Write it like \"192.168.1.240-192.168.1.250\" or \"192.168.1.240/28\"");
  }

  @Test
  void should_reject_a_pool_overlapping_a_node_ip() {
    Expect.only(web().loadBalancer(pool("nodes", "192.168.1.8/29")), Checks.POOL_NODE_OVERLAP,
        "homelab/loadBalancer/nodes: includes 192.168.1.11, the IP of node pi1. "
            + "Exclude node addresses from the pool (shrink the range or move the node)");
  }

  @Test
  void should_reject_overlapping_pools() {
    Expect.only(web().loadBalancer(pool("more", "192.168.1.250-192.168.1.252")), Checks.POOLS_DISJOINT,
        "homelab/loadBalancer/more: overlaps pool lan. Give each pool its own addresses");
  }

  @Test
  void should_reject_a_fixed_service_ip_outside_every_pool() {
    Expect.only(web().dataServices(pihole("pihole").loadBalancerIp("192.168.1.53")), Checks.FIXED_IP_IN_POOL,
        "homelab/dataServices/pihole: load-balancer IP 192.168.1.53 is in no MetalLB pool. Pick an address of pool lan or widen a pool");
  }

  @Test
  void should_reject_a_fixed_service_ip_without_any_pool() {
    Expect.only(minimal().security(crowdsec().lapiIp("192.168.1.242")), Checks.FIXED_IP_IN_POOL,
        "homelab/security: LAPI IP 192.168.1.242 is in no MetalLB pool. Add one with homelab.loadBalancer(pool(\"lan\", \"192.168.1.242-...\"))");
  }

  @Test
  void should_reject_traefik_without_a_pool() {
    Expect.only(minimal().domain("example.com").ingress(traefik()), Checks.TRAEFIK_NEEDS_POOL,
        "homelab/ingress: Traefik's two LoadBalancer Services (traefik and traefik-internal) both need ports 80 and 443, "
            + "and without a MetalLB pool k3s' ServiceLB binds each port once per node: the second never starts. "
            + "Add a pool with homelab.loadBalancer(pool(\"lan\", \"192.168.1.240-192.168.1.250\")) and give Traefik an "
            + "address of it for each side: traefik().publicIp(...).internalIp(...)");
  }

  @Test
  void should_suggest_a_pool_inside_the_lab_lan_for_traefik() {
    Expect.only(homelab("ten").lan("10.0.0.0/24").domain("example.com").nodes(node("box").amd64().controlPlane().ip("10.0.0.5"))
            .cluster(k3s("v1.33.4+k3s1")).ingress(traefik()), Checks.TRAEFIK_NEEDS_POOL,
        "homelab/ingress: Traefik's two LoadBalancer Services (traefik and traefik-internal) both need ports 80 and 443, "
            + "and without a MetalLB pool k3s' ServiceLB binds each port once per node: the second never starts. "
            + "Add a pool with homelab.loadBalancer(pool(\"lan\", \"10.0.0.240-10.0.0.250\")) and give Traefik an "
            + "address of it for each side: traefik().publicIp(...).internalIp(...)");
  }

  @Test
  void should_report_traefik_with_fixed_ips_and_no_pool_once_per_ip() {
    // the fix of fixed-ip-in-pool (a pool) is the fix of traefik-needs-pool: one line per address, not one more
    Expect.only(minimal().domain("example.com").ingress(traefik().publicIp("192.168.1.240")), Checks.FIXED_IP_IN_POOL,
        "homelab/ingress: public IP 192.168.1.240 is in no MetalLB pool. Add one with homelab.loadBalancer(pool(\"lan\", \"192.168.1.240-...\"))");
  }

  @Test
  void should_accept_traefik_on_a_pool_without_fixed_ips() {
    Expect.none(minimal().domain("example.com").loadBalancer(LAN_POOL).ingress(traefik()));
  }

  @Test
  void should_reject_public_apps_without_traefik_public_ip_on_metallb() {
    Traefik t = traefik().internalIp("192.168.1.241");
    Expect.only(web().ingress(t).apps(app("blog", IMAGE).host("blog").publicVia(t), app("shop", IMAGE).publicVia(t)),
        Checks.TRAEFIK_ROUTE_IPS,
        "homelab/ingress: public routes (blog.example.com, shop.example.com) have no address for the router to forward "
            + "ports 80 and 443 to: Traefik has no public IP. Give Traefik a free address of pool lan: traefik().publicIp(...)");
  }

  @Test
  void should_reject_internal_routes_without_traefik_internal_ip_with_pihole() {
    Traefik t = traefik().publicIp("192.168.1.240");
    Expect.only(web().ingress(t).loadBalancer(DNS_POOL)
            .dataServices(pihole("pihole").loadBalancerIp("192.168.1.53").adminHost("pihole"))
            .apps(app("wiki", IMAGE).internalVia(t)),
        Checks.TRAEFIK_ROUTE_IPS,
        "homelab/ingress: internal routes (pihole.example.com, wiki.example.com) get no Pi-hole record, so the LAN and the "
            + "VPN cannot resolve them: Traefik has no internal IP for them to point at. "
            + "Give Traefik a free address of pool lan: traefik().internalIp(...)");
  }

  @Test
  void should_accept_internal_routes_without_traefik_internal_ip_and_without_pihole() {
    // no local DNS to write records into: the names are the user's to resolve
    Traefik t = traefik().publicIp("192.168.1.240");
    Expect.none(web().ingress(t).apps(app("wiki", IMAGE).internalVia(t)));
  }

  @Test
  void should_reject_a_malformed_fixed_service_ip() {
    Expect.only(web().dataServices(pihole("pihole").loadBalancerIp("192.168.1.300")), Checks.FIXED_IP_IN_POOL,
        "homelab/dataServices/pihole: load-balancer IP '192.168.1.300' is not an IPv4 address. Write it like \"192.168.1.240\"");
  }

  @Test
  void should_reject_two_services_on_one_fixed_ip() {
    Expect.only(web().dataServices(pihole("pihole").loadBalancerIp("192.168.1.242")), Checks.LB_IP_UNIQUE,
        "homelab/dataServices/pihole: load-balancer IP 192.168.1.242 is already the LAPI IP of homelab/security. "
            + "Give each LoadBalancer its own address");
  }

  @Test
  void should_reject_public_and_internal_traefik_on_one_ip() {
    Expect.only(web().ingress(traefik().publicIp("192.168.1.240").internalIp("192.168.1.240")), Checks.TRAEFIK_SIDES,
        "homelab/ingress: public and internal side share the IP 192.168.1.240, so internal apps are reachable from the internet. "
            + "Give .internalIp(...) its own address");
  }

  @Test
  void should_reject_public_and_internal_traefik_on_one_entrypoint() {
    Expect.only(web().ingress(TRAEFIK.entrypoints("websecure", "websecure")), Checks.TRAEFIK_SIDES,
        "homelab/ingress: public and internal side share the entrypoint websecure, so internal apps are reachable from the internet. "
            + "Call .entrypoints(\"websecure\", \"websecure-int\")");
  }

  @Test
  void should_reject_zero_traefik_replicas() {
    Expect.only(web().ingress(TRAEFIK.replicas(0)), Checks.REPLICAS,
        "homelab/ingress: replicas is 0, at least 1 is needed. Call traefik().replicas(2)");
  }

  @Test
  void should_reject_a_vpn_subnet_overlapping_the_lan() {
    Expect.only(minimal().vpn(wireguard("192.168.1.128/25").gateway(node("pi1")).endpoint("203.0.113.1")), Checks.VPN_SUBNET_OVERLAP,
        "homelab/vpn: subnet 192.168.1.128/25 overlaps the LAN 192.168.1.0/24. Pick a subnet of its own, e.g. wireguard(\"10.8.0.0/24\")");
  }

  @Test
  void should_reject_a_vpn_subnet_overlapping_the_cluster_cidr() {
    Expect.only(minimal().vpn(wireguard("10.42.8.0/24").gateway(node("pi1")).endpoint("203.0.113.1")), Checks.VPN_SUBNET_OVERLAP,
        "homelab/vpn: subnet 10.42.8.0/24 overlaps the cluster CIDR 10.42.0.0/16. Pick a subnet of its own, e.g. wireguard(\"10.8.0.0/24\")");
  }

  @Test
  void should_reject_a_vpn_subnet_overlapping_the_service_cidr() {
    Expect.only(minimal().vpn(wireguard("10.43.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1")), Checks.VPN_SUBNET_OVERLAP,
        "homelab/vpn: subnet 10.43.0.0/24 overlaps the service CIDR 10.43.0.0/16. Pick a subnet of its own, e.g. wireguard(\"10.8.0.0/24\")");
  }

  @Test
  void should_reject_a_malformed_vpn_subnet() {
    Expect.only(minimal().vpn(wireguard("10.8.0.1/24").gateway(node("pi1")).endpoint("203.0.113.1")), Checks.VPN_SUBNET,
        "homelab/vpn: subnet '10.8.0.1/24' is not an IPv4 CIDR with its host bits zero. Call wireguard(\"10.8.0.0/24\")");
  }

  @Test
  void should_reject_a_vpn_without_gateway() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").endpoint("203.0.113.1")), Checks.VPN_GATEWAY,
        "homelab/vpn: no gateway node is set. Call .gateway(node) with the node that runs WireGuard, e.g. pi1");
  }

  @Test
  void should_reject_a_vpn_gateway_on_an_unknown_node() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("router")).endpoint("203.0.113.1")), Checks.VPN_GATEWAY,
        "homelab/vpn: gateway node router is not defined. Use one of the nodes: pi1");
  }

  @Test
  void should_reject_a_vpn_without_endpoint_nor_domain() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1"))), Checks.VPN_ENDPOINT,
        "homelab/vpn: peers have nothing to dial: no .endpoint(...) and no domain for vpn.<domain>. "
            + "Call .endpoint(\"vpn.example.com\") or homelab.domain(\"example.com\")");
  }

  @Test
  void should_reject_a_vpn_peer_outside_the_subnet() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1").peer("laptop", PEER_KEY, "10.9.0.2/32")),
        Checks.VPN_PEER_IP,
        "homelab/vpn/peers/laptop: address 10.9.0.2/32 is outside the VPN subnet 10.8.0.0/24. Use a free address of 10.8.0.0/24 such as \"10.8.0.2/32\"");
  }

  @Test
  void should_reject_a_vpn_subnet_too_small_for_a_peer() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/31").gateway(node("pi1")).endpoint("203.0.113.1")), Checks.VPN_SUBNET,
        "homelab/vpn: subnet 10.8.0.0/31 has no address left for peers after the gateway's. Use a /30 or a larger subnet, e.g. wireguard(\"10.8.0.0/24\")");
  }

  @Test
  void should_reject_a_vpn_peer_on_the_broadcast_address() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1").peer("laptop", PEER_KEY, "10.8.0.255/32")),
        Checks.VPN_PEER_IP,
        "homelab/vpn/peers/laptop: address 10.8.0.255/32 is the broadcast address of the VPN subnet 10.8.0.0/24. Use a free address of 10.8.0.0/24 such as \"10.8.0.2/32\"");
  }

  @Test
  void should_reject_a_vpn_peer_on_the_network_address() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1").peer("laptop", PEER_KEY, "10.8.0.0/32")),
        Checks.VPN_PEER_IP,
        "homelab/vpn/peers/laptop: address 10.8.0.0/32 is the network address of the VPN subnet 10.8.0.0/24. Use a free address of 10.8.0.0/24 such as \"10.8.0.2/32\"");
  }

  @Test
  void should_suggest_a_free_address_inside_the_vpn_subnet() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/30").gateway(node("pi1")).endpoint("203.0.113.1")
            .peer("phone", PHONE_KEY, "10.8.0.2/32").peer("laptop", PEER_KEY, "10.8.0.9/32")),
        Checks.VPN_PEER_IP,
        "homelab/vpn/peers/laptop: address 10.8.0.9/32 is outside the VPN subnet 10.8.0.0/30. Every address of 10.8.0.0/30 is taken: use a larger subnet");
    Expect.only(minimal().vpn(wireguard("10.8.0.0/29").gateway(node("pi1")).endpoint("203.0.113.1")
            .peer("phone", PHONE_KEY, "10.8.0.2/32").peer("laptop", PEER_KEY, "10.8.0.9/32")),
        Checks.VPN_PEER_IP,
        "homelab/vpn/peers/laptop: address 10.8.0.9/32 is outside the VPN subnet 10.8.0.0/29. Use a free address of 10.8.0.0/29 such as \"10.8.0.3/32\"");
  }

  @Test
  void should_reject_a_vpn_peer_on_the_gateway_address() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1").peer("laptop", PEER_KEY, "10.8.0.1/32")),
        Checks.VPN_PEER_IP, "homelab/vpn/peers/laptop: address 10.8.0.1/32 is the gateway's own address. Use another address of 10.8.0.0/24");
  }

  @Test
  void should_reject_duplicate_vpn_peer_names() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1")
            .peer("laptop", PEER_KEY, "10.8.0.2/32").peer("laptop", PEER_KEY, "10.8.0.3/32")), Checks.VPN_PEER_UNIQUE,
        "homelab/vpn/peers/laptop: two peers are called laptop. Give each peer its own name");
  }

  @Test
  void should_reject_two_vpn_peers_with_one_public_key() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1")
            .peer("laptop", PEER_KEY, "10.8.0.2/32").peer("tablet", PEER_KEY, "10.8.0.3/32")), Checks.VPN_PEER_UNIQUE,
        "homelab/vpn/peers/tablet: public key is already peer laptop's, and WireGuard keeps only one peer per key. "
            + "Give each device its own key pair (wg genkey | wg pubkey)");
  }

  @Test
  void should_reject_a_malformed_wireguard_key() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1").peer("laptop", "abc", "10.8.0.2/32")),
        Checks.WIREGUARD_KEY,
        "homelab/vpn/peers/laptop: public key is not a 44-character base64 WireGuard key. Paste the output of `wg pubkey` for this peer");
  }

  @Test
  void should_reject_a_vpn_port_out_of_range() {
    Expect.only(minimal().vpn(wireguard("10.8.0.0/24").gateway(node("pi1")).endpoint("203.0.113.1").port(70000)), Checks.PORT,
        "homelab/vpn: port 70000 is not between 1 and 65535. Call .port(51820)");
  }
}
