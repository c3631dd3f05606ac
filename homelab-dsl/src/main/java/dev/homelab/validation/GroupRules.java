package dev.homelab.validation;

import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * App groups ({@code app(...).group("media")}): apps sharing one namespace. The group's name must
 * not make it someone else's namespace, one root app must not lower the Pod Security level of the
 * others, and the {@code <app>-...} names of their objects must not collide.
 */
final class GroupRules {
  private GroupRules() {}

  static List<Rule> all() {
    return List.of(groupName(), reservedNamespace(), podSecurity(), namesCollide());
  }

  /** The apps of each group, by group name, in declaration order. */
  static Map<String, List<App>> groups(Lab lab) {
    Map<String, List<App>> out = new TreeMap<>();
    lab.apps().forEach(a -> a.group().ifPresent(g -> out.computeIfAbsent(g, k -> new ArrayList<>()).add(a)));
    return out;
  }

  static Rule groupName() {
    return Rule.of(Checks.APP_GROUP, (lab, r) -> lab.apps().forEach(a -> a.group().ifPresent(g -> {
      String path = ModelPaths.app(a.name());
      if (!Names.isDnsLabel(g)) {
        r.report(path, "group " + Texts.quote(g) + " is not a DNS-1123 label (lower case letters, digits and '-', at most 63)",
            "Rename it, e.g. " + Texts.quote(NameRules.suggest(g)));
        return;
      }
      if (lab.dataService(g).isPresent()) {
        r.report(path, "group " + g + " is the namespace of data service " + g, "Give the group another name");
      }
      lab.apps().stream().filter(o -> o.name().equals(g) && !o.group().equals(java.util.Optional.of(g))).findFirst().ifPresent(o -> r.report(path,
          "group " + g + " is the namespace of app " + g + ", which is not in the group",
          "Call .group(\"" + g + "\") on app " + g + " too, or give the group another name"));
    })));
  }

  /**
   * An app's namespace (its group, else its name) or a data service's (its name) is never one of
   * Kubernetes' or of the lab's platform ({@link Lab#reservedNamespaces()}): kustomize refuses two
   * Namespace objects of one name, and in {@code kube-system} the app's restricted Pod Security and
   * default-deny policies would stop CoreDNS and k3s' bundled charts.
   */
  static Rule reservedNamespace() {
    return Rule.of(Checks.NAMESPACE_RESERVED, (lab, r) -> {
      Map<String, String> reserved = lab.reservedNamespaces();
      java.util.Set<String> groupsReported = new java.util.HashSet<>();
      lab.apps().forEach(a -> {
        String whose = reserved.get(a.namespace());
        if (whose != null && a.group().isPresent()) {
          // one group name, one line: at its first app
          if (groupsReported.add(a.namespace())) {
            r.report(ModelPaths.app(a.name()), "group " + a.namespace() + " is " + whose, "Give the group another name");
          }
        } else if (whose != null) {
          r.report(ModelPaths.app(a.name()), "its namespace " + a.namespace() + " (the app's name) is " + whose,
              "Rename the app, or give it a namespace of its own with .group(...)");
        }
      });
      lab.dataServices().stream().filter(d -> reserved.containsKey(d.name())).forEach(d -> r.report(ModelPaths.dataService(d.name()),
          "its namespace " + d.name() + " (the service's name) is " + reserved.get(d.name()), "Rename the data service"));
    });
  }

  /**
   * A namespace has one Pod Security level: a root app would make its group {@code baseline}, and so
   * let every other app of it run as root unnoticed. Root apps keep to themselves (or to each other).
   */
  static Rule podSecurity() {
    return Rule.of(Checks.GROUP_POD_SECURITY, (lab, r) -> groups(lab).forEach((g, apps) -> {
      List<String> others = apps.stream().filter(a -> a.runAsRoot().isEmpty()).map(App::name).toList();
      if (others.isEmpty()) {
        return;
      }
      apps.stream().filter(a -> a.runAsRoot().isPresent()).forEach(a -> r.report(ModelPaths.app(a.name()),
          "runs as root, which would put group " + g + " at Pod Security baseline for " + String.join(", ", others) + " too",
          "Drop .group(\"" + g + "\") from it, so it keeps a baseline namespace of its own"));
    }));
  }

  /**
   * In a group the objects of an app are named {@code <app>} or {@code <app>-<part>}: two such
   * names of different apps can only be equal when one app's name is the other's and a dash.
   */
  static Rule namesCollide() {
    return Rule.of(Checks.GROUP_NAMES_COLLIDE, (lab, r) -> groups(lab).forEach((g, apps) -> {
      for (App a : apps) {
        apps.stream().filter(b -> b.name().startsWith(a.name() + "-")).forEach(b -> r.report(ModelPaths.app(b.name()),
            "in group " + g + " the names of its objects (" + b.name() + "-...) may equal those of app " + a.name()
                + " (" + a.name() + "-<volume>, " + a.name() + "-<cron job>)",
            "Rename one of the two apps, or put them in different groups"));
      }
    }));
  }
}
