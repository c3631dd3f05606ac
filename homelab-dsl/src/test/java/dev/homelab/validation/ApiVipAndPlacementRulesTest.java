package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import org.junit.jupiter.api.Test;

class ApiVipAndPlacementRulesTest {
  private static final String IMAGE = "ghcr.io/example/app:1.0.0";

  /** Three servers and MetalLB's pool: a lab an API VIP belongs to. */
  private static Lab ha(String vip) {
    return homelab("test").lan("192.168.1.0/24")
        .nodes(node("pi1").controlPlane().ip("192.168.1.11"), node("pi2").controlPlane().ip("192.168.1.12"),
            node("pi3").controlPlane().ip("192.168.1.13"))
        .cluster(k3s("v1.33.4+k3s1").ha().apiVip(vip))
        .loadBalancer(LAN_POOL);
  }

  @Test
  void should_accept_a_free_lan_address_as_api_vip() {
    Expect.none(ha("192.168.1.10"));
  }

  @Test
  void should_use_the_api_vip_as_api_endpoint() {
    org.assertj.core.api.Assertions.assertThat(ha("192.168.1.10").apiEndpoint()).contains("192.168.1.10");
  }

  @Test
  void should_reject_an_api_vip_in_a_metallb_pool() {
    Expect.only(ha("192.168.1.240"), Checks.API_VIP,
        "homelab/cluster: API VIP 192.168.1.240 is in MetalLB pool lan, which may give it to a Service. Use a LAN address outside every pool");
  }

  @Test
  void should_reject_an_api_vip_that_is_a_node_address() {
    Expect.only(ha("192.168.1.12"), Checks.API_VIP,
        "homelab/cluster: API VIP 192.168.1.12 is the address of node pi2. Use a free LAN address: keepalived adds the VIP beside the servers' own addresses");
  }

  @Test
  void should_reject_an_api_vip_outside_the_lan() {
    Expect.only(ha("10.0.0.10"), Checks.API_VIP,
        "homelab/cluster: API VIP 10.0.0.10 is outside the LAN 192.168.1.0/24. Use an address between 192.168.1.1 and 192.168.1.254, outside the MetalLB pools");
  }

  @Test
  void should_reject_an_api_vip_in_the_service_network() {
    Expect.only(ha("10.43.0.10"), Checks.API_VIP,
        "homelab/cluster: API VIP 10.43.0.10 is outside the LAN 192.168.1.0/24. Use an address between 192.168.1.1 and 192.168.1.254, outside the MetalLB pools",
        "homelab/cluster: API VIP 10.43.0.10 is in the service CIDR 10.43.0.0/16. Use a LAN address outside the pod and service networks");
  }

  @Test
  void should_reject_an_api_vip_in_the_pod_network() {
    Expect.only(ha("10.42.0.10"), Checks.API_VIP,
        "homelab/cluster: API VIP 10.42.0.10 is outside the LAN 192.168.1.0/24. Use an address between 192.168.1.1 and 192.168.1.254, outside the MetalLB pools",
        "homelab/cluster: API VIP 10.42.0.10 is in the cluster CIDR 10.42.0.0/16. Use a LAN address outside the pod and service networks");
  }

  @Test
  void should_reject_an_api_vip_that_is_no_ipv4_address() {
    Expect.only(ha("k3s.example.com"), Checks.API_VIP,
        "homelab/cluster: API VIP 'k3s.example.com' is not an IPv4 address. Use a free LAN address, e.g. .apiVip(\"192.168.1.10\")");
  }

  @Test
  void should_reject_an_api_vip_without_ha_and_a_server_without_ip() {
    Lab lab = homelab("test").lan("192.168.1.0/24").nodes(node("pi1").controlPlane())
        .cluster(k3s("v1.33.4+k3s1").apiVip("192.168.1.10"));
    Expect.only(lab, Checks.API_VIP,
        "homelab/cluster: apiVip(...) moves the API between servers, but a cluster without .ha() has one server. Call .ha() with 3 controlPlane() nodes, or drop .apiVip(...)",
        "homelab/nodes/pi1: server has no IP, and keepalived's peers for the API VIP are the servers' addresses. Call .ip(...) with its LAN address");
  }

  private static final Node PI = node("pi1").arm64().controlPlane().ip("192.168.1.11").hardware(hardware("Raspberry Pi 5 8GB", 4, "8Gi"));
  private static final Node NUC = node("nuc").amd64().ip("192.168.1.20").label("homelab.dev/class", "compute")
      .hardware(hardware("Intel NUC 11 Pro", 8, "32Gi"));

  private static Lab placed(App... apps) {
    return homelab("test").lan("192.168.1.0/24").nodes(PI, NUC).cluster(k3s("v1.33.4+k3s1")).apps(apps);
  }

