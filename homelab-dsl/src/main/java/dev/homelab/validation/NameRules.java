package dev.homelab.validation;

import dev.homelab.model.Lab;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Names: DNS-1123 syntax and uniqueness of every named part. */
final class NameRules {
  private NameRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of(Checks.DNS_NAME, (lab, r) -> {
          check(lab.name(), ModelPaths.ROOT, "homelab name", r);
          lab.nodes().forEach(n -> check(n.name(), ModelPaths.node(n.name()), "node name", r));
          lab.apps().forEach(a -> check(a.name(), ModelPaths.app(a.name()), "app name", r));
          lab.loadBalancer().forEach(p -> check(p.name(), ModelPaths.pool(p.name()), "pool name", r));
          lab.dataServices().forEach(d -> check(d.name(), ModelPaths.dataService(d.name()), "data service name", r));
          lab.backups().forEach(s -> check(s.name(), ModelPaths.s3(s.name()), "S3 target name", r));
          lab.resticBackups().forEach(b -> check(b.name(), ModelPaths.restic(b.name()), "restic backup name", r));
          lab.storage().forEach(c -> check(c.name(), ModelPaths.storageClass(c.name()), "storage class name", r));
          lab.staticVolumes().forEach(v -> check(v.name(), ModelPaths.staticVolume(v.name()), "static volume name", r));
          lab.github().flatMap(g -> g.runners()).ifPresent(x -> check(x.name(), ModelPaths.github(), "runner scale set name", r));
          lab.apps().forEach(a -> a.volumes().forEach(v -> check(v.name(), ModelPaths.appVolume(a.name(), v.name()), "volume name", r)));
        }),
        Rule.of(Checks.SERVICE_NAME, (lab, r) -> {
          lab.apps().forEach(a -> startsWithLetter(a.name(), ModelPaths.app(a.name()), "app name", "app-", r));
          lab.dataServices().forEach(d -> startsWithLetter(d.name(), ModelPaths.dataService(d.name()), "data service name",
              d.kind().name().toLowerCase(java.util.Locale.ROOT) + "-", r));
        }),
        Rule.of(Checks.UNIQUE_NAMES, (lab, r) -> {
          unique(lab.nodes(), n -> n.name(), "nodes", "node", r);
          unique(lab.apps(), a -> a.name(), "apps", "app", r);
          unique(lab.loadBalancer(), p -> p.name(), "loadBalancer/pools", "pool", r);
          unique(lab.dataServices(), d -> d.name(), "dataServices", "data service", r);
          unique(lab.backups(), s -> s.name(), "backups/s3", "S3 target", r);
          unique(lab.resticBackups(), b -> b.name(), "backups/restic", "restic backup", r);
          unique(lab.storage(), c -> c.name(), "storage", "storage class", r);
          unique(lab.staticVolumes(), v -> v.name(), "staticVolumes", "static volume", r);
          Set<String> services = new HashSet<>();
          lab.dataServices().forEach(d -> services.add(d.name()));
          lab.apps().stream().filter(a -> services.contains(a.name())).forEach(a -> r.report(
              ModelPaths.app(a.name()),
              "app and data service share the name " + a.name() + " (both get a namespace of that name)",
              "Rename the app or the data service"));
        }));
  }

  private static void check(String name, String path, String what, Rule.Reporter r) {
    if (!Names.isDnsLabel(name)) {
      r.report(path, what + " " + Texts.quote(name) + " is not a DNS-1123 label (lower case letters, digits and '-', at most 63)",
          "Rename it, e.g. " + Texts.quote(suggest(name)));
    }
  }

  /**
   * An app's or data service's name is also its Service's, a DNS-1035 label: a name that is a
   * DNS-1123 label but starts with a digit validates as a Deployment and is refused as a Service.
   */
  private static void startsWithLetter(String name, String path, String what, String prefix, Rule.Reporter r) {
    if (Names.isDnsLabel(name) && !Names.isDns1035Label(name)) {
      String suggested = (prefix + name).length() > 63 ? (prefix + name).substring(0, 63).replaceAll("-+$", "") : prefix + name;
      r.report(path, what + " " + Texts.quote(name) + " starts with a digit, but it also names a Service, which starts with a letter (DNS-1035 label)",
          "Rename it, e.g. " + Texts.quote(suggested));
    }
  }

  static String suggest(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      s = "x";
    }
    return s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
  }

  private static <T> void unique(List<T> items, Function<T, String> name, String where, String what, Rule.Reporter r) {
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (T item : items) {
      String n = name.apply(item);
      if (!seen.add(n) && reported.add(n)) {
        r.report(ModelPaths.of(where + "/" + n), "two " + what + "s are called " + n, "Give each " + what + " its own name");
      }
    }
  }
}
