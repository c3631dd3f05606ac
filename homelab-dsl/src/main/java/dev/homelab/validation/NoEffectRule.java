package dev.homelab.validation;

import dev.homelab.model.app.App;
import dev.homelab.model.network.Exposure;
import java.util.List;

/**
 * Calls that render nothing in the lab as it stands: the model keeps them, so the user believes
 * they hold. A warning each, not an error: the output works, only without what the call promised.
 */
final class NoEffectRule {
  private NoEffectRule() {}

  static List<Rule> all() {
    return List.of(Rule.of(Checks.NO_EFFECT, (lab, r) -> {
      for (App app : lab.apps()) {
        String path = ModelPaths.app(app.name());
        if (!app.backups().isEmpty() && app.volumes().isEmpty()) {
          r.report(path, "backup(" + String.join(", ", app.backups()) + ") has nothing to back up: the app has no volume",
              "Give it a volume with .volume(...), or drop .backup(...)");
        }
        if (app.exposure() == Exposure.CLUSTER && !app.host().equals(app.name())) {
          r.report(path, "host(\"" + app.host() + "\") names no route: the app is reachable in the cluster only",
              "Route it with .publicVia(traefik) or .internalVia(traefik), or drop .host(...)");
        }
        if (app.isProxied() && app.exposure() != Exposure.PUBLIC) {
          r.report(path, "proxied() proxies nothing: only a public host has a Cloudflare record to proxy",
              "Route it with .publicVia(traefik), or drop .proxied()");
        }
      }
    }));
  }
}
