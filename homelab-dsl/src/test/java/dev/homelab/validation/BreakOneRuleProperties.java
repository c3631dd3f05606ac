package dev.homelab.validation;

import dev.homelab.model.host.TaintEffect;
import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.network.Exposure;
import dev.homelab.testing.LabArbitraries;
import dev.homelab.testing.LabSpec;
import dev.homelab.testing.TestLabs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated valid labs stay valid; breaking one rule of one of them reports exactly that rule, at
 * the path the breaker names. Rules whose only breakages cascade into others (removing the domain
 * or Traefik, dropping the default storage class) are covered by the example tests instead:
 * {@link #UNIT_TESTED_ONLY}.
 */
class BreakOneRuleProperties {
  /** Rules the catalogue cannot break alone in a generated lab; each has its own example test. */
  static final List<String> UNIT_TESTED_ONLY = List.of("public-needs-domain", "internal-needs-domain", "exposure-needs-traefik",
      "admin-host-needs-traefik", "tls-needs-domain", "waf-needs-traefik", "vpn-endpoint", "local-volumes-need-local-path",
      // a bad domain also makes every routed host name invalid (host-name)
      "domain-name");

  private static final String IMAGE = "ghcr.io/example/broken:1.0.0";

  /** Breaks one rule of a valid lab; {@code path} is where the problem must be reported. */
  static final class Breaker {
    final String rule;
    final Function<LabSpec, String> path;
    final Function<LabSpec, Lab> breaks;

    Breaker(String rule, Function<LabSpec, String> path, Function<LabSpec, Lab> breaks) {
      this.rule = rule;
      this.path = path;
      this.breaks = breaks;
    }

    @Override
    public String toString() {
      return rule;
    }
  }

  private static Breaker at(String rule, String path, Function<LabSpec, Lab> breaks) {
    return new Breaker(rule, s -> path, breaks);
  }

  /** Turns knobs of a copy of the spec, then builds it. */
  private static Function<LabSpec, Lab> tweak(Consumer<LabSpec> change) {
    return s -> {
      LabSpec copy = s.copy();
      change.accept(copy);
      return copy.build();
    };
  }

  /** Adds parts to the valid lab. */
  private static Function<LabSpec, Lab> add(Function<Lab, Lab> change) {
    return s -> change.apply(s.build());
  }

  private static List<Arch> times(int n, Arch arch) {
    List<Arch> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(arch);
    }
    return all;
  }

  /** No public app among the generated ones, so that one added public app is the only one. */
  private static void noPublicApps(LabSpec s) {
    s.apps.stream().filter(a -> a.exposure == Exposure.PUBLIC).forEach(a -> a.exposure = Exposure.INTERNAL);
  }

  static List<Breaker> catalogue() {
    String vpnKey = TestLabs.PEER_KEY;
    return List.of(
        at("lan-cidr", "homelab", tweak(s -> s.lan = "192.168." + s.octet + ".1/24")),
        at("time-zone", "homelab", tweak(s -> s.timeZone = "Mars/Olympus")),
        at("ssh-user", "homelab", add(l -> l.sshUser("Admin User"))),
        at("nodes-present", "homelab/nodes", tweak(s -> s.serverArches.clear())),
        at("node-ip", "homelab/nodes/stray", add(l -> l.nodes(node("stray").ip("10.250.0.1")))),
        new Breaker("node-ip-unique", s -> "homelab/nodes/twin", s -> s.build().nodes(node("twin").ip(s.ip(11)))),
        at("taint", "homelab/nodes/tainted", add(l -> l.nodes(node("tainted").taint("bad key", "v", dev.homelab.model.host.TaintEffect.NO_SCHEDULE)))),
        at("node-label", "homelab/nodes/labelled", add(l -> l.nodes(node("labelled").label("bad key", "v")))),
        at("disk-devices", "homelab/nodes/disky/disks/d",
            add(l -> l.nodes(node("disky").disks(Disk.of("d", DiskUse.DATA, List.of("/dev/sda"))))) ),
        at("device-path", "homelab/nodes/disky/disks/m", add(l -> l.nodes(node("disky").disks(mediaDisk("m", "sdb"))))),
        at("snapshots-need-btrfs", "homelab/nodes/disky/disks/m",
            add(l -> l.nodes(node("disky").disks(mediaDisk("m", "/dev/sdb").snapshots(keep().daily(7)))))),
        at("host-postgres", "homelab/nodes/db", add(l -> l.nodes(node("db").postgres(hostPostgres("fifteen"))))),
        at("unique-names", "homelab/nodes/nas", add(l -> l.nodes(node("nas")))),
        at("dns-name", "homelab/apps/Broken_App", add(l -> l.apps(app("Broken_App", IMAGE)))),
        at("k3s-present", "homelab/cluster", tweak(s -> {
          s.k3s = false;
          s.localStorageDisabled = false;
        })),
        at("k3s-version", "homelab/cluster", tweak(s -> s.version = "1.33")),
        at("etcd-odd-servers", "homelab/cluster", tweak(s -> s.serverArches = times(4, Arch.ARM64))),
        at("k3s-cidrs", "homelab/cluster", tweak(s -> s.serviceCidr = "10.42.0.0/16")),
        at("k3s-cidr-lan", "homelab/cluster", tweak(s -> s.clusterCidr = "192.168.0.0/16")),
        at("api-endpoint-in-lan", "homelab/cluster", tweak(s -> s.apiEndpoint = "10.250.0.1")),
        at("etcd-snapshots-need-ha", "homelab/cluster", s -> {
          LabSpec c = s.copy();
          c.serverArches = times(1, Arch.ARM64);
          c.localStorageDisabled = false;
          return c.build().cluster(k3s(c.version).etcdSnapshots(etcdSnapshots()));
        }),
        at("etcd-s3-target-known", "homelab/cluster", tweak(s -> {
          s.serverArches = times(3, Arch.AMD64);
          s.snapshotTarget = "ghost";
        })),
        at("etcd-retention", "homelab/cluster", tweak(s -> {
          s.serverArches = times(3, Arch.AMD64);
          s.snapshotRetention = 0;
        })),
        at("upgrade-version", "homelab/cluster", tweak(s -> s.upgrade = autoUpgrade().version("1.34"))),
        at("upgrade-concurrency", "homelab/cluster", tweak(s -> s.upgrade = autoUpgrade().concurrency(0))),
        at("upgrade-window", "homelab/cluster",
            tweak(s -> s.upgrade = autoUpgrade().window(java.time.LocalTime.of(3, 0, 30), java.time.LocalTime.of(6, 0), "Etc/UTC", java.time.DayOfWeek.SATURDAY))),
        at("pool-addresses", "homelab/loadBalancer/far", add(l -> l.loadBalancer(pool("far", "10.250.0.0/28")))),
        new Breaker("pool-node-overlap", s -> "homelab/loadBalancer/nodes",
            s -> s.build().loadBalancer(pool("nodes", s.ip(11) + "/32"))),
        new Breaker("pools-disjoint", s -> "homelab/loadBalancer/again",
            s -> s.build().loadBalancer(pool("again", s.ip(245) + "-" + s.ip(246)))),
        new Breaker("fixed-ip-in-pool", s -> "homelab/dataServices/dns2",
            s -> s.build().dataServices(pihole("dns2").loadBalancerIp(s.ip(100)).storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))),
        new Breaker("lb-ip-unique", s -> "homelab/dataServices/dns2",
            s -> s.build().dataServices(pihole("dns2").loadBalancerIp(s.ip(53)).storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))),
        new Breaker("traefik-sides", s -> "homelab/ingress", tweak(s -> s.traefik = traefik().publicIp(s.ip(240)).internalIp(s.ip(240)))),
        at("traefik-acme", "homelab/ingress", tweak(s -> s.tls = traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")))),
        at("acme-email", "homelab/tls", tweak(s -> s.tls = certManager("admin", secret("cloudflare-api-token", "token")))),
        at("crowdsec-lapi-ip", "homelab/security", add(l -> l.security(crowdsec()))),
        at("public-needs-tls", "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.withTls = false;
          noPublicApps(c);
          return c.build().apps(app("broken", IMAGE).publicVia(c.traefik()));
        }),
        at("public-needs-crowdsec", "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.withCrowdsec = false;
          noPublicApps(c);
          return c.build().apps(app("broken", IMAGE).publicVia(c.traefik()));
        }),
        new Breaker("public-needs-dns-zone", s -> "homelab/apps/broken",
            s -> s.build().apps(app("broken", IMAGE).publicVia(s.traefik()).host("broken.elsewhere.org"))),
        at("vpn-subnet", "homelab/vpn", tweak(s -> s.vpnSubnet = "10.8.0.1/24")),
        at("vpn-subnet-overlap", "homelab/vpn", tweak(s -> s.vpnSubnet = "10.42.0.0/24")),
        at("vpn-gateway", "homelab/vpn", tweak(s -> s.vpnGateway = "router")),
        at("vpn-peer-ip", "homelab/vpn/peers/tablet",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).peer("tablet", vpnKey, "10.9.9.9/32")))),
        at("vpn-peer-unique", "homelab/vpn/peers/a",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).peer("a", vpnKey, "10.8.0.2/32").peer("a", vpnKey, "10.8.0.3/32")))),
        at("wireguard-key", "homelab/vpn/peers/tablet",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).peer("tablet", "short", "10.8.0.2/32")))),
        at("storage-class-disk", "homelab/storage/nfs-x", add(l -> l.storage(nfsStorageClass("nfs-x", node("nas"), "restic")))),
        at("static-volume-disk", "homelab/staticVolumes/vx", add(l -> l.staticVolumes(staticVolume("vx", node("ghost"), "media", "1Ti")))),
        at("storage-class-known", "homelab/apps/broken/volumes/data",
            add(l -> l.apps(app("broken", IMAGE).volume(claim("data", "/data", "1Gi").storageClass(nfsStorageClass("ghost", node("nas"), "data")))))),
        at("static-volume-known", "homelab/apps/broken/volumes/ghost",
            add(l -> l.apps(app("broken", IMAGE).volume(mount(staticVolume("ghost", node("nas"), "media", "1Ti"), "/m"))))),
        at("static-volume-single-claim", "homelab/apps/b2/volumes/sv", add(l -> {
          var sv = staticVolume("sv", node("nas"), "media", "1Ti");
          return l.staticVolumes(sv).apps(app("b1", IMAGE).volume(mount(sv, "/m")), app("b2", IMAGE).volume(mount(sv, "/m")));
        })),
        // a default NFS class next to k3s' local-path, which is the default while enabled
        at("one-default-storage-class", "homelab/storage/nfs-more", s -> {
          LabSpec copy = s.copy();
          copy.localStorageDisabled = false;
          return copy.build().storage(nfsStorageClass("nfs-more", node("nas"), "data").asDefault());
        }),
        at("backup-target-known", "homelab/apps/broken",
            add(l -> l.apps(app("broken", IMAGE).backup(s3("ghost", "https://s3.example.net", "ghost-bucket"))))),
        at("terraform-state-target-known", "homelab/terraformState",
            add(l -> l.terraformState(terraformState(s3("ghost", "https://s3.example.net", "ghost-bucket"))))),
        at("restic-disk", "homelab/resticBackups/r2", add(l -> l.resticBackups(restic("r2", node("nas"), "data").paths("/srv/media")))),
        at("restic-paths", "homelab/resticBackups/r2", add(l -> l.resticBackups(restic("r2", node("nas"), "restic")))),
        at("retention-empty", "homelab/backups/cold",
            add(l -> l.backups(s3("cold", "https://s3.example.net", "cold-bucket").retention(keep())))),
        at("s3-target", "homelab/backups/cold", add(l -> l.backups(s3("cold", "ftp://s3.example.net", "cold-bucket")))),
        at("absolute-path", "homelab/apps/broken/volumes/data", add(l -> l.apps(app("broken", IMAGE).volume("data", "data", "1Gi")))),
        at("size-quantity", "homelab/apps/broken/volumes/data", add(l -> l.apps(app("broken", IMAGE).volume("data", "/data", "1GB")))),
        at("port", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).port(0)))),
        at("replicas", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).replicas(0)))),
        at("startup-minutes", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).startupMinutes(0)))),
        at("image-pinned", "homelab/apps/broken", add(l -> l.apps(app("broken", "nginx:latest")))),
        at("run-as-root", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).runAsUser(0)))),
        at("http-path", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).healthPath("health")))),
        at("probe-command", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).execProbe()))),
        at("port-name", "homelab/apps/broken/extraPorts/Discovery", add(l -> l.apps(app("broken", IMAGE).extraPort("Discovery", 7359)))),
        at("port-unique", "homelab/apps/broken/extraPorts/http", add(l -> l.apps(app("broken", IMAGE).extraPort("http", 8081)))),
        at("env-name", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("1BAD", "x")))),
        at("writable-dir", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).writableDir("etc/app")))),
        at("file-path", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).configFile("/etc/my app.conf", "")))),
        at("seed-file-on-volume", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).seedFile("/etc/app.conf", "")))),
        new Breaker("public-nextcloud-installs", s -> "homelab/apps/broken",
            s -> s.build().apps(app("broken", "docker.io/library/nextcloud:31.0.8-apache").publicVia(s.traefik()))),
        at("env-plain-secret", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("API_TOKEN", "plain-value")))),
        at("secret-name", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("X", secret("Bad_Name", "k"))))),
        new Breaker("routes-via-lab-ingress", s -> "homelab/apps/broken",
            s -> s.build().apps(app("broken", IMAGE).internalVia(s.traefik().entrypoints("websecure", "lan")))),
        new Breaker("host-name", s -> "homelab/apps/broken", s -> s.build().apps(app("broken", IMAGE).internalVia(s.traefik()).host("Bad_Host"))),
        new Breaker("host-unique", s -> "homelab/dataServices/pihole",
            s -> s.build().apps(app("broken", IMAGE).internalVia(s.traefik()).host("pihole"))),
        at("runs-on-known", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).runsOn(node("ghost"))))),
        at("uses-known", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).uses(postgres("ghost-db"))))),
        at("arch-pinned-node", "homelab/apps/broken",
            add(l -> l.nodes(node("odd").amd64()).apps(app("broken", IMAGE).arches(Arch.ARM64).runsOn(node("odd"))))),
        at("arch-no-node", "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.serverArches = times(c.serverArches.size(), Arch.ARM64);
          c.agentArches = times(c.agentArches.size(), Arch.ARM64);
          c.nasArch = Arch.ARM64;
          return c.build().apps(app("broken", IMAGE).arches(Arch.AMD64));
        }),
        at("metrics-need-monitoring", "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.withMonitoring = false;
          c.apps.forEach(a -> a.metrics = false);
          return c.build().apps(app("broken", IMAGE).metrics("/metrics"));
        }),
        at("cron-schedule", "homelab/dataServices/cache", add(l -> l.dataServices(redis("cache").backupSchedule("nightly").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        new Breaker("dump-only-postgres", s -> "homelab/dataServices/cache", s -> s.build().dataServices(redis("cache").backup(s.offsite()).storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))),
        at("root-only-image", "homelab/apps/ha2", add(l -> l.apps(app("ha2", "ghcr.io/home-assistant/home-assistant:2025.8.3")))),
        at("root-reason", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).runAsRoot("")))),
        at("cron-job-name", "homelab/apps/broken/cronJobs/Nightly", add(l -> l.apps(app("broken", IMAGE).cronJob("Nightly", "0 3 * * *", "true")))),
        at("cron-job-command", "homelab/apps/broken/cronJobs/nightly", add(l -> l.apps(app("broken", IMAGE).cronJob("nightly", "0 3 * * *")))),
        at("cron-job-unique", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE)
            .cronJob("nightly", "0 3 * * *", "true").cronJob("nightly", "0 4 * * *", "true")))),
        at("pihole-lb-ip", "homelab/dataServices/dns2", add(l -> l.dataServices(pihole("dns2").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        at("prometheus-retention", "homelab/monitoring", add(l -> l.monitoring(monitoring().retention("forever").storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        at("receiver-unique", "homelab/monitoring", add(l -> l.monitoring(monitoring().storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("hook-a", "url"))
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("hook-b", "url"))))),
        at("receiver-name", "homelab/monitoring", add(l -> l.monitoring(monitoring().storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))
            .receiver("Ops_1", AlertReceiver.Kind.WEBHOOK, secret("hook-a", "url"))))),
        at("github-repository", "homelab/github", tweak(s -> s.githubRepository = "homelab")),
        at("runners-scale", "homelab/github", add(l -> l.github(github("example/homelab").runners(runners("r").scale(3, 1))))),
        new Breaker("dns-zones", s -> "homelab/dns", s -> s.build().dns(cloudflare(s.domain, s.domain))),
        new Breaker("dns-ttl", s -> "homelab/dns/zones/" + s.domain, s -> s.build().dns(cloudflare().zone(zone(s.domain).ttl(30)))),
        at("resource-quantity", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).resources("50m", "1Gi1Gi", "2Gi")))),
        at("resource-request-limit", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).resources("50m", "2Gi", "1Gi")))),
        at("image-reference", "homelab/apps/broken", add(l -> l.apps(app("broken", "ghcr.io/Example/broken:1.0.0")))),
        at("admin-host-ui", "homelab/dataServices/cache",
            add(l -> l.dataServices(redis("cache").adminHost("cache-admin").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        at("calendar-schedule", "homelab/resticBackups/r2",
            add(l -> l.resticBackups(restic("r2", node("nas"), "restic").paths("/srv/data").schedule("nightly")))),
        at("export-options", "homelab/nodes/disky/disks/m",
            add(l -> l.nodes(node("disky").disks(mediaDisk("m", "/dev/sdb").exportOptions("rw sync"))))),
        at("plain-secret-value", "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("GREETING", "ghp_" + "x".repeat(36))))),
        at("endpoint-host", "homelab/vpn",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).endpoint("vpn.example.com:51820")))),
        at("nfs-sub-path", "homelab/storage/nfs-up", add(l -> l.storage(nfsStorageClass("nfs-up", node("nas"), "data").subPath("../up")))),
        new Breaker("terraform-state-key", s -> "homelab/terraformState",
            s -> s.build().terraformState(terraformState(s.offsite()).key("../homelab.tfstate"))),
        new Breaker("chart-version", s -> "homelab/ingress",
            tweak(s -> s.traefik = traefik().publicIp(s.ip(240)).internalIp(s.ip(241)).chartVersion("latest"))),
        at("etcd-folder", "homelab/cluster", tweak(s -> {
          s.serverArches = times(3, Arch.AMD64);
          s.snapshotFolder = "etcd/../..";
        })));
  }

  @Provide
  Arbitrary<LabSpec> validLabs() {
    return LabArbitraries.validSpecs();
  }

  @Provide
  Arbitrary<Breaker> breakers() {
    return Arbitraries.of(catalogue());
  }

  @Property
  void generated_labs_are_valid(@ForAll("validLabs") LabSpec spec) {
    assertThat(Expect.problems(spec.build())).isEmpty();
  }

  @Property(tries = 1000)
  void breaking_one_rule_reports_exactly_that_rule_at_its_path(@ForAll("validLabs") LabSpec spec, @ForAll("breakers") Breaker breaker) {
    List<String> found = Expect.problems(breaker.breaks.apply(spec)).stream()
        .map(p -> p.rule() + " @ " + p.path() + " (" + p + ")").collect(Collectors.toList());

    assertThat(found).isNotEmpty();
    assertThat(found).allMatch(f -> f.startsWith(breaker.rule + " @ " + breaker.path.apply(spec) + " ("),
        "only " + breaker.rule + " at " + breaker.path.apply(spec));
  }

  /** Every breaker once on a fixed mixed-arch HA lab with every kind of app, so none depends on luck. */
  @Example
  void every_breaker_breaks_only_its_rule_on_a_fixed_lab() {
    LabSpec spec = new LabSpec();
    spec.serverArches = new ArrayList<>(times(3, Arch.ARM64));
    spec.agentArches = new ArrayList<>(List.of(Arch.AMD64));
    int i = 0;
    for (Exposure exposure : Exposure.values()) {
      LabSpec.AppSpec a = new LabSpec.AppSpec();
      a.name = "app-" + i++;
      a.exposure = exposure;
      a.metrics = true;
      a.volume = true;
      a.archOfNode = exposure.ordinal();
      a.pinned = exposure == Exposure.INTERNAL;
      spec.apps.add(a);
    }
    assertThat(Expect.problems(spec.build())).isEmpty();
    for (Breaker breaker : catalogue()) {
      assertThat(Expect.problems(breaker.breaks.apply(spec))).as(breaker.rule).isNotEmpty()
          .allMatch(p -> p.rule().equals(breaker.rule) && p.path().equals(breaker.path.apply(spec)), breaker.rule);
    }
  }

  /**
   * Ids of the one-object checks ({@code violations()} of the model values). There is no registry of
   * them: this list was taken from the {@code when/add/Violation.of} calls under {@code dev.homelab.model}
   * and must be extended with each new check. {@link #catalogue_breakers_are_known_rules} keeps it from
   * missing an id the catalogue breaks.
   */
  static final List<String> VALUE_CHECK_IDS = List.of("absolute-path", "acme-email", "cron-job-command", "cron-job-name", "cron-job-unique", "cron-schedule", "crowdsec-lapi-ip",
      "device-path", "disk-devices", "dns-ttl", "dns-zones", "dump-only-postgres", "env-name", "env-plain-secret", "file-path",
      "etcd-retention", "github-repository", "host-postgres", "http-path", "image-pinned", "k3s-cidrs", "k3s-version",
      "node-label", "pihole-lb-ip", "port", "port-name", "port-unique", "probe-command",
      "prometheus-retention", "receiver-name", "receiver-unique", "replicas", "restic-paths", "retention-empty", "root-reason", "run-as-root",
      "runners-scale", "s3-target", "seed-file-on-volume", "size-quantity", "snapshots-need-btrfs", "ssh-user", "startup-minutes", "taint", "time-zone",
      "traefik-sides", "upgrade-concurrency", "upgrade-version", "upgrade-window", "vpn-peer-ip", "vpn-peer-unique",
      "vpn-subnet", "wireguard-key", "writable-dir", "resource-quantity", "resource-request-limit", "image-reference", "admin-host-ui",
      "calendar-schedule", "export-options", "plain-secret-value", "endpoint-host", "nfs-sub-path", "terraform-state-key",
      "chart-version", "etcd-folder", "domain-name");

  /** Ids of the cross-object rules of the standard validator; the walk over the values is not one of them. */
  private static List<String> crossObjectRuleIds() {
    return Validator.standard().rules().stream().map(Rule::id).filter(id -> !id.equals(ValueRules.ID))
        .collect(Collectors.toList());
  }

  @Example
  void catalogue_has_one_breaker_per_rule() {
    List<String> rules = catalogue().stream().map(b -> b.rule).collect(Collectors.toList());
    assertThat(rules).doesNotHaveDuplicates().doesNotContainAnyElementsOf(UNIT_TESTED_ONLY);
  }

  @Example
  void every_cross_object_rule_has_a_breaker_or_an_example_test() {
    List<String> covered = new ArrayList<>(UNIT_TESTED_ONLY);
    catalogue().forEach(b -> covered.add(b.rule));
    assertThat(covered).containsAll(crossObjectRuleIds());
  }

  @Example
  void every_value_check_has_a_breaker_or_an_example_test() {
    List<String> covered = new ArrayList<>(UNIT_TESTED_ONLY);
    catalogue().forEach(b -> covered.add(b.rule));
    assertThat(covered).containsAll(VALUE_CHECK_IDS);
  }

  @Example
  void catalogue_breakers_are_known_rules() {
    List<String> known = new ArrayList<>(crossObjectRuleIds());
    known.addAll(VALUE_CHECK_IDS);
    assertThat(known).containsAll(catalogue().stream().map(b -> b.rule).collect(Collectors.toList()))
        .containsAll(UNIT_TESTED_ONLY);
  }
}
