package dev.homelab.k8s.traefik;

import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.traefik.Middleware;
import dev.homelab.model.Lab;
import dev.homelab.model.SecretRef;
import dev.homelab.model.security.CrowdSec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared middlewares, in the Traefik namespace: {@code crowdsec} (on the public entrypoints
 * themselves, see {@code TraefikValues}), {@code security-headers} (public routes) and
 * {@code internal-only} (internal routes).
 */
final class TraefikMiddlewares {
  private TraefikMiddlewares() {}

  static List<HasMetadata> all(Lab lab) {
    List<HasMetadata> out = new ArrayList<>();
    lab.security().ifPresent(c -> out.add(crowdsec(lab, c)));
    out.add(Middleware.of(Routes.NAMESPACE, Routes.INTERNAL_ONLY,
        new Middleware.Spec(new Middleware.IpAllowList(Peers.lanAndVpn(lab)), null, null)));
    out.add(Middleware.of(Routes.NAMESPACE, Routes.SECURITY_HEADERS, new Middleware.Spec(null,
        new Middleware.Headers(31536000, true, true, true, "SAMEORIGIN", "strict-origin-when-cross-origin"), null)));
    return out;
  }

  /**
   * The bouncer never blocks every request because CrowdSec is down: by default one failed
   * decision pull marks the stream unhealthy and the plugin then answers every request with 403,
   * so a LAPI restart (an upgrade, a node drain) would take all public routes down. {@code -1}
   * keeps serving with the decisions already pulled until the LAPI is back (fail open: a short
   * window without new bans beats an outage of every site).
   */
  static final int UPDATE_MAX_FAILURE = -1;

  /**
   * The bouncer in stream mode (decisions pulled every minute, no LAPI call per request); LAN and
   * VPN clients bypass it. The key is a {@code urn:k8s:secret} reference Traefik resolves. Fails
   * open: see {@link #UPDATE_MAX_FAILURE}; an unreachable AppSec lets requests through too
   * ({@code crowdsecAppsecUnreachableBlock: false}), while a request AppSec rejects stays blocked.
   */
  private static Middleware crowdsec(Lab lab, CrowdSec crowdsec) {
    SecretRef key = crowdsec.traefikBouncerKey();
    boolean appsec = crowdsec.isAppsec();
    return Middleware.of(Routes.NAMESPACE, Routes.CROWDSEC, new Middleware.Spec(null, null,
        new Middleware.Plugin(new Middleware.CrowdsecBouncer(true, "stream", "http", Peers.crowdsecLapi(),
            "urn:k8s:secret:" + key.name() + ":" + key.key(), UPDATE_MAX_FAILURE,
            appsec ? true : null, appsec ? Peers.crowdsecAppsec() : null, appsec ? false : null,
            Peers.lanAndVpn(lab)))));
  }
}
