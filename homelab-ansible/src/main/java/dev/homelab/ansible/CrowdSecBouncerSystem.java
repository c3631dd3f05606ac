package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Node;
import dev.homelab.model.security.CrowdSec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CrowdSec firewall bouncer (nftables) on every node, fed by the in-cluster LAPI on its
 * MetalLB IP. The forward hook matters: traffic DNAT-ed to pods traverses FORWARD, not INPUT.
 *
 * @see <a href="https://docs.crowdsec.net/u/bouncers/firewall/">CrowdSec firewall bouncer</a>
 */
final class CrowdSecBouncerSystem extends HostSystem {
  static final String GROUP = "crowdsec_firewall_bouncer";
  static final int LAPI_PORT = 8080;

  private final Vault vault;

  CrowdSecBouncerSystem(Lab lab, Vault vault) {
    super(lab, GROUP, "CrowdSec firewall bouncer on every node");
    this.vault = vault;
  }

  @Override
  Map<String, List<String>> groups() {
    boolean bouncers = lab.security().map(CrowdSec::firewallBouncers).orElse(false);
    return group(GROUP, bouncers ? lab.nodes().stream().map(Node::name).toList() : List.of());
  }

  @Override
  Map<String, Object> vars() {
    CrowdSec crowdsec = lab.security().orElseThrow();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("mode", "nftables");
    config.put("update_frequency", "10s");
    config.put("api_url", "http://" + crowdsec.lapiIp().orElseThrow() + ":" + LAPI_PORT + "/");
    config.put("api_key", vault.ref(crowdsec.firewallBouncerKey(),
        "API key of the host firewall bouncers, registered with the CrowdSec LAPI", "vars/" + GROUP + ".yml"));
    config.put("deny_action", "DROP");
    config.put("nftables_hooks", List.of("input", "forward"));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_crowdsec_bouncer_package", "crowdsec-firewall-bouncer-nftables");
    vars.put("homelab_crowdsec_bouncer_config", config);
    return vars;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_crowdsec_bouncer");
  }
}
