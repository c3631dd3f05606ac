package dev.homelab.testing;

import static dev.homelab.Homelab.*;

import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.Probe;
import dev.homelab.model.app.Protocol;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.storage.NfsStorageClass;
import java.util.ArrayList;
import java.util.List;

/**
 * The drawn knobs of one generated lab. {@link #build()} turns any combination {@link LabArbitrary}
 * draws into a lab with zero problems: every part a knob adds brings what the rules ask of it
 * (public apps a domain, TLS and CrowdSec; HA etcd snapshots a target; NFS classes an exported disk).
 * jqwik shrinks the lists (fewer agents, fewer apps) and each flag towards its first value, and every
 * smaller shape still builds a valid lab.
 */
record LabShape(
    int octet,
    String domain,
    List<Arch> serverArches,
    List<Arch> agentArches,
    boolean separateStorage,
    Arch storageArch,
    boolean localStorageDisabled,
    boolean appsec,
    List<AppShape> apps) {

  /** One generated app. {@code archOfNode} -1: multi-arch, else the node whose arch its image is limited to. */
  record AppShape(
      Exposure exposure,
      boolean usesPostgres,
      boolean usesRedis,
      boolean metrics,
      boolean volume,
      boolean explicitClass,
      int archOfNode,
      boolean pinned,
      boolean extraPorts,
      Probe.Kind probe,
      boolean backup,
      boolean usesPreviousApp) {}

  /** Generated apps run placeholder images under this registry. */
  static final String IMAGE_REGISTRY = "ghcr.io/example/";

  /** Pi-hole's load-balancer IP, alone in MetalLB pool {@code dns}. */
  private static final int DNS_HOST = 53;

  /** MetalLB pool {@code lan}, which holds Traefik's and CrowdSec's fixed IPs. */
  private static final int POOL_FIRST = 240;

  private static final int POOL_LAST = 250;

  /** The most nodes a lab numbers: {@code .11} to {@code .254} but for the addresses the lab reserves. */
  static final int MAX_NODES = 254 - 10 - 1 - (POOL_LAST - POOL_FIRST + 1);

  String ip(int host) {
    return "192.168." + octet + "." + host;
  }

  /**
   * The last byte of the {@code index}-th node's address (from 0): {@code .11} upwards, around
   * Pi-hole's {@code .53} and the pool {@code .240-.250}.
   */
  static int nodeHost(int index) {
    if (index < 0 || index >= MAX_NODES) {
      throw new IllegalArgumentException("node index " + index + ": a generated lab numbers at most " + MAX_NODES + " nodes");
    }
    int host = 10;
    for (int i = 0; i <= index; i++) {
      host++;
      while (host == DNS_HOST || (host >= POOL_FIRST && host <= POOL_LAST)) {
        host++;
      }
    }
    return host;
  }

  String lan() {
    return "192.168." + octet + ".0/24";
  }

  /** The node with the disks, the host PostgreSQL and the VPN gateway: {@code nas}, or the first server. */
  String storageNode() {
    return separateStorage ? "nas" : "s1";
  }

  List<String> nodeNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < serverArches.size(); i++) {
      names.add("s" + (i + 1));
    }
    for (int i = 0; i < agentArches.size(); i++) {
      names.add("a" + (i + 1));
    }
    if (separateStorage) {
      names.add("nas");
    }
    return names;
  }

  List<Arch> nodeArches() {
    List<Arch> arches = new ArrayList<>(serverArches);
    arches.addAll(agentArches);
    if (separateStorage) {
      arches.add(storageArch);
    }
    return arches;
  }

  boolean ha() {
    return serverArches.size() >= 3;
  }

  Lab build() {
    S3Target offsite = s3("offsite", "https://s3.example.net", "homelab-backups");
    Traefik traefik = traefik().publicIp(ip(POOL_FIRST)).internalIp(ip(POOL_FIRST + 1));
    NfsStorageClass nfs = nfsStorageClass("nfs-data", node(storageNode()), "data");
    List<String> names = nodeNames();
    List<Arch> arches = nodeArches();
    Lab lab = homelab("generated").lan(lan()).domain(domain);
    for (int i = 0; i < names.size(); i++) {
      Node n = node(names.get(i)).ip(ip(nodeHost(i)));
      n = arches.get(i) == Arch.ARM64 ? n.arm64() : n.amd64();
      if (i < serverArches.size()) {
        n = n.controlPlane();
      }
      if (names.get(i).equals(storageNode())) {
        n = n.disks(
                btrfsRaid1("data", "/dev/disk/by-id/ssd-a", "/dev/disk/by-id/ssd-b").exportOverNfs(),
                mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs(),
                backupDisk("restic", "/dev/disk/by-label/restic"))
            .postgres(hostPostgres("15").databases("homeassistant").allowFrom(lan()).backup(offsite));
      }
      lab = lab.nodes(n);
    }
    K3s cluster = k3s("v1.33.4+k3s1").upgrades(autoUpgrade());
    if (ha()) {
      cluster = cluster.ha().etcdSnapshots(etcdSnapshots().retention(5).toS3(offsite));
    }
    if (localStorageDisabled) {
      cluster = cluster.disable(BuiltIn.LOCAL_STORAGE);
    }
    lab = lab.cluster(cluster)
        .loadBalancer(pool("lan", ip(POOL_FIRST) + "-" + ip(POOL_LAST)), pool("dns", ip(DNS_HOST) + "/32").manualOnly())
        .ingress(traefik)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .vpn(wireguard("10.8.0.0/24").gateway(node(storageNode()))
            .peer("laptop", "bGFwdG9wLXB1YmxpYy1rZXktcGxhY2Vob2xkZXI9PT0=", "10.8.0.2/32")
            .peer("phone", "cGhvbmUtcHVibGljLWtleS1wbGFjZWhvbGRlcj09PT0=", "10.8.0.3/32"))
        .security(appsec ? crowdsec().lapiIp(ip(POOL_FIRST + 2)).appsec() : crowdsec().lapiIp(ip(POOL_FIRST + 2)))
        // without k3s' local-path, node-local volumes name the NFS class instead
        .monitoring(localStorageDisabled ? monitoring().storage("20Gi", nfs) : monitoring())
        .storage(nfs)
        .staticVolumes(staticVolume("media", node(storageNode()), "media", "4Ti"))
        .backups(offsite)
        .resticBackups(restic("local", node(storageNode()), "restic").paths("/srv/data"));
    DataService postgres = onNfsIf(postgres("postgres").backup(offsite), nfs);
    DataService redis = onNfsIf(redis("redis"), nfs);
    lab = lab.dataServices(postgres, redis, onNfsIf(pihole("pihole").loadBalancerIp(ip(DNS_HOST)).adminHost("pihole"), nfs));
    App previous = null;
    for (int i = 0; i < apps.size(); i++) {
      App app = generatedApp("app-" + i, apps.get(i), traefik, nfs, postgres, redis, names, arches);
      if (apps.get(i).usesPreviousApp() && previous != null) {
        app = app.uses(previous);
      }
      if (apps.get(i).backup() && apps.get(i).volume()) {
        app = app.backup(offsite);
      }
      lab = lab.apps(app);
      previous = app;
    }
    return lab.github(github("example/homelab").runners(runners("homelab-runners")))
        .dns(cloudflare(domain))
        .terraformState(terraformState(offsite));
  }

  private DataService onNfsIf(DataService s, NfsStorageClass nfs) {
    return localStorageDisabled ? s.storage(s.storageSize(), nfs) : s;
  }

  private static App generatedApp(String name, AppShape a, Traefik traefik, NfsStorageClass nfs, DataService postgres,
      DataService redis, List<String> names, List<Arch> arches) {
    App app = app(name, IMAGE_REGISTRY + name + ":1.0." + name.length());
    if (a.usesPostgres()) {
      app = app.uses(postgres);
    }
    if (a.usesRedis()) {
      app = app.uses(redis);
    }
    if (a.exposure() == Exposure.PUBLIC) {
      app = app.publicVia(traefik);
    } else if (a.exposure() == Exposure.INTERNAL) {
      app = app.internalVia(traefik);
    }
    if (a.metrics()) {
      app = app.metrics("/metrics");
    }
    if (a.volume()) {
      app = app.volume(a.explicitClass() ? claim("data", "/data", "1Gi").storageClass(nfs) : claim("data", "/data", "1Gi"));
    }
    if (a.extraPorts()) {
      app = app.extraPort("grpc", 9090).extraPort("discovery", 7359, Protocol.UDP);
    }
    if (a.probe() == Probe.Kind.TCP) {
      app = app.tcpProbe();
    } else if (a.probe() == Probe.Kind.EXEC) {
      app = app.execProbe("/app/healthcheck");
    } else {
      app = app.healthPath("/healthz");
    }
    if (a.archOfNode() >= 0) {
      int node = a.archOfNode() % names.size();
      app = app.arches(arches.get(node));
      if (a.pinned()) {
        app = app.runsOn(node(names.get(node)));
      }
    }
    return app;
  }
}
