package dev.homelab.validation;

import dev.homelab.model.network.Exposure;
import java.util.List;

/**
 * Internal names get real certificates too: without {@code homelab.tls(...)} Traefik answers on its
 * internal side with its own self-signed default certificate, which browsers and API clients reject.
 * A warning, not an error: the lab works, with a click-through in every browser.
 */
final class InternalTlsRule {
  private InternalTlsRule() {}

  static List<Rule> all() {
    return List.of(Rule.of(Checks.INTERNAL_NEEDS_TLS, (lab, r) -> {
      if (lab.tls().isPresent()) {
        return;
      }
      List<String> internal = lab.routedHosts().entrySet().stream()
          .filter(e -> e.getValue() == Exposure.INTERNAL).map(java.util.Map.Entry::getKey).toList();
      if (!internal.isEmpty()) {
        r.report(ModelPaths.tls(), "internal routes (" + String.join(", ", internal)
                + ") would be served with Traefik's self-signed default certificate, which browsers and clients reject",
            "Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\"))): "
                + "its DNS-01 wildcard certificate covers internal names, which need no public route");
      }
    }));
  }
}
