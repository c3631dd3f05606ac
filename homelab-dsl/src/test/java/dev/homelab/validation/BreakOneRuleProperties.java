package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.network.Exposure;
import dev.homelab.fixtures.LabArbitraries;
import dev.homelab.fixtures.LabSpec;
import dev.homelab.fixtures.TestLabs;
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
  /**
   * Checks the catalogue cannot break alone in a generated lab; each has its own example test. A null
   * argument never reaches a lab: {@code DslNullArgumentsTest} passes null to every DSL method.
   */
  static final List<Check> UNIT_TESTED_ONLY = List.of(Checks.PUBLIC_NEEDS_DOMAIN, Checks.INTERNAL_NEEDS_DOMAIN,
      Checks.EXPOSURE_NEEDS_TRAEFIK, Checks.ADMIN_HOST_NEEDS_TRAEFIK, Checks.TLS_NEEDS_DOMAIN, Checks.WAF_NEEDS_TRAEFIK,
      Checks.VPN_ENDPOINT, Checks.LOCAL_VOLUMES_NEED_LOCAL_PATH,
      // a generated lab without pools also leaves Pi-hole's and the LAPI's fixed IPs in no pool (fixed-ip-in-pool)
      Checks.TRAEFIK_NEEDS_POOL,
      // a bad domain also makes every routed host name invalid (host-name)
      Checks.DOMAIN_NAME, Checks.NULL_ARGUMENT,
      // warnings: problems() never lists them (GroupAndInternalTlsRulesTest, StorageAndBackupRulesTest)
      Checks.INTERNAL_NEEDS_TLS, Checks.INTERNAL_NEEDS_DNS, Checks.NO_EFFECT, Checks.LOCAL_CLAIMS_BACKED_UP);

  private static final String IMAGE = "ghcr.io/example/broken:1.0.0";

  /** Breaks one rule of a valid lab; {@code path} is where the problem must be reported. */
  static final class Breaker {
    final Check rule;
    final Function<LabSpec, String> path;
    final Function<LabSpec, Lab> breaks;

    Breaker(Check rule, Function<LabSpec, String> path, Function<LabSpec, Lab> breaks) {
      this.rule = rule;
      this.path = path;
      this.breaks = breaks;
    }

    @Override
    public String toString() {
      return rule.id();
    }
  }

  private static Breaker at(Check rule, String path, Function<LabSpec, Lab> breaks) {
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
        at(Checks.LAN_CIDR, "homelab", tweak(s -> s.lan = "192.168." + s.octet + ".1/24")),
        at(Checks.TIME_ZONE, "homelab", tweak(s -> s.timeZone = "Mars/Olympus")),
        at(Checks.SSH_USER, "homelab", add(l -> l.sshUser("Admin User"))),
        at(Checks.NODES_PRESENT, "homelab/nodes", tweak(s -> s.serverArches.clear())),
        at(Checks.NODE_IP, "homelab/nodes/stray", add(l -> l.nodes(node("stray").ip("10.250.0.1")))),
        new Breaker(Checks.NODE_IP_UNIQUE, s -> "homelab/nodes/twin", s -> s.build().nodes(node("twin").ip(s.ip(11)))),
        at(Checks.TAINT, "homelab/nodes/tainted", add(l -> l.nodes(node("tainted").taint("bad key", "v", dev.homelab.model.host.TaintEffect.NO_SCHEDULE)))),
        at(Checks.NODE_LABEL, "homelab/nodes/labelled", add(l -> l.nodes(node("labelled").label("bad key", "v")))),
        at(Checks.NODE_LABEL_RESERVED, "homelab/nodes/labelled", add(l -> l.nodes(node("labelled").label("node-role.kubernetes.io/worker", "true")))),
        at(Checks.DISK_DEVICES, "homelab/nodes/disky/disks/d",
            add(l -> l.nodes(node("disky").disks(Disk.of("d", DiskUse.DATA, List.of("/dev/sda"))))) ),
        at(Checks.DEVICE_PATH, "homelab/nodes/disky/disks/m", add(l -> l.nodes(node("disky").disks(mediaDisk("m", "sdb"))))),
        at(Checks.SNAPSHOTS_NEED_BTRFS, "homelab/nodes/disky/disks/m",
            add(l -> l.nodes(node("disky").disks(mediaDisk("m", "/dev/sdb").snapshots(keep().daily(7)))))),
        at(Checks.HOST_POSTGRES, "homelab/nodes/db", add(l -> l.nodes(node("db").postgres(hostPostgres("fifteen"))))),
        at(Checks.UNIQUE_NAMES, "homelab/nodes/nas", add(l -> l.nodes(node("nas")))),
        at(Checks.DNS_NAME, "homelab/apps/Broken_App", add(l -> l.apps(app("Broken_App", IMAGE)))),
        at(Checks.SERVICE_NAME, "homelab/apps/2fa", add(l -> l.apps(app("2fa", IMAGE)))),
        at(Checks.K3S_PRESENT, "homelab/cluster", tweak(s -> {
          s.k3s = false;
          s.localStorageDisabled = false;
        })),
        at(Checks.K3S_VERSION, "homelab/cluster", tweak(s -> s.version = "1.33")),
        at(Checks.ETCD_ODD_SERVERS, "homelab/cluster", tweak(s -> s.serverArches = times(4, Arch.ARM64))),
        at(Checks.K3S_CIDRS, "homelab/cluster", tweak(s -> s.serviceCidr = "10.42.0.0/16")),
        at(Checks.K3S_CIDR_LAN, "homelab/cluster", tweak(s -> s.clusterCidr = "192.168.0.0/16")),
        at(Checks.API_ENDPOINT, "homelab/cluster", tweak(s -> s.apiEndpoint = "k3s.example.com:6443")),
        at(Checks.API_ENDPOINT_IN_LAN, "homelab/cluster", tweak(s -> s.apiEndpoint = "10.250.0.1")),
        at(Checks.API_VIP, "homelab/cluster", add(l -> l.cluster(l.cluster().orElseThrow().apiVip("10.250.0.1")))),
        at(Checks.NODE_HARDWARE, "homelab/nodes/tiny", add(l -> l.nodes(node("tiny").hardware(hardware("Tiny", 0, "1Gi"))))),
        at(Checks.RUNS_ON_CLASS_KNOWN, "homelab/apps/broken",
            add(l -> l.apps(app("broken", IMAGE).runsOn(nodesLabelled("homelab.dev/class", "nowhere"))))),
        at(Checks.NODE_CAPACITY, "homelab/nodes/small", add(l -> {
          var small = node("small").hardware(hardware("Small", 1, "1Gi"));
          return l.nodes(small).apps(app("broken", IMAGE).runsOn(small).resources("2", "128Mi", "512Mi"));
        })),
        at(Checks.ETCD_SNAPSHOTS_NEED_HA, "homelab/cluster", s -> {
          LabSpec c = s.copy();
          c.serverArches = times(1, Arch.ARM64);
          c.localStorageDisabled = false;
          return c.build().cluster(k3s(c.version).etcdSnapshots(etcdSnapshots()));
        }),
        at(Checks.ETCD_S3_TARGET_KNOWN, "homelab/cluster", tweak(s -> {
          s.serverArches = times(3, Arch.AMD64);
          s.snapshotTarget = "ghost";
        })),
        at(Checks.ETCD_RETENTION, "homelab/cluster", tweak(s -> {
          s.serverArches = times(3, Arch.AMD64);
          s.snapshotRetention = 0;
        })),
        at(Checks.UPGRADE_VERSION, "homelab/cluster", tweak(s -> s.upgrade = autoUpgrade().version("1.34"))),
        at(Checks.UPGRADE_CONCURRENCY, "homelab/cluster", tweak(s -> s.upgrade = autoUpgrade().concurrency(0))),
        at(Checks.UPGRADE_WINDOW, "homelab/cluster",
            tweak(s -> s.upgrade = autoUpgrade().window(java.time.LocalTime.of(3, 0, 30), java.time.LocalTime.of(6, 0), "Etc/UTC", java.time.DayOfWeek.SATURDAY))),
        at(Checks.POOL_ADDRESSES, "homelab/loadBalancer/far", add(l -> l.loadBalancer(pool("far", "10.250.0.0/28")))),
        new Breaker(Checks.POOL_NODE_OVERLAP, s -> "homelab/loadBalancer/nodes",
            s -> s.build().loadBalancer(pool("nodes", s.ip(11) + "/32"))),
        new Breaker(Checks.POOLS_DISJOINT, s -> "homelab/loadBalancer/again",
            s -> s.build().loadBalancer(pool("again", s.ip(245) + "-" + s.ip(246)))),
        new Breaker(Checks.FIXED_IP_IN_POOL, s -> "homelab/dataServices/dns2",
            s -> s.build().dataServices(pihole("dns2").loadBalancerIp(s.ip(100)).storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))),
        new Breaker(Checks.LB_IP_UNIQUE, s -> "homelab/dataServices/dns2",
            s -> s.build().dataServices(pihole("dns2").loadBalancerIp(s.ip(53)).storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))),
        new Breaker(Checks.TRAEFIK_SIDES, s -> "homelab/ingress", tweak(s -> s.traefik = traefik().publicIp(s.ip(240)).internalIp(s.ip(240)))),
        // every generated lab has Pi-hole, and its admin UI is an internal route
        at(Checks.TRAEFIK_ROUTE_IPS, "homelab/ingress", tweak(s -> s.traefik = traefik().publicIp(s.ip(240)))),
        at(Checks.INTERNAL_ROUTES_KEEP_CLIENT_IP, "homelab/ingress", tweak(s -> s.traefik = s.traefik().withoutClientIp())),
        at(Checks.TRAEFIK_ACME, "homelab/ingress", tweak(s -> s.tls = traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")))),
        at(Checks.ACME_EMAIL, "homelab/tls", tweak(s -> s.tls = certManager("admin", secret("cloudflare-api-token", "token")))),
        at(Checks.CROWDSEC_LAPI_IP, "homelab/security", add(l -> l.security(crowdsec()))),
        at(Checks.PUBLIC_NEEDS_TLS, "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.withTls = false;
          noPublicApps(c);
          return c.build().apps(app("broken", IMAGE).publicVia(c.traefik()));
        }),
        at(Checks.PUBLIC_NEEDS_CROWDSEC, "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.withCrowdsec = false;
          noPublicApps(c);
          return c.build().apps(app("broken", IMAGE).publicVia(c.traefik()));
        }),
        new Breaker(Checks.PUBLIC_NEEDS_DNS_ZONE, s -> "homelab/apps/broken",
            s -> s.build().apps(app("broken", IMAGE).publicVia(s.traefik()).host("broken.elsewhere.org"))),
        at(Checks.VPN_SUBNET, "homelab/vpn", tweak(s -> s.vpnSubnet = "10.8.0.1/24")),
        at(Checks.VPN_SUBNET_OVERLAP, "homelab/vpn", tweak(s -> s.vpnSubnet = "10.42.0.0/24")),
        at(Checks.VPN_GATEWAY, "homelab/vpn", tweak(s -> s.vpnGateway = "router")),
        at(Checks.VPN_PEER_IP, "homelab/vpn/peers/tablet",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).peer("tablet", vpnKey, "10.9.9.9/32")))),
        at(Checks.VPN_PEER_UNIQUE, "homelab/vpn/peers/a",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).peer("a", vpnKey, "10.8.0.2/32").peer("a", vpnKey, "10.8.0.3/32")))),
        at(Checks.WIREGUARD_KEY, "homelab/vpn/peers/tablet",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).peer("tablet", "short", "10.8.0.2/32")))),
        at(Checks.STORAGE_CLASS_DISK, "homelab/storage/nfs-x", add(l -> l.storage(nfsStorageClass("nfs-x", node("nas"), "restic")))),
        at(Checks.STATIC_VOLUME_DISK, "homelab/staticVolumes/vx", add(l -> l.staticVolumes(staticVolume("vx", node("ghost"), "media", "1Ti")))),
        at(Checks.STORAGE_CLASS_KNOWN, "homelab/apps/broken/volumes/data",
            add(l -> l.apps(app("broken", IMAGE).volume(claim("data", "/data", "1Gi").storageClass(nfsStorageClass("ghost", node("nas"), "data")))))),
        at(Checks.STATIC_VOLUME_KNOWN, "homelab/apps/broken/volumes/ghost",
            add(l -> l.apps(app("broken", IMAGE).volume(mount(staticVolume("ghost", node("nas"), "media", "1Ti"), "/m"))))),
        at(Checks.STATIC_VOLUME_SINGLE_CLAIM, "homelab/apps/b2/volumes/sv", add(l -> {
          var sv = staticVolume("sv", node("nas"), "media", "1Ti");
          return l.staticVolumes(sv).apps(app("b1", IMAGE).volume(mount(sv, "/m")), app("b2", IMAGE).volume(mount(sv, "/m")));
        })),
        // a default NFS class next to k3s' local-path, which is the default while enabled
        at(Checks.ONE_DEFAULT_STORAGE_CLASS, "homelab/storage/nfs-more", s -> {
          LabSpec copy = s.copy();
          copy.localStorageDisabled = false;
          return copy.build().storage(nfsStorageClass("nfs-more", node("nas"), "data").asDefault());
        }),
        at(Checks.BACKUP_TARGET_KNOWN, "homelab/apps/broken",
            add(l -> l.apps(app("broken", IMAGE).backup(s3("ghost", "https://s3.example.net", "ghost-bucket"))))),
        at(Checks.TERRAFORM_STATE_TARGET_KNOWN, "homelab/terraformState",
            add(l -> l.terraformState(terraformState(s3("ghost", "https://s3.example.net", "ghost-bucket"))))),
        at(Checks.RESTIC_DISK, "homelab/resticBackups/r2", add(l -> l.resticBackups(restic("r2", node("nas"), "data").paths("/srv/media")))),
        at(Checks.RESTIC_PATHS, "homelab/resticBackups/r2", add(l -> l.resticBackups(restic("r2", node("nas"), "restic")))),
        at(Checks.RETENTION_EMPTY, "homelab/backups/cold",
            add(l -> l.backups(s3("cold", "https://s3.example.net", "cold-bucket").retention(keep())))),
        at(Checks.S3_TARGET, "homelab/backups/cold", add(l -> l.backups(s3("cold", "ftp://s3.example.net", "cold-bucket")))),
        at(Checks.ABSOLUTE_PATH, "homelab/apps/broken/volumes/data", add(l -> l.apps(app("broken", IMAGE).volume("data", "data", "1Gi")))),
        at(Checks.SQLITE_PATH, "homelab/apps/broken",
            add(l -> l.apps(app("broken", IMAGE).volume("data", "/data", "1Gi").sqliteDatabase("/srv/app.db")))),
        at(Checks.SIZE_QUANTITY, "homelab/apps/broken/volumes/data", add(l -> l.apps(app("broken", IMAGE).volume("data", "/data", "1GB")))),
        at(Checks.PORT, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).port(0)))),
        at(Checks.REPLICAS, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).replicas(0)))),
        at(Checks.STARTUP_MINUTES, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).startupMinutes(0)))),
        at(Checks.IMAGE_PINNED, "homelab/apps/broken", add(l -> l.apps(app("broken", "nginx:latest")))),
        at(Checks.KNOWN_APP, "homelab/apps/broken", add(l -> l.apps(app("broken")))),
        at(Checks.RUN_AS_ROOT, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).runAsUser(0)))),
        at(Checks.HTTP_PATH, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).healthPath("health")))),
        at(Checks.PROBE_COMMAND, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).execProbe()))),
        at(Checks.PORT_NAME, "homelab/apps/broken/extraPorts/Discovery", add(l -> l.apps(app("broken", IMAGE).extraPort("Discovery", 7359)))),
        at(Checks.PORT_UNIQUE, "homelab/apps/broken/extraPorts/http", add(l -> l.apps(app("broken", IMAGE).extraPort("http", 8081)))),
        at(Checks.ENV_NAME, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("1BAD", "x")))),
        at(Checks.MOUNT_PATH_UNIQUE, "homelab/apps/broken/volumes/cache",
            add(l -> l.apps(app("broken", IMAGE).volume("data", "/data", "1Gi").volume("cache", "/data", "1Gi")))),
        at(Checks.WRITABLE_DIR, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).writableDir("etc/app")))),
        at(Checks.FILE_PATH, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).configFile("/etc/my app.conf", "")))),
        at(Checks.SEED_FILE_ON_VOLUME, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).seedFile("/etc/app.conf", "")))),
        new Breaker(Checks.PUBLIC_NEXTCLOUD_INSTALLS, s -> "homelab/apps/broken",
            s -> s.build().apps(app("broken", "docker.io/library/nextcloud:31.0.8-apache").publicVia(s.traefik()))),
        at(Checks.APP_GROUP, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).group("Bad_Group")))),
        at(Checks.NAMESPACE_RESERVED, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).group("kube-system")))),
        at(Checks.GROUP_POD_SECURITY, "homelab/apps/broken",
            add(l -> l.apps(app("plain", IMAGE).group("grp"), app("broken", IMAGE).group("grp").runAsRoot("its init runs as root")))),
        at(Checks.GROUP_NAMES_COLLIDE, "homelab/apps/broken-x",
            add(l -> l.apps(app("broken", IMAGE).group("grp"), app("broken-x", IMAGE).group("grp")))),
        at(Checks.ENV_PLAIN_SECRET, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("API_TOKEN", "plain-value")))),
        at(Checks.SECRET_NAME, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("X", secret("Bad_Name", "k"))))),
        at(Checks.VERSION_FORMAT, "homelab/versions/ACTION_CHECKOUT", add(l -> l.version(dev.homelab.versions.VersionKey.ACTION_CHECKOUT, "v4 main"))),
        new Breaker(Checks.ROUTES_VIA_LAB_INGRESS, s -> "homelab/apps/broken",
            s -> s.build().apps(app("broken", IMAGE).internalVia(s.traefik().entrypoints("websecure", "lan")))),
        new Breaker(Checks.HOST_NAME, s -> "homelab/apps/broken", s -> s.build().apps(app("broken", IMAGE).internalVia(s.traefik()).host("Bad_Host"))),
        new Breaker(Checks.HOST_UNIQUE, s -> "homelab/dataServices/pihole",
            s -> s.build().apps(app("broken", IMAGE).internalVia(s.traefik()).host("pihole"))),
        at(Checks.RUNS_ON_KNOWN, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).runsOn(node("ghost"))))),
        at(Checks.USES_KNOWN, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).uses(postgres("ghost-db"))))),
        at(Checks.RESERVED_SERVICE_USER, "homelab/apps/template1", add(l -> l.apps(app("template1", IMAGE).uses(postgres("postgres"))))),
        at(Checks.HOST_POSTGRES_PRESENT, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).uses(postgresOn(node("ghost")))))),
        at(Checks.HOST_POSTGRES_REACHABLE, "homelab/apps/broken", add(l -> {
          var db = node("db").postgres(hostPostgres("15"));
          return l.nodes(db).apps(app("broken", IMAGE).uses(postgresOn(db)));
        })),
        at(Checks.HOST_DATABASE_UNIQUE, "homelab/apps/b2", add(l -> {
          // an unused address of the generated LAN: the nodes count up from .11, the pools sit at .53 and .240-.250
          var db = node("db").ip(l.nodes().get(0).ip().orElseThrow().replaceFirst("\\.\\d+$", ".230")).postgres(hostPostgres("15"));
          return l.nodes(db).apps(app("b1", IMAGE).uses(postgresOn(db).database("shared")), app("b2", IMAGE).uses(postgresOn(db).database("shared")));
        })),
        at(Checks.ARCH_PINNED_NODE, "homelab/apps/broken",
            add(l -> l.nodes(node("odd").amd64()).apps(app("broken", IMAGE).arches(Arch.ARM64).runsOn(node("odd"))))),
        at(Checks.ARCH_NO_NODE, "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.serverArches = times(c.serverArches.size(), Arch.ARM64);
          c.agentArches = times(c.agentArches.size(), Arch.ARM64);
          c.nasArch = Arch.ARM64;
          return c.build().apps(app("broken", IMAGE).arches(Arch.AMD64));
        }),
        at(Checks.METRICS_NEED_MONITORING, "homelab/apps/broken", s -> {
          LabSpec c = s.copy();
          c.withMonitoring = false;
          c.apps.forEach(a -> a.metrics = false);
          return c.build().apps(app("broken", IMAGE).metrics("/metrics"));
        }),
        at(Checks.CRON_SCHEDULE, "homelab/dataServices/cache", add(l -> l.dataServices(redis("cache").backupSchedule("nightly").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        new Breaker(Checks.DATA_BACKUP_KIND, s -> "homelab/dataServices/dns", s -> s.build().dataServices(pihole("dns").loadBalancerIp(s.ip(249)).backup(s.offsite()).storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))),
        new Breaker(Checks.APP_DATABASE_BACKED_UP, s -> "homelab/dataServices/db2", s -> s.build().dataServices(postgres("db2").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data")))
            .apps(app("keeper", IMAGE).backup(s.offsite()).uses(postgres("db2")))),
        at(Checks.ROOT_ONLY_IMAGE, "homelab/apps/ha2", add(l -> l.apps(app("ha2", "ghcr.io/home-assistant/home-assistant:2025.8.3")))),
        at(Checks.ROOT_REASON, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).runAsRoot("")))),
        at(Checks.CRON_JOB_NAME, "homelab/apps/broken/cronJobs/Nightly", add(l -> l.apps(app("broken", IMAGE).cronJob("Nightly", "0 3 * * *", "true")))),
        at(Checks.CRON_JOB_COMMAND, "homelab/apps/broken/cronJobs/nightly", add(l -> l.apps(app("broken", IMAGE).cronJob("nightly", "0 3 * * *")))),
        at(Checks.AFTER_RESTORE_COMMAND, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).afterRestore(" ", "scan")))),
        at(Checks.CRON_JOB_UNIQUE, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE)
            .cronJob("nightly", "0 3 * * *", "true").cronJob("nightly", "0 4 * * *", "true")))),
        at(Checks.PIHOLE_LB_IP, "homelab/dataServices/dns2", add(l -> l.dataServices(pihole("dns2").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        at(Checks.PROMETHEUS_RETENTION, "homelab/monitoring", add(l -> l.monitoring(monitoring().retention("forever").storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        at(Checks.RECEIVER_UNIQUE, "homelab/monitoring", add(l -> l.monitoring(monitoring().storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("hook-a", "url"))
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("hook-b", "url"))))),
        at(Checks.RECEIVER_NAME, "homelab/monitoring", add(l -> l.monitoring(monitoring().storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data"))
            .receiver("Ops_1", AlertReceiver.Kind.WEBHOOK, secret("hook-a", "url"))))),
        at(Checks.GITHUB_REPOSITORY, "homelab/github", tweak(s -> s.githubRepository = "homelab")),
        at(Checks.RUNNERS_SCALE, "homelab/github", add(l -> l.github(github("example/homelab").runners(runners("r").scale(3, 1))))),
        at(Checks.RUNNERS_GROUP, "homelab/github", add(l -> l.github(github("example/homelab").runners(runners("r").runnerGroup(""))))),
        new Breaker(Checks.DNS_ZONES, s -> "homelab/dns", s -> s.build().dns(cloudflare(s.domain, s.domain))),
        new Breaker(Checks.DNS_TTL, s -> "homelab/dns/zones/" + s.domain, s -> s.build().dns(cloudflare().zone(zone(s.domain).ttl(30)))),
        at(Checks.RESOURCE_QUANTITY, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).resources("50m", "1Gi1Gi", "2Gi")))),
        at(Checks.MEMORY_MINIMUM, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).resources("50m", "128Mi", "512m")))),
        at(Checks.RESOURCE_REQUEST_LIMIT, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).resources("50m", "2Gi", "1Gi")))),
        at(Checks.IMAGE_REFERENCE, "homelab/apps/broken", add(l -> l.apps(app("broken", "ghcr.io/Example/broken:1.0.0")))),
        at(Checks.ADMIN_HOST_UI, "homelab/dataServices/cache",
            add(l -> l.dataServices(redis("cache").adminHost("cache-admin").storage("1Gi", nfsStorageClass("nfs-data", node("nas"), "data"))))),
        at(Checks.CALENDAR_SCHEDULE, "homelab/resticBackups/r2",
            add(l -> l.resticBackups(restic("r2", node("nas"), "restic").paths("/srv/data").schedule("nightly")))),
        at(Checks.EXPORT_OPTIONS, "homelab/nodes/disky/disks/m",
            add(l -> l.nodes(node("disky").disks(mediaDisk("m", "/dev/sdb").exportOptions("rw sync"))))),
        at(Checks.PLAIN_SECRET_VALUE, "homelab/apps/broken", add(l -> l.apps(app("broken", IMAGE).env("GREETING", "ghp_" + "x".repeat(36))))),
        at(Checks.ENDPOINT_HOST, "homelab/vpn",
            add(l -> l.vpn(wireguard("10.8.0.0/24").gateway(node("nas")).endpoint("vpn.example.com:51820")))),
        at(Checks.NFS_SUB_PATH, "homelab/storage/nfs-up", add(l -> l.storage(nfsStorageClass("nfs-up", node("nas"), "data").subPath("../up")))),
        new Breaker(Checks.TERRAFORM_STATE_KEY, s -> "homelab/terraformState",
            s -> s.build().terraformState(terraformState(s.offsite()).key("../homelab.tfstate"))),
        new Breaker(Checks.CHART_VERSION, s -> "homelab/ingress",
            tweak(s -> s.traefik = traefik().publicIp(s.ip(240)).internalIp(s.ip(241)).chartVersion("latest"))),
        at(Checks.ETCD_FOLDER, "homelab/cluster", tweak(s -> {
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
        .map(p -> p.check() + " @ " + p.path() + " (" + p + ")").collect(Collectors.toList());

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
      assertThat(Expect.problems(breaker.breaks.apply(spec))).as(breaker.rule.id()).isNotEmpty()
          .allMatch(p -> p.check().equals(breaker.rule) && p.path().equals(breaker.path.apply(spec)), breaker.rule.id());
    }
  }

  @Example
  void catalogue_has_one_breaker_per_check() {
    List<Check> rules = catalogue().stream().map(b -> b.rule).collect(Collectors.toList());
    assertThat(rules).doesNotHaveDuplicates().doesNotContainAnyElementsOf(UNIT_TESTED_ONLY);
  }

  /** The registry is the list: a new check fails here until it has a breaker or is declared unit-tested only. */
  @Example
  void every_registered_check_has_a_breaker_or_an_example_test() {
    List<Check> covered = new ArrayList<>(UNIT_TESTED_ONLY);
    catalogue().forEach(b -> covered.add(b.rule));
    assertThat(covered).containsAll(Checks.all());
  }
}
