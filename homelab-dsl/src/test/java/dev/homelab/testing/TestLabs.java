package dev.homelab.testing;

import static dev.homelab.Homelab.*;

import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.cluster.SecretsEncryption;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.network.Traefik;
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

  private TestLabs() {}

  /** One arm64 server on 192.168.1.0/24: the smallest valid lab. */
  public static Lab minimal() {
    return homelab("test")
        .lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"));
  }

  /** {@link #minimal()} ready for public apps: domain, MetalLB, Traefik, TLS, CrowdSec and DNS. */
  public static Lab web() {
    return minimal()
        .domain("example.com")
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"))
        .ingress(TRAEFIK)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .security(crowdsec().lapiIp("192.168.1.242"))
        .dns(cloudflare("example.com"));
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
    StaticVolume media = staticVolume("media", "pi4", "media", "4Ti");
    return homelab("reference")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .timeZone("Europe/Paris")
        .nodes(
            node("pi1").arm64().controlPlane().ip("192.168.1.11"),
            node("pi2").arm64().controlPlane().ip("192.168.1.12"),
            node("pi3").arm64().controlPlane().ip("192.168.1.13"),
            node("pi4").arm64().worker().ip("192.168.1.14")
                .label("homelab.dev/storage", "true")
                .taint("dedicated", "storage", "PreferNoSchedule")
                .disks(
                    btrfsRaid1("data", "/dev/disk/by-id/usb-ssd-a", "/dev/disk/by-id/usb-ssd-b")
                        .snapshots(keep().hourly(24).daily(7).weekly(4)).exportOverNfs(),
                    mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs(),
                    backupDisk("restic", "/dev/disk/by-label/restic")),
            node("nuc").amd64().worker().ip("192.168.1.20")
                .postgres(hostPostgres("15").databases("homeassistant").allow("192.168.1.0/24").backup(offsite)))
        .cluster(k3s("v1.33.4+k3s1")
            .ha()
            .apiEndpoint("192.168.1.11")
            .tlsSan("k3s.example.com")
            .secretsEncryption(SecretsEncryption.AESCBC)
            .disable(BuiltIn.LOCAL_STORAGE)
            .etcdSnapshots(etcdSnapshots().schedule("0 */6 * * *").retention(20).toS3(offsite))
            .upgrades(autoUpgrade().channel("v1.33").window(List.of("saturday", "sunday"), "03:00", "06:00", "Europe/Paris")))
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"), pool("dns", "192.168.1.53/32").manualOnly())
        .ingress(TRAEFIK)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .vpn(wireguard("10.8.0.0/24").gateway("nuc").endpoint("vpn.example.com")
            .peer("laptop", PEER_KEY, "10.8.0.2/32")
            .peer("phone", "cGhvbmUtcHVibGljLWtleS1wbGFjZWhvbGRlcj09PT0=", "10.8.0.3/32"))
        .security(crowdsec().lapiIp("192.168.1.242").appsec())
        .monitoring(monitoring().receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("alertmanager-webhook", "url"))
            .storage("20Gi", "nfs-data"))
        .storage(nfsStorageClass("nfs-data", "pi4", "data").asDefault())
        .staticVolumes(media)
        .backups(offsite)
        .backups(restic("local", "pi4", "restic").paths("/srv/data", "/etc/rancher"))
        .dataServices(postgres, redis, rabbitmq, pihole)
        .apps(
            app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache")
                .port(80).host("cloud").publicVia(TRAEFIK).backup(offsite).uses(postgres, redis)
                .volume("data", "/var/www/html", "100Gi")
                .env("POSTGRES_HOST", "postgres.postgres.svc.cluster.local")
                .env("POSTGRES_PASSWORD", secret("nextcloud-db", "password"))
                .healthPath("/status.php").runAsUser(33),
            app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).metrics("/metrics"),
            app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7").port(8096).host("media").internalVia(TRAEFIK)
                .volume(mount(media, "/media")).volume("config", "/config", "10Gi").runsOn("pi4"),
            app("homeassistant", "ghcr.io/home-assistant/home-assistant:2025.8.3").port(8123).host("home")
                .internalVia(TRAEFIK).arches(Arch.AMD64).runsOn("nuc").volume("config", "/config", "5Gi"),
            app("worker", "ghcr.io/example/worker:2.0.1").uses(rabbitmq, redis).metrics("/metrics"))
        .github(github("example/homelab").runners(runners("homelab-runners").scale(0, 2)))
        .dns(cloudflare("example.com"))
        .terraformState(terraformState(offsite));
  }
}
