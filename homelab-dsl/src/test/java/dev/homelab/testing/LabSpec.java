package dev.homelab.testing;

import dev.homelab.model.app.Protocol;
import static dev.homelab.Homelab.*;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.Probe;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.AutoUpgrade;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import java.util.ArrayList;
import java.util.List;

/**
 * The knobs of a generated lab: {@link LabArbitraries} draws them so that {@link #build()} always
 * gives a valid lab, and property tests turn one knob (or add one part) to break exactly one rule.
 * Fields are public and mutable on purpose: a breaker works on a {@link #copy()}.
 */
public final class LabSpec {
  /** One generated app: its exposure, whether it scrapes metrics, its volume, its arch constraint, its ports and probe. */
  public static final class AppSpec {
    public String name;
    public Exposure exposure = Exposure.CLUSTER;
    public boolean metrics;
    public boolean volume;
    public boolean explicitClass;
    /** -1: multi-arch; else the index of a node whose arch the image is limited to. */
    public int archOfNode = -1;
    public boolean pinned;
    /** Adds a TCP and a UDP port besides the HTTP port. */
    public boolean extraPorts;
    public Probe.Kind probe = Probe.Kind.HTTP;

    AppSpec copy() {
      AppSpec c = new AppSpec();
      c.name = name;
      c.exposure = exposure;
      c.metrics = metrics;
      c.volume = volume;
      c.explicitClass = explicitClass;
      c.archOfNode = archOfNode;
      c.pinned = pinned;
      c.extraPorts = extraPorts;
      c.probe = probe;
      return c;
    }
  }

  public int octet = 1;
  public String lan;
  public String domain = "example.com";
  public String timeZone = "Etc/UTC";
  public String version = "v1.33.4+k3s1";
  public boolean k3s = true;
  public List<Arch> serverArches = new ArrayList<>(List.of(Arch.ARM64));
  public List<Arch> agentArches = new ArrayList<>();
  public Arch nasArch = Arch.AMD64;
  public String clusterCidr = "10.42.0.0/16";
  public String serviceCidr = "10.43.0.0/16";
  public String apiEndpoint;
  public boolean snapshots = true;
  public int snapshotRetention = 5;
  public String snapshotTarget = "offsite";
  /** etcd snapshot folder in the bucket; null keeps the default. */
  public String snapshotFolder;
  public AutoUpgrade upgrade = autoUpgrade();
  public boolean localStorageDisabled;
  public String vpnSubnet = "10.8.0.0/24";
  public String vpnGateway = "nas";
  public boolean appsec;
  public boolean crowdsecLapi = true;
  public Tls tls = certManager("admin@example.com", secret("cloudflare-api-token", "token"));
  public boolean withTls = true;
  public boolean withCrowdsec = true;
  public boolean withMonitoring = true;
  public Traefik traefik;
  public String githubRepository = "example/homelab";
  public List<AppSpec> apps = new ArrayList<>();

  /** An independent copy to break. */
  public LabSpec copy() {
    LabSpec c = new LabSpec();
    c.octet = octet;
    c.lan = lan;
    c.domain = domain;
    c.timeZone = timeZone;
    c.version = version;
    c.k3s = k3s;
    c.serverArches = new ArrayList<>(serverArches);
    c.agentArches = new ArrayList<>(agentArches);
    c.nasArch = nasArch;
    c.clusterCidr = clusterCidr;
    c.serviceCidr = serviceCidr;
    c.apiEndpoint = apiEndpoint;
    c.snapshots = snapshots;
    c.snapshotRetention = snapshotRetention;
    c.snapshotTarget = snapshotTarget;
    c.snapshotFolder = snapshotFolder;
    c.upgrade = upgrade;
    c.localStorageDisabled = localStorageDisabled;
    c.vpnSubnet = vpnSubnet;
    c.vpnGateway = vpnGateway;
    c.appsec = appsec;
    c.crowdsecLapi = crowdsecLapi;
    c.tls = tls;
    c.withTls = withTls;
    c.withCrowdsec = withCrowdsec;
    c.withMonitoring = withMonitoring;
    c.traefik = traefik;
    c.githubRepository = githubRepository;
    apps.forEach(a -> c.apps.add(a.copy()));
    return c;
  }

  /** {@code 192.168.<octet>.<host>}. */
  public String ip(int host) {
    return "192.168." + octet + "." + host;
  }

  public boolean isHa() {
    return serverArches.size() >= 3;
  }

