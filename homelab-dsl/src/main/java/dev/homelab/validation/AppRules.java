package dev.homelab.validation;

import dev.homelab.model.Lab;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Apps against the rest of the model: exposure, host names, placement, data services, metrics.
 * Ports, replicas, images and paths are invariants of {@link App} itself.
 */
final class AppRules {
  private AppRules() {}

  static List<Rule> all() {
    return List.of(rootOnlyImages(), publicNeedsDomain(), internalNeedsDomain(), exposureNeedsTraefik(), routesViaLabIngress(), adminHostNeedsTraefik(),
        hostName(), hostUnique(), publicNeedsTls(), publicNeedsDnsZone(), runsOnKnown(), usesKnown(), usesKnownApp(), reservedServiceUsers(),
        archPinnedNode(), archNoNode(), metricsNeedMonitoring(), publicNextcloudInstalls());
  }

  /** A public host given as a label ({@code cloud}) lives below the domain, so it needs one. */
  static Rule publicNeedsDomain() {
    return Rule.of(Checks.PUBLIC_NEEDS_DOMAIN, (lab, r) -> {
      if (lab.domain().isEmpty()) {
        lab.apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC && !a.host().contains(".")).forEach(a -> r.report(
            ModelPaths.app(a.name()), "publicVia(traefik) needs a domain", "Call homelab.domain(\"example.com\")"));
      }
    });
  }

  /** Internal hosts given as a label live below the domain too (apps and data-service admin UIs). */
  static Rule internalNeedsDomain() {
    return Rule.of(Checks.INTERNAL_NEEDS_DOMAIN, (lab, r) -> {
      if (lab.domain().isEmpty()) {
        routes(lab).stream().filter(h -> h.exposure == Exposure.INTERNAL && !h.host.contains(".")).forEach(h -> r.report(
            h.path, h.call + " needs a domain for host " + h.host, "Call homelab.domain(\"example.com\"), or give a full host name"));
      }
    });
  }

  /** Routes need the managed Traefik that has the public and internal entrypoints. */
  static Rule exposureNeedsTraefik() {
    return Rule.of(Checks.EXPOSURE_NEEDS_TRAEFIK, (lab, r) -> {
      if (lab.ingress().isEmpty()) {
        lab.apps().stream().filter(a -> a.exposure() != Exposure.CLUSTER).forEach(a -> r.report(
            ModelPaths.app(a.name()), (a.exposure() == Exposure.PUBLIC ? "publicVia" : "internalVia") + "(traefik) needs a managed Traefik",
            "Call homelab.ingress(traefik())"));
      }
    });
  }

  /**
   * {@code publicVia(traefik)} routes through that Traefik's public entrypoint (and
   * {@code internalVia} through its internal one): the lab's ingress must have it on that side, so a
   * route never lands on an entrypoint Traefik does not open, or on the other side.
   */
  static Rule routesViaLabIngress() {
    return Rule.of(Checks.ROUTES_VIA_LAB_INGRESS, (lab, r) -> lab.ingress().ifPresent(ingress -> lab.apps().forEach(a -> {
      boolean isPublic = a.exposure() == Exposure.PUBLIC;
      String side = isPublic ? ingress.publicEntrypoint() : ingress.internalEntrypoint();
      a.entrypoint().filter(e -> !e.equals(side)).ifPresent(e -> r.report(ModelPaths.app(a.name()),
          (isPublic ? "publicVia" : "internalVia") + "(traefik) routes through entrypoint " + Texts.quote(e)
              + ", but the lab's ingress has " + Texts.quote(side) + " on that side",
          "Pass the Traefik value given to homelab.ingress(...)"));
    })));
  }

  /** A data service's admin UI is an internal route, so it needs Traefik as well. */
  static Rule adminHostNeedsTraefik() {
    return Rule.of(Checks.ADMIN_HOST_NEEDS_TRAEFIK, (lab, r) -> {
      if (lab.ingress().isEmpty()) {
        lab.dataServices().stream().filter(d -> d.adminHost().isPresent()).forEach(d -> r.report(
            ModelPaths.dataService(d.name()), "adminHost(\"" + d.adminHost().get() + "\") needs a managed Traefik",
            "Call homelab.ingress(traefik()), or drop .adminHost(...)"));
      }
    });
  }

  /** Every routed host name is a DNS name. */
  static Rule hostName() {
    return Rule.of(Checks.HOST_NAME, (lab, r) -> routes(lab).forEach(h -> {
      if (!Names.isDnsSubdomain(lab.fqdn(h.host))) {
        r.report(h.path, "host name " + Texts.quote(h.host) + " is not a valid DNS name",
            "Use lower case letters, digits, '-' and '.', e.g. host \"" + NameRules.suggest(h.host) + "\"");
      }
    }));
  }

  /**
   * Two routes on one host name would shadow each other in Traefik: apps, admin UIs and Grafana share
   * the name space. Apps of the same name on the host of that name are left to {@code unique-names}.
   */
  static Rule hostUnique() {
    return Rule.of(Checks.HOST_UNIQUE, (lab, r) -> {
      Map<String, Route> owner = new HashMap<>();
      for (Route h : routes(lab)) {
        String fqdn = lab.fqdn(h.host);
        Route first = owner.putIfAbsent(fqdn, h);
        // Two apps of one name get one host by default: that is the name clash unique-names reports, one mistake, one line.
        if (first != null && !first.sameNamedApp(h)) {
          r.report(h.path, "host " + fqdn + " is already used by " + first.owner, "Give each route its own host name");
        }
      }
    });
  }

  /** A public route without certificates would serve Traefik's self-signed default. */
  static Rule publicNeedsTls() {
    return Rule.of(Checks.PUBLIC_NEEDS_TLS, (lab, r) -> {
      if (lab.tls().isEmpty()) {
        lab.apps().stream().filter(a -> a.exposure() == Exposure.PUBLIC).forEach(a -> r.report(ModelPaths.app(a.name()),
            "publicVia(traefik) needs TLS certificates",
            "Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\")))"));
      }
    });
  }

  /** A public host gets its record from a managed zone; without one nobody can resolve it. */
  static Rule publicNeedsDnsZone() {
    return Rule.of(Checks.PUBLIC_NEEDS_DNS_ZONE, (lab, r) -> lab.apps().stream()
        .filter(a -> a.exposure() == Exposure.PUBLIC && (lab.domain().isPresent() || a.host().contains(".")))
        .forEach(a -> {
          String fqdn = lab.fqdn(a.host());
          if (lab.zoneOf(fqdn).isEmpty()) {
            String zone = lab.domain().filter(d -> fqdn.endsWith("." + d)).orElse(registrable(fqdn));
            // a second homelab.dns(...) would replace the zones there are
            r.report(ModelPaths.app(a.name()), "public host " + fqdn + " is in no managed DNS zone", lab.dns().isEmpty()
                ? "Call homelab.dns(cloudflare(\"" + zone + "\"))"
                : "Add .zone(zone(\"" + zone + "\")) to homelab.dns(...), or give the app a .host(...) in a managed zone");
          }
        }));
  }

  private static String registrable(String fqdn) {
    String[] labels = fqdn.split("\\.");
    return labels.length < 2 ? fqdn : labels[labels.length - 2] + "." + labels[labels.length - 1];
  }

  /** {@code runsOn(node)} of an app or a data service names a node of the lab. */
  static Rule runsOnKnown() {
    return Rule.of(Checks.RUNS_ON_KNOWN, (lab, r) -> {
      lab.apps().forEach(a -> a.runsOn().filter(n -> lab.node(n).isEmpty())
          .ifPresent(n -> r.report(ModelPaths.app(a.name()), unknownNode(n), "Use one of the nodes: " + StorageRules.names(lab))));
      lab.dataServices().forEach(d -> d.runsOn().filter(n -> lab.node(n).isEmpty())
          .ifPresent(n -> r.report(ModelPaths.dataService(d.name()), unknownNode(n), "Use one of the nodes: " + StorageRules.names(lab))));
    });
  }

  private static String unknownNode(String node) {
    return "runsOn(...) names node " + node + ", which is not in the lab";
  }

  /** {@code uses(service)} names a data service of the lab, e.g. an app using PostgreSQL when none is defined. */
  static Rule usesKnown() {
    return Rule.of(Checks.USES_KNOWN, (lab, r) -> lab.apps().forEach(a -> {
      a.uses().stream().filter(s -> lab.dataService(s).isEmpty())
          .forEach(s -> r.report(ModelPaths.app(a.name()), "uses data service " + s + ", which is not defined",
              "Add it with homelab.dataServices(...)"));
      // the variables injected follow the kind the app asked for: a PostgreSQL app wired to a Redis gets none it reads
      a.connections().forEach(c -> lab.dataService(c.service()).filter(d -> d.kind() != c.kind())
          .ifPresent(d -> r.report(ModelPaths.app(a.name()), "uses " + kindName(c.kind()) + " " + c.service() + ", but the lab's "
              + c.service() + " is " + kindName(d.kind()), "Pass .uses(...) the service the lab defines, or name the " + kindName(c.kind()) + " service otherwise")));
    }));
  }

  private static String kindName(dev.homelab.model.data.DataService.Kind kind) {
    return switch (kind) {
      case POSTGRES -> "PostgreSQL";
      case REDIS -> "Redis";
      case RABBITMQ -> "RabbitMQ";
      case PIHOLE -> "Pi-hole";
    };
  }

  /** {@code uses(app)} names another app of the lab (the app itself is {@link App}'s own check). */
  static Rule usesKnownApp() {
    return Rule.of(Checks.USES_KNOWN, (lab, r) -> lab.apps().forEach(a -> a.usesApps().stream()
        .filter(other -> !other.equals(a.name()) && lab.apps().stream().noneMatch(b -> b.name().equals(other)))
        .forEach(other -> r.report(ModelPaths.app(a.name()), "uses app " + other + ", which is not in the lab",
            "Add it with homelab.apps(...), or drop uses(" + other + ")"))));
  }

  /**
   * An app's own PostgreSQL role and database, and its own RabbitMQ user, are named after it
   * ({@code DataService.databaseFor}, {@code vhostFor}; on a host PostgreSQL {@code HostDatabase.databaseFor}).
   * A name the server already gives to someone else hands that over to the app: the roles Job runs
   * {@code ALTER ROLE postgres ... PASSWORD} with the app's secret, making the app the superuser; the
   * users Job resets RabbitMQ's administrator to the app's password without its tags. An app named
   * like a service is reported once, by {@code unique-names}.
   */
  static Rule reservedServiceUsers() {
    return Rule.of(Checks.RESERVED_SERVICE_USER, (lab, r) -> lab.apps().forEach(a -> {
      if (lab.dataService(a.name()).isPresent()) {
        return;
      }
      a.uses().stream().map(lab::dataService).flatMap(Optional::stream).forEach(s -> {
        Optional<String> taken = switch (s.kind()) {
          case POSTGRES -> postgresReserved(s.databaseFor(a.name()));
          case RABBITMQ -> a.name().equals(s.sharedUser()) ? Optional.of("the administrator of " + s.name())
              : a.name().equals("guest") ? Optional.of("RabbitMQ's guest user, allowed to log in from localhost only") : Optional.empty();
          case REDIS, PIHOLE -> Optional.empty();
        };
        taken.ifPresent(who -> r.report(ModelPaths.app(a.name()), "uses(" + s.name() + ") would name the app's own "
                + (s.kind() == dev.homelab.model.data.DataService.Kind.POSTGRES ? "PostgreSQL role and database" : "RabbitMQ user") + " "
                + a.name() + ", which is " + who,
            "Rename the app, e.g. " + Texts.quote(a.name() + "-app")));
      });
      a.hostDatabases().forEach(d -> postgresReserved(d.databaseFor(a.name())).ifPresent(who -> r.report(ModelPaths.app(a.name()),
          "uses(postgresOn(" + d.node() + ")) would name the app's own role and database " + d.databaseFor(a.name()) + ", which is " + who,
          "Name another, e.g. postgresOn(" + d.node() + ").database(\""
              + (a.name().startsWith("pg-") ? "app_" + a.name() : a.name() + "_app").replace('-', '_') + "\")")));
    }));
  }

  /** Who already holds PostgreSQL role or database {@code name}, if anyone does. */
  private static Optional<String> postgresReserved(String name) {
    return switch (name) {
      case "postgres" -> Optional.of("PostgreSQL's superuser");
      case "template0", "template1" -> Optional.of("a template database PostgreSQL copies into every new one");
      case "public", "none", "current_user", "session_user", "current_role" -> Optional.of("a role name PostgreSQL reserves");
      // CREATE ROLE refuses the prefix: "role name ... is reserved" (PostgreSQL's predefined roles)
      default -> name.startsWith("pg_") ? Optional.of("in the pg_ prefix PostgreSQL reserves for its own roles") : Optional.empty();
    };
  }

  /**
   * An app whose image is limited to some architectures ({@code .arches(...)}; empty means
   * multi-arch) pinned to a node of another architecture never starts (exec format error).
   */
  static Rule archPinnedNode() {
    return Rule.of(Checks.ARCH_PINNED_NODE, (lab, r) -> lab.apps().forEach(a -> {
      Optional<Node> pinned = a.runsOn().flatMap(lab::node);
      if (!a.arches().isEmpty() && pinned.isPresent() && !a.arches().contains(pinned.get().arch())) {
        List<String> fitting = lab.nodes().stream().filter(n -> a.arches().contains(n.arch())).map(Node::name).collect(Collectors.toList());
        r.report(ModelPaths.app(a.name()), "image runs on " + arches(a.arches()) + " only, but runsOn(...) names " + pinned.get().name()
                + ", an " + pinned.get().arch().label() + " node",
            fitting.isEmpty() ? "Use an image for " + pinned.get().arch().label() + " and fix .arches(...)"
                : "Pin it to " + String.join(" or ", fitting) + ", or fix .arches(...)");
      }
    }));
  }

  /**
   * An arch-limited, unpinned app is fine on a mixed cluster because the Kubernetes backend adds a
   * {@code kubernetes.io/arch} node selector; it is only an error when no node has any of its arches,
   * as the pod would stay Pending. (Pinned apps are {@code arch-pinned-node}'s business.)
   */
  static Rule archNoNode() {
    return Rule.of(Checks.ARCH_NO_NODE, (lab, r) -> lab.apps().forEach(a -> {
      if (!a.arches().isEmpty() && a.runsOn().isEmpty() && !lab.nodes().isEmpty()
          && lab.nodes().stream().noneMatch(n -> a.arches().contains(n.arch()))) {
        r.report(ModelPaths.app(a.name()), "image runs on " + arches(a.arches()) + " only, and no node is " + arches(a.arches()),
            "Add such a node, or use a multi-arch image and drop .arches(...)");
      }
    }));
  }

  private static String arches(Set<Arch> arches) {
    return arches.stream().map(Arch::label).sorted().collect(Collectors.joining(" or "));
  }

  /** {@code metrics(path)} renders a ServiceMonitor, whose CRD only the monitoring stack installs. */
  static Rule metricsNeedMonitoring() {
    return Rule.of(Checks.METRICS_NEED_MONITORING, (lab, r) -> {
      if (lab.monitoring().isEmpty()) {
        lab.apps().stream().filter(a -> a.metrics().isPresent()).forEach(a -> r.report(ModelPaths.app(a.name()),
            "metrics(\"" + a.metrics().get() + "\") needs the monitoring stack",
            "Call homelab.monitoring(monitoring()), or drop .metrics(...)"));
      }
    });
  }

  /**
   * A public Nextcloud that cannot install itself serves its web installer to the internet, where
   * the first visitor creates the admin account ({@link KnownImages#NEXTCLOUD_ADMIN}).
   */
  static Rule publicNextcloudInstalls() {
    return Rule.of(Checks.PUBLIC_NEXTCLOUD_INSTALLS, (lab, r) -> lab.apps().stream()
        .filter(a -> a.exposure() == Exposure.PUBLIC && KnownImages.isNextcloud(a.image()))
        .forEach(a -> {
          List<String> missing = KnownImages.NEXTCLOUD_ADMIN.stream().filter(n -> !KnownImages.sets(a, n)).toList();
          if (!missing.isEmpty()) {
            r.report(ModelPaths.app(a.name()), "public Nextcloud without " + String.join(" and ", missing)
                    + " serves its web installer to the internet",
                "Call .env(\"NEXTCLOUD_ADMIN_USER\", secret(\"" + a.name() + "-admin\", \"user\"))"
                    + ".env(\"NEXTCLOUD_ADMIN_PASSWORD\", secret(\"" + a.name() + "-admin\", \"password\"))"
                    + " so the image installs itself on first start");
          } else if (KnownImages.NEXTCLOUD_DATABASE.stream().noneMatch(set -> set.stream().allMatch(n -> KnownImages.sets(a, n)))) {
            r.report(ModelPaths.app(a.name()), "public Nextcloud without a complete database configuration"
                    + " serves its web installer to the internet",
                "Call .uses(postgres), which sets POSTGRES_HOST, POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD,"
                    + " or .env(\"SQLITE_DATABASE\", \"nextcloud\"), so the image installs itself on first start");
          }
        }));
  }

  /** Images known to run only as root fail at start as any other user ({@link KnownImages#isHomeAssistant}). */
  static Rule rootOnlyImages() {
    return Rule.of(Checks.ROOT_ONLY_IMAGE, (lab, r) -> lab.apps().stream()
        .filter(a -> a.runAsRoot().isEmpty() && KnownImages.isHomeAssistant(a.image()))
        .forEach(a -> r.report(ModelPaths.app(a.name()), "the Home Assistant image runs only as root (its s6-overlay init), "
                + "so as uid " + a.runAsUser() + " it stops before Home Assistant starts",
            "Call .runAsRoot(\"Home Assistant's s6-overlay init runs only as root\")")));
  }

  /** A route Traefik serves: an exposed app, a data service's admin UI, Grafana. */
  static final class Route {
    final String path;
    final String owner;
    final String call;
    final String host;
    final Exposure exposure;
    /** The app whose name the host is (its default), or null: two such apps of one name clash by name (unique-names), not by host. */
    final String hostOfApp;

    Route(String path, String owner, String call, String host, Exposure exposure) {
      this(path, owner, call, host, exposure, null);
    }

    Route(String path, String owner, String call, String host, Exposure exposure, String hostOfApp) {
      this.path = path;
      this.owner = owner;
      this.call = call;
      this.host = host;
      this.exposure = exposure;
      this.hostOfApp = hostOfApp;
    }

    /** Whether this route and {@code other} share a host only because they are apps of the same name ({@code unique-names}). */
    boolean sameNamedApp(Route other) {
      return hostOfApp != null && hostOfApp.equals(other.hostOfApp);
    }
  }

  /** Every route in declaration order: apps, data-service admin UIs, then Grafana (only with a managed Traefik). */
  static List<Route> routes(Lab lab) {
    List<Route> routes = new ArrayList<>();
    for (App a : lab.apps()) {
      if (a.exposure() != Exposure.CLUSTER) {
        String call = (a.exposure() == Exposure.PUBLIC ? "publicVia" : "internalVia") + "(traefik)";
        routes.add(new Route(ModelPaths.app(a.name()), "app " + a.name(), call, a.host(), a.exposure(),
            a.host().equals(a.name()) ? a.name() : null));
      }
    }
    lab.dataServices().forEach(d -> d.adminHost().ifPresent(h -> routes.add(new Route(ModelPaths.dataService(d.name()),
        "the admin UI of " + d.name(), "adminHost(\"" + h + "\")", h, Exposure.INTERNAL))));
    if (lab.ingress().isPresent()) {
      lab.monitoring().ifPresent(m -> routes.add(new Route(ModelPaths.monitoring(), "Grafana",
          "grafanaHost(\"" + m.grafanaHost() + "\")", m.grafanaHost(), Exposure.INTERNAL)));
    }
    return routes;
  }
}
