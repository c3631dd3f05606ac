package dev.homelab.testing;

import dev.homelab.model.host.TaintEffect;
import static dev.homelab.Homelab.*;

import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.cluster.SecretsEncryption;
import dev.homelab.model.cluster.AutoUpgrade;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import dev.homelab.model.infra.GitHub;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.monitoring.Monitoring;
import dev.homelab.model.network.AddressPool;
import dev.homelab.model.network.Tls;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.security.CrowdSec;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import java.util.List;

/**
 * Valid labs to start tests from: each one validates with zero problems, and a test adds exactly the
 * part that breaks the rule it is about. No fixture holds a real-looking secret.
 */
public final class TestLabs {
  /** Traefik with both sides on fixed IPs of {@link #web()}'s pool. */
  public static final Traefik TRAEFIK = traefik().publicIp("192.168.1.240").internalIp("192.168.1.241");

  /** A placeholder WireGuard public key (44 characters of base64, not a real key). */
  public static final String PEER_KEY = "bGFwdG9wLXB1YmxpYy1rZXktcGxhY2Vob2xkZXI9PT0=";

  /** MetalLB's pool for LoadBalancer services on the LAN (Traefik's and CrowdSec's IPs are in it). */
  public static final AddressPool LAN_POOL = pool("lan", "192.168.1.240-192.168.1.250");

  /** A manual-only MetalLB pool with the one IP of Pi-hole. */
  public static final AddressPool DNS_POOL = pool("dns", "192.168.1.53/32").manualOnly();

  /** cert-manager with a Cloudflare DNS-01 solver (the token is a secret reference, not a value). */
  public static final Tls CERT_MANAGER = certManager("admin@example.com", secret("cloudflare-api-token", "token"));

  /** CrowdSec with its LAPI on a fixed IP of {@link #LAN_POOL}. */
  public static final CrowdSec CROWDSEC = crowdsec().lapiIp("192.168.1.242");

  private TestLabs() {}

  /** One arm64 server on 192.168.1.0/24: the smallest valid lab. */
  public static Lab minimal() {
    return minimal("test");
  }

  /** {@link #minimal()} called {@code name}. */
  public static Lab minimal(String name) {
    return homelab(name)
        .lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"));
  }

  /** {@link #minimal()} ready for public apps: domain, MetalLB, Traefik, TLS, CrowdSec and DNS. */
  public static Lab web() {
    return publicEdge(minimal().domain("example.com")).dns(cloudflare("example.com"));
  }

  /**
   * What public apps need in front of them, added to {@code lab}: {@link #LAN_POOL}, {@link #TRAEFIK},
   * {@link #CERT_MANAGER} and {@link #CROWDSEC}.
   */
  public static Lab publicEdge(Lab lab) {
    return lab.loadBalancer(LAN_POOL).ingress(TRAEFIK).tls(CERT_MANAGER).security(CROWDSEC);
  }

  /**
   * {@link #minimal(String) minimal(name)} on example.com with a plain {@code traefik()}, {@link #CERT_MANAGER} and
   * CrowdSec without host firewall bouncers: what public apps need, without MetalLB or DNS.
   */
  public static Lab webWithoutMetalLb(String name) {
    return minimal(name)
        .domain("example.com")
        .ingress(traefik())
        .tls(CERT_MANAGER)
        .security(crowdsec().withoutFirewallBouncers());
  }

  // ---- pieces of the reference homelab (the examples module's), for the backends' reference-like labs ----

  /** A lab without nodes like the reference homelab: example.com on 192.168.1.0/24, Paris time. */
  public static Lab home(String name) {
    return homelab(name).domain("example.com").lan("192.168.1.0/24").timeZone("Europe/Paris");
  }

  /** pi1, pi2 and pi3: the arm64 control-plane nodes on 192.168.1.11-13 (pi1 is the API endpoint). */
  public static Node[] servers() {
    return new Node[] {
      node("pi1").arm64().controlPlane().ip("192.168.1.11"),
      node("pi2").arm64().controlPlane().ip("192.168.1.12"),
      node("pi3").arm64().controlPlane().ip("192.168.1.13")
    };
  }

  /** pi4: the arm64 storage worker on 192.168.1.14, without disks (see {@link #nfsDisks()}). */
  public static Node pi4() {
    return node("pi4").arm64().worker().ip("192.168.1.14");
  }

  /** nuc: the amd64 worker on 192.168.1.20. */
  public static Node nuc() {
    return node("nuc").amd64().worker().ip("192.168.1.20");
  }

  /** pi4's disks exported over NFS: the btrfs RAID1 {@code data} and the {@code media} disk. */
  public static Disk[] nfsDisks() {
    return new Disk[] {dataDisk().exportOverNfs(), mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs()};
  }

  /** {@link #pi4()} as in the reference homelab: labelled, tainted, data snapshots, a restic disk. */
  public static Node storagePi4() {
    return pi4()
        .label("homelab.dev/storage", "true")
        .taint("dedicated", "storage", TaintEffect.PREFER_NO_SCHEDULE)
        .disks(
            dataDisk().snapshots(keep().hourly(24).daily(7).weekly(4)).exportOverNfs(),
            mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs(),
            backupDisk("restic", "/dev/disk/by-label/restic"));
  }

  private static Disk dataDisk() {
    return btrfsRaid1("data", "/dev/disk/by-id/usb-ssd-a", "/dev/disk/by-id/usb-ssd-b");
  }

