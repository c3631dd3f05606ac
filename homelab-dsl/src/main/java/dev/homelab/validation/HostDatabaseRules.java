package dev.homelab.validation;

import dev.homelab.model.app.App;
import dev.homelab.model.host.HostDatabase;
import dev.homelab.model.host.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Apps on a node's host PostgreSQL ({@code uses(postgresOn(node))}): the node is in the lab and has
 * one, its pods reach it at the node's IP (the host playbook admits the pod network itself, so
 * {@code allowFrom} need not name it), and each app has a database of its own.
 */
final class HostDatabaseRules {
  private HostDatabaseRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of(Checks.HOST_POSTGRES_PRESENT, (lab, r) -> each(lab, (a, d, node) -> {
          if (node.isEmpty()) {
            r.report(ModelPaths.app(a.name()), call(d) + " names node " + d.node() + ", which is not in the lab",
                "Use one of the nodes: " + StorageRules.names(lab));
          } else if (node.get().postgres().isEmpty()) {
            r.report(ModelPaths.app(a.name()), call(d) + " but node " + d.node() + " has no host PostgreSQL",
                "Call .postgres(hostPostgres(\"15\")) on node " + d.node() + ", or use a node that has one");
          }
        })),
        Rule.of(Checks.HOST_POSTGRES_REACHABLE, (lab, r) -> each(lab, (a, d, node) -> {
          if (node.isPresent() && node.get().postgres().isPresent() && node.get().ip().isEmpty()) {
            r.report(ModelPaths.app(a.name()), call(d) + " but its pods cannot reach node " + d.node() + ", which has no IP",
                "Give node " + d.node() + " its LAN address with .ip(...)");
          }
        })),
        Rule.of(Checks.HOST_DATABASE_UNIQUE, (lab, r) -> {
          Map<String, String> owner = new TreeMap<>();
          each(lab, (a, d, node) -> {
            String db = d.databaseFor(a.name());
            String first = owner.putIfAbsent(d.node() + "/" + db, a.name());
            if (first != null && !first.equals(a.name())) {
              r.report(ModelPaths.app(a.name()), call(d) + " gets database " + db + ", which app " + first + " already uses",
                  "Give one its own, e.g. postgresOn(" + d.node() + ").database(\"" + (a.name() + "_db").replace('-', '_') + "\")");
            }
          });
        }));
  }

  private static String call(HostDatabase d) {
    return "uses(postgresOn(" + d.node() + "))";
  }

  private interface Visit {
    void accept(App app, HostDatabase database, Optional<Node> node);
  }

  private static void each(dev.homelab.model.Lab lab, Visit visit) {
    for (App a : lab.apps()) {
      for (HostDatabase d : a.hostDatabases()) {
        visit.accept(a, d, lab.node(d.node()));
      }
    }
  }
}
