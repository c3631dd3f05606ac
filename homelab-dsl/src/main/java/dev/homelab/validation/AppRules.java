package dev.homelab.validation;

import dev.homelab.model.Names;
import dev.homelab.model.app.App;
import dev.homelab.model.network.Exposure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Apps: ports, exposure and host names. */
final class AppRules {
  private AppRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of("app-port", (lab, r) -> lab.apps().forEach(a -> {
          if (!Names.isPort(a.port())) {
            r.report(ModelPaths.app(a.name()), "port " + a.port() + " is not between 1 and 65535", "Call .port(8080) with the container's port");
          }
        })),
        Rule.of("public-needs-domain", (lab, r) -> {
          if (lab.domain().isEmpty()) {
            lab.apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC && !a.host().contains(".")).forEach(a -> r.report(
                ModelPaths.app(a.name()), "publicVia(traefik) needs a domain", "Call homelab.domain(\"example.com\")"));
          }
        }),
        Rule.of("exposure-needs-traefik", (lab, r) -> {
          if (lab.traefik().isEmpty()) {
            lab.apps().stream().filter(a -> a.exposure() != Exposure.CLUSTER).forEach(a -> r.report(
                ModelPaths.app(a.name()), (a.exposure() == Exposure.PUBLIC ? "publicVia" : "internalVia") + "(traefik) needs a managed Traefik",
                "Call homelab.ingress(traefik())"));
          }
        }),
        Rule.of("host-name", (lab, r) -> {
          Map<String, String> owner = new HashMap<>();
          for (App a : lab.apps()) {
            if (a.exposure() == Exposure.CLUSTER) {
              continue;
            }
            String fqdn = lab.fqdn(a.host());
            if (!Names.isDnsSubdomain(fqdn)) {
              r.report(ModelPaths.app(a.name()), "host name '" + a.host() + "' is not a valid DNS name",
                  "Use lower case letters, digits, '-' and '.', e.g. .host(\"" + NameRules.suggest(a.host()) + "\")");
            }
            String first = owner.putIfAbsent(fqdn, a.name());
            if (first != null) {
              r.report(ModelPaths.app(a.name()), "host " + fqdn + " is already used by app " + first,
                  "Give each app its own .host(...)");
            }
          }
        }));
  }
}
