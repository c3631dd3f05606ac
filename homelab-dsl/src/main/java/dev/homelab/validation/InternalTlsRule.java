package dev.homelab.validation;

import dev.homelab.model.network.Exposure;
import java.util.List;

/**
 * Internal names get real certificates too: without {@code homelab.tls(...)} Traefik answers on its
 * internal side with its own self-signed default certificate, which browsers and API clients reject.
 * A warning, not an error: the lab works, with a click-through in every browser. Likewise internal
 * names need a DNS that knows them: Pi-hole's records, or the user's own.
 */
final class InternalTlsRule {
  private InternalTlsRule() {}

  static List<Rule> all() {
    return List.of(Rule.of(Checks.INTERNAL_NEEDS_TLS, (lab, r) -> {
      if (lab.tls().isPresent()) {
        return;
      }
      List<String> internal = NetworkRules.hosts(lab, Exposure.INTERNAL);
      if (!internal.isEmpty()) {
        r.report(ModelPaths.tls(), "internal routes (" + String.join(", ", internal)
                + ") would be served with Traefik's self-signed default certificate, which browsers and clients reject",
            "Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))): "
                + "its DNS-01 wildcard certificate covers internal names, which need no public route");
      }
    }), Rule.of(Checks.INTERNAL_NEEDS_DNS, (lab, r) -> {
      // Pi-hole is the only DNS the lab renders records into (its local records, handed to the LAN
      // by DHCP and to VPN peers): internal names have no public record, by design.
      if (NetworkRules.hasPihole(lab)) {
        return;
      }
      List<String> internal = NetworkRules.hosts(lab, Exposure.INTERNAL);
      if (!internal.isEmpty()) {
        String target = lab.ingress().flatMap(t -> t.internalIp()).map(ip -> " at " + ip + " (Traefik's internal IP)").orElse(" at Traefik's internal IP");
        r.report(ModelPaths.ingress(), "internal routes (" + String.join(", ", internal)
                + ") resolve nowhere: their only DNS records are Pi-hole's, and the lab has no Pi-hole",
            "Add homelab.dataServices(pihole(...)) and hand it out by DHCP, or point these names" + target + " in your own LAN DNS");
      }
    }));
  }
}