  /**
   * The reference homelab's cluster: HA k3s behind pi1, secrets encrypted, local-path kept for
   * node-local volumes, etcd snapshots every 6 hours to {@code offsite}.
   */
  public static K3s haK3s(S3Target offsite) {
    return k3s("v1.33.4+k3s1")
        .ha()
        .apiEndpoint("192.168.1.11")
        .tlsSan("k3s.example.com")
        .secretsEncryption(SecretsEncryption.AESCBC)
        .etcdSnapshots(etcdSnapshots().schedule("0 */6 * * *").retention(20).toS3(offsite));
  }

  /** Weekend k3s upgrades following the v1.33 channel. */
  public static AutoUpgrade weekendUpgrades() {
    return autoUpgrade().channel("v1.33").window(java.time.LocalTime.of(3, 0), java.time.LocalTime.of(6, 0), "Europe/Paris", java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
  }

  /** Monitoring with an {@code ops} webhook receiver, keeping 20Gi on node-local {@code local-path}. */
  public static Monitoring monitoringOps() {
    return monitoring().receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("alertmanager-webhook", "url"))
        .storage("20Gi");
  }

  /** The shared storage class {@code nfs-data}: pi4's {@code data} disk over NFS. */
  public static NfsStorageClass nfsData() {
    return nfsStorageClass("nfs-data", node("pi4"), "data");
  }

  /** example/homelab with a runner scale set of 0 to 2 runners. */
  public static GitHub githubRunners() {
    return github("example/homelab").runners(runners("homelab-runners").scale(0, 2));
  }

  /** An amd64 worker with an exported data disk, an exported media disk and a backup disk. */
  public static Lab withNas(Lab lab) {
    return lab.nodes(node("nas").ip("192.168.1.20").disks(
        btrfsRaid1("data", "/dev/disk/by-id/ssd-a", "/dev/disk/by-id/ssd-b").exportOverNfs(),
        mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs(),
        backupDisk("restic", "/dev/disk/by-label/restic")));
  }

  /** An off-site S3 target (not added to any lab). */
  public static S3Target offsite() {
    return s3("offsite", "https://s3.example.net", "example-homelab-backups");
  }

  /** Every feature of the model, like the reference homelab of the examples module. */
  public static Lab rich() {
    S3Target offsite = offsite().region("eu-central-003").retention(keep().daily(14).weekly(8).monthly(6));
    DataService postgres = postgres("postgres").backup(offsite);
    DataService redis = redis("redis");
    DataService rabbitmq = rabbitmq("rabbitmq").adminHost("rabbitmq");
    DataService pihole = pihole("pihole").loadBalancerIp("192.168.1.53").adminHost("pihole");
    StaticVolume media = staticVolume("media", node("pi4"), "media", "4Ti");
    return home("reference")
        .nodes(servers())
        .nodes(storagePi4(),
            nuc().postgres(hostPostgres("15").databases("homeassistant").allowFrom("192.168.1.0/24").backup(offsite))
                .hardware(hardware("Intel NUC 11 Pro", 8, "32Gi")).label("homelab.dev/class", "compute"))
        .cluster(haK3s(offsite).upgrades(weekendUpgrades()))
        .loadBalancer(LAN_POOL, DNS_POOL)
        .ingress(TRAEFIK)
        .tls(CERT_MANAGER)
        .vpn(wireguard("10.8.0.0/24").gateway(node("nuc")).endpoint("vpn.example.com")
            .peer("laptop", PEER_KEY, "10.8.0.2/32")
            .peer("phone", "cGhvbmUtcHVibGljLWtleS1wbGFjZWhvbGRlcj09PT0=", "10.8.0.3/32"))
        .security(CROWDSEC.appsec())
        .monitoring(monitoringOps())
        .storage(nfsData())
        .staticVolumes(media)
        .backups(offsite)
        .resticBackups(restic("local", node("pi4"), "restic").paths("/srv/data", "/etc/rancher"))
        .dataServices(postgres, redis, rabbitmq, pihole)
        .apps(
            app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache")
                .port(80).host("cloud").publicVia(TRAEFIK).backup(offsite).uses(postgres, redis)
                .volume("data", "/var/www/html", "100Gi")
                .writableDir("/usr/local/etc/php/conf.d")
                .env("NEXTCLOUD_ADMIN_USER", secret("nextcloud-admin", "user"))
                .env("NEXTCLOUD_ADMIN_PASSWORD", secret("nextcloud-admin", "password"))
                .env("POSTGRES_HOST", postgres.host())
                .env("POSTGRES_DB", postgres.databaseFor("nextcloud"))
                .env("POSTGRES_USER", postgres.databaseFor("nextcloud"))
                .env("POSTGRES_PASSWORD", postgres.credentialsFor("nextcloud"))
                .healthPath("/status.php").runAsUser(33),
            app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).metrics("/metrics"),
            app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7").port(8096).host("media").internalVia(TRAEFIK)
                .volume(mount(media, "/media")).volume("config", "/config", "10Gi").runsOn(node("pi4")),
            app("homeassistant", "ghcr.io/home-assistant/home-assistant:2025.8.3").port(8123).host("home")
                .internalVia(TRAEFIK).arches(Arch.AMD64).runsOn(node("nuc")).runAsRoot("s6-overlay init").volume(claim("config", "/config", "5Gi").local()),
            app("worker", "ghcr.io/example/worker:2.0.1").uses(rabbitmq, redis).metrics("/metrics")
                .runsOn(nodesLabelled("homelab.dev/class", "compute")))
        .github(githubRunners())
        .dns(cloudflare("example.com"))
        .terraformState(terraformState(offsite));
  }
}