  @Test
  void should_accept_apps_that_fit_their_nodes() {
    Expect.none(placed(app("a", IMAGE).runsOn(PI).resources("3", "6Gi", "6Gi"),
        app("b", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "compute")).resources("7", "24Gi", "24Gi")));
  }

  @Test
  void should_reject_apps_pinned_to_a_node_beyond_its_hardware_less_the_server_reserve() {
    // 4 cores and 8Gi less a server's 1 core and 2Gi leave 3 cores and 6Gi; two replicas of 1.5 and 2Gi plus 1 core
    Expect.only(placed(app("a", IMAGE).runsOn(PI).replicas(2).resources("1500m", "2Gi", "2Gi"),
            app("b", IMAGE).runsOn(PI).resources("1", "512Mi", "1Gi")), Checks.NODE_CAPACITY,
        "homelab/nodes/pi1: the apps pinned here (a, b) request 4 CPU and 4.5Gi of memory, more than the 3 CPU and 6Gi"
            + " pi1 (Raspberry Pi 5 8GB) leaves to pods after the server reserve. Pin an app elsewhere with .runsOn(...), or lower its .resources(...)");
  }

  @Test
  void should_reject_an_app_on_a_class_none_of_whose_nodes_can_hold_it() {
    // the NUC, an agent, leaves 7.5 cores and 31Gi; 20Gi are pinned there already
    Expect.only(placed(app("db", IMAGE).runsOn(NUC).resources("1", "20Gi", "20Gi"),
            app("big", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "compute")).resources("1", "12Gi", "12Gi")), Checks.NODE_CAPACITY,
        "homelab/apps/big: a pod requests 1 CPU and 12Gi of memory, and no node of homelab.dev/class=compute (nuc) has that much left"
            + " beside the apps pinned to it. Add a larger node to the class, or lower .resources(...)");
  }

  @Test
  void should_reject_a_class_no_node_has() {
    Expect.only(placed(app("gpu", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "gpu"))), Checks.RUNS_ON_CLASS_KNOWN,
        "homelab/apps/gpu: runsOn(nodesLabelled(\"homelab.dev/class\", \"gpu\")) matches no node."
            + " Label a node with .label(\"homelab.dev/class\", \"gpu\"), or place the app elsewhere");
  }

  @Test
  void should_reject_a_data_service_on_a_class_no_node_has() {
    Expect.only(placed().dataServices(redis("redis").runsOn(nodesLabelled("homelab.dev/class", "db"))), Checks.RUNS_ON_CLASS_KNOWN,
        "homelab/dataServices/redis: runsOn(nodesLabelled(\"homelab.dev/class\", \"db\")) matches no node."
            + " Label a node with .label(\"homelab.dev/class\", \"db\"), or place the service elsewhere");
  }

  @Test
  void should_reject_a_monitoring_stack_on_a_class_no_node_has() {
    Expect.only(placed().monitoring(monitoring().runsOn(nodesLabelled("homelab.dev/class", "monitoring"))), Checks.RUNS_ON_CLASS_KNOWN,
        "homelab/monitoring: runsOn(nodesLabelled(\"homelab.dev/class\", \"monitoring\")) matches no node."
            + " Label a node with .label(\"homelab.dev/class\", \"monitoring\"), or place the stack elsewhere");
  }

  @Test
  void should_reject_a_class_without_a_node_of_the_apps_architecture() {
    Expect.only(placed(app("arm", IMAGE).arches(Arch.ARM64).runsOn(nodesLabelled("homelab.dev/class", "compute"))), Checks.RUNS_ON_CLASS_KNOWN,
        "homelab/apps/arm: runsOn(nodesLabelled(\"homelab.dev/class\", \"compute\")) matches only nuc, none of them arm64."
            + " Label an arm64 node homelab.dev/class=compute, or fix .arches(...)");
  }

  @Test
  void should_reject_hardware_without_cores_or_memory() {
    Expect.only(placed().nodes(node("odd").hardware(hardware("Odd\nBox", 0, "lots"))), Checks.NODE_HARDWARE,
        "homelab/nodes/odd: hardware model 'Odd\\nBox' is not a name on one line. Name the model, e.g. hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")",
        "homelab/nodes/odd: hardware has 0 CPU cores, at least 1 is needed. Pass the core count, e.g. hardware(\"Raspberry Pi 5 8GB\", 4, \"8Gi\")",
        "homelab/nodes/odd: hardware memory 'lots' is not a memory size. Use a quantity like \"8Gi\"");
  }

  @Test
  void should_let_the_last_placement_win() {
    App app = app("a", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "compute")).runsOn(PI);
    org.assertj.core.api.Assertions.assertThat(app.runsOnNodes()).isEmpty();
    org.assertj.core.api.Assertions.assertThat(app.runsOn()).contains("pi1");
    org.assertj.core.api.Assertions.assertThat(app.runsOn(nodesLabelled("k", "v")).runsOn()).isEmpty();
  }
}