  /** Node names in declaration order: servers {@code s1..}, agents {@code a1..}, then {@code nas}. */
  public List<String> nodeNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < serverArches.size(); i++) {
      names.add("s" + (i + 1));
    }
    for (int i = 0; i < agentArches.size(); i++) {
      names.add("a" + (i + 1));
    }
    names.add("nas");
    return names;
  }

  public List<Arch> nodeArches() {
    List<Arch> arches = new ArrayList<>(serverArches);
    arches.addAll(agentArches);
    arches.add(nasArch);
    return arches;
  }

  public Traefik traefik() {
    return traefik != null ? traefik : dev.homelab.Homelab.traefik().publicIp(ip(240)).internalIp(ip(241));
  }

  public S3Target offsite() {
    return s3("offsite", "https://s3.example.net", "homelab-backups");
  }

  private static DataService onNfsIf(boolean nfs, DataService s) {
    return nfs ? s.storage(s.storageSize(), nfsStorageClass("nfs-data", node("nas"), "data")) : s;
  }

  /** The lab these knobs describe. */
  public Lab build() {
    S3Target offsite = offsite();
    Traefik traefik = traefik();
    List<String> names = nodeNames();
    List<Arch> arches = nodeArches();
    Lab lab = homelab("generated").lan(lan != null ? lan : "192.168." + octet + ".0/24").domain(domain).timeZone(timeZone);
    for (int i = 0; i < names.size(); i++) {
      Node n = node(names.get(i)).ip(ip(11 + i));
      n = arches.get(i) == Arch.ARM64 ? n.arm64() : n.amd64();
      if (i < serverArches.size()) {
        n = n.controlPlane();
      }
      if (names.get(i).equals("nas")) {
        n = n.disks(
            btrfsRaid1("data", "/dev/disk/by-id/ssd-a", "/dev/disk/by-id/ssd-b").exportOverNfs(),
            mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs(),
            backupDisk("restic", "/dev/disk/by-label/restic"))
            .postgres(hostPostgres("15").databases("homeassistant").allowFrom("192.168." + octet + ".0/24").backup(offsite));
      }
      lab = lab.nodes(n);
    }
    if (k3s) {
      K3s cluster = k3s(version).clusterCidr(clusterCidr).serviceCidr(serviceCidr).upgrades(upgrade);
      if (isHa()) {
        cluster = cluster.ha();
        if (snapshots) {
          cluster = cluster.etcdSnapshots((snapshotFolder == null ? etcdSnapshots() : etcdSnapshots().folder(snapshotFolder)).retention(snapshotRetention).toS3(s3(snapshotTarget, "https://s3.example.net", "homelab-backups")));
        }
      }
      if (apiEndpoint != null) {
        cluster = cluster.apiEndpoint(apiEndpoint);
      }
      if (localStorageDisabled) {
        cluster = cluster.disable(BuiltIn.LOCAL_STORAGE);
      }
      lab = lab.cluster(cluster);
    }
    String vpnBase = AddressRange.parseCidr(vpnSubnet).map(r -> Ipv4.format(r.first())).orElse("10.8.0.0");
    long vpnFirst = Ipv4.parse(vpnBase).get();
    lab = lab.loadBalancer(pool("lan", ip(240) + "-" + ip(250)), pool("dns", ip(53) + "/32").manualOnly())
        .ingress(traefik)
        .vpn(wireguard(vpnSubnet).gateway(node(vpnGateway))
            .peer("laptop", TestLabs.PEER_KEY, Ipv4.format(vpnFirst + 2) + "/32")
            .peer("phone", "cGhvbmUtcHVibGljLWtleS1wbGFjZWhvbGRlcj09PT0=", Ipv4.format(vpnFirst + 3) + "/32"))
        .storage(nfsStorageClass("nfs-data", node("nas"), "data"))
        .staticVolumes(staticVolume("media", node("nas"), "media", "4Ti"))
        .backups(offsite)
        .resticBackups(restic("local", node("nas"), "restic").paths("/srv/data"));
    if (withTls) {
      lab = lab.tls(tls);
    }
    if (withCrowdsec) {
      var c = crowdsecLapi ? crowdsec().lapiIp(ip(242)) : crowdsec().withoutFirewallBouncers();
      lab = lab.security(appsec ? c.appsec() : c);
    }
    // without k3s' local-path, node-local volumes name the NFS class instead
    if (withMonitoring) {
      lab = lab.monitoring(localStorageDisabled ? monitoring().storage("20Gi", nfsStorageClass("nfs-data", node("nas"), "data")) : monitoring());
    }
    DataService postgres = onNfsIf(localStorageDisabled, postgres("postgres").backup(offsite));
    DataService redis = onNfsIf(localStorageDisabled, redis("redis"));
    lab = lab.dataServices(postgres, redis, onNfsIf(localStorageDisabled, pihole("pihole").loadBalancerIp(ip(53)).adminHost("pihole")));
    for (AppSpec a : apps) {
      App app = app(a.name, "ghcr.io/example/" + a.name + ":1.0." + a.name.length()).uses(postgres, redis);
      if (a.exposure == Exposure.PUBLIC) {
        app = app.publicVia(traefik);
      } else if (a.exposure == Exposure.INTERNAL) {
        app = app.internalVia(traefik);
      }
      if (a.metrics) {
        app = app.metrics("/metrics");
      }
      if (a.volume) {
        app = app.volume(a.explicitClass ? claim("data", "/data", "1Gi").storageClass(nfsStorageClass("nfs-data", node("nas"), "data")) : claim("data", "/data", "1Gi"));
      }
      if (a.extraPorts) {
        app = app.extraPort("grpc", 9090).extraPort("discovery", 7359, Protocol.UDP);
      }
      if (a.probe == Probe.Kind.TCP) {
        app = app.tcpProbe();
      } else if (a.probe == Probe.Kind.EXEC) {
        app = app.execProbe("/app/healthcheck");
      } else {
        app = app.healthPath("/healthz");
      }
      if (a.archOfNode >= 0) {
        int node = a.archOfNode % names.size();
        app = app.arches(arches.get(node));
        if (a.pinned) {
          app = app.runsOn(node(names.get(node)));
        }
      }
      lab = lab.apps(app);
    }
    return lab.github(github(githubRepository).runners(runners("homelab-runners")))
        .dns(cloudflare(domain))
        .terraformState(terraformState(offsite));
  }
}
