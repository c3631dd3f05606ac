package dev.homelab.examples;

import static dev.homelab.Homelab.*;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;

import dev.homelab.cli.HomelabCli;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.cluster.SecretsEncryption;
import dev.homelab.model.data.DataService;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Hardware;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.TaintEffect;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.storage.StaticVolume;
import java.time.LocalTime;

/**
 * The reference homelab: four Raspberry Pis and an Intel NUC running k3s in HA, Traefik with a
 * public and an internal side, MetalLB, WireGuard, CrowdSec, monitoring, Btrfs RAID-1 over NFS,
 * S3 and restic backups, shared data services, apps, GitHub Actions and Terraform DNS.
 *
 * <p>Run {@code java -jar examples/target/reference-homelab.jar render --out out}.
 */
public final class ReferenceHomelab {
  private ReferenceHomelab() {}

  public static Lab lab() {
    // Off-site, S3-compatible: database dumps, etcd snapshots, Terraform state.
    S3Target offsite = s3("offsite", "https://s3.eu-central-003.backblazeb2.com", "example-homelab-backups")
        .region("eu-central-003")
        .retention(keep().daily(14).weekly(8).monthly(6));

    Traefik traefik = traefik()
        .publicIp("192.168.1.240")     // the router forwards 80/443 here
        .internalIp("192.168.1.241");  // LAN DNS (Pi-hole) and the VPN point here

    App blog = app("blog", "ghcr.io/example/blog:1.4.2").replicas(2).publicVia(traefik).metrics("/metrics");

    // Three servers keep an odd etcd quorum: two Pis and the NUC, which joined to make the control
    // plane HA; pi3 and the storage Pi are agents.
    // What the nodes are: the validation checks that the apps placed on each fit.
    Hardware pi5 = hardware("Raspberry Pi 5 8GB", 4, "8Gi");
    Node pi1 = node("pi1").arm64().controlPlane().ip("192.168.1.11").hardware(pi5);
    Node pi2 = node("pi2").arm64().controlPlane().ip("192.168.1.12").hardware(pi5);
    Node pi3 = node("pi3").arm64().worker().ip("192.168.1.13").hardware(pi5)
        .label("homelab.dev/class", "compute");
    Node pi4 = node("pi4").arm64().worker().ip("192.168.1.14").hardware(pi5)
        .label("homelab.dev/storage", "true")
        // Soft: keep general workloads off the storage node unless nothing else fits.
        .taint("homelab.dev/storage", "true", TaintEffect.PREFER_NO_SCHEDULE)
        .disks(
            btrfsRaid1("data", "/dev/disk/by-id/usb-ssd-a", "/dev/disk/by-id/usb-ssd-b")
                .snapshots(keep().hourly(24).daily(7).weekly(4))
                .exportOverNfs(),
            mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs(),
            backupDisk("restic", "/dev/disk/by-label/restic"));
    Node nuc = node("nuc").amd64().controlPlane().ip("192.168.1.20").hardware(hardware("Intel NUC 11 Pro", 8, "32Gi"))
        .label("homelab.dev/class", "compute")
        .postgres(hostPostgres("15").allowFrom("192.168.1.0/24").backup(offsite));

    // The databases on the NUC's SSD, not on a Pi's SD card beside etcd; their node-local volumes
    // stay on the node they start on. Pi-hole rebuilds its state, so it may land anywhere.
    DataService postgres = postgres("postgres").runsOn(nuc).backup(offsite);
    DataService redis = redis("redis").runsOn(nuc);
    // Its definitions (the apps' users and vhosts, queues, policies) nightly; Redis is a cache, not backed up.
    DataService rabbitmq = rabbitmq("rabbitmq").runsOn(nuc).adminHost("rabbitmq").backup(offsite);
    DataService pihole = pihole("pihole").loadBalancerIp("192.168.1.53").adminHost("pihole");

    // The media disk of pi4, mounted read-only by Jellyfin.
    StaticVolume media = staticVolume("media", pi4, "media", "4Ti").readOnly();
    NfsStorageClass nfsData = nfsStorageClass("nfs-data", pi4, "data");

    K3s cluster = k3s("v1.33.4+k3s1")
        .ha()
        .apiVip("192.168.1.10")  // keepalived on the servers; agents and kubectl use it
        .tlsSan("k3s.example.com")
        .token(secret("k3s-token", "token"))
        .agentToken(secret("k3s-agent-token", "token"))
        .secretsEncryption(SecretsEncryption.AESCBC)
        .etcdSnapshots(etcdSnapshots().schedule("0 */6 * * *").retention(20).toS3(offsite))
        .upgrades(autoUpgrade().channel("v1.33").concurrency(1)
            .window(LocalTime.of(3, 0), LocalTime.of(6, 0), "Europe/Paris", SATURDAY, SUNDAY));

    return homelab("reference")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .sshUser("admin")
        .timeZone("Europe/Paris")
        .nodes(pi1, pi2, pi3, pi4, nuc)
        .cluster(cluster)
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"), pool("dns", "192.168.1.53/32").manualOnly())
        .ingress(traefik)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .vpn(wireguard("10.8.0.0/24")
            .gateway(nuc)
            .endpoint("vpn.example.com")
            .reaches("192.168.1.0/24")
            .peer("laptop", "bGFwdG9wLXB1YmxpYy1rZXktcGxhY2Vob2xkZXI9PT0=", "10.8.0.2/32")
            .peer("phone", "cGhvbmUtcHVibGljLWtleS1wbGFjZWhvbGRlcj09PT0=", "10.8.0.3/32"))
        .security(crowdsec().lapiIp("192.168.1.242").appsec())
        .monitoring(monitoring()
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("alertmanager-webhook", "url"))
            .storage("20Gi")  // node-local: the TSDB is not supported on NFS
            .runsOn(nodesLabelled("homelab.dev/class", "compute")))  // pi3 or the NUC: off the etcd Pis' disks
        .storage(nfsData)
        .staticVolumes(media)
        .backups(offsite)
        .resticBackups(restic("local", pi4, "restic").paths("/srv/data", "/etc/rancher"))
        .dataServices(postgres, redis, rabbitmq, pihole)
        .apps(
            // Known apps: each brings its image, ports, probes, user, volumes, reverse-proxy settings
            // for this lab's host names and pod network, and the variables it reads services from (docs/apps.md).
            app("nextcloud")
                .host("cloud").publicVia(traefik).backup(offsite)
                // Installs itself on first start with its own PostgreSQL role and database, Redis as cache.
                .uses(postgres, redis)
                .volume("data", "/var/www/html", "100Gi"),  // the lab's size; on NFS (no SQLite)
            blog,
            app("jellyfin")
                .host("media").internalVia(traefik)
                .backup(offsite)  // its library database and users live on pi4's disk (local-path)
                .volume(mount(media, "/media"))
                .runsOn(pi4),
            app("homeassistant")
                .host("home").internalVia(traefik)
                .backup(offsite)  // /config (users, integrations, devices) lives on the NUC's disk
                .arches(Arch.AMD64).runsOn(nuc)
                // The recorder writes to its own database on the NUC's PostgreSQL (hostPostgres above), not to
                // SQLite: role, database and pg_hba come with uses(); HA_DB_URL is composed of the POSTGRES_* variables.
                .uses(postgresOn(nuc))
                .configFile("/config/packages/recorder.yaml", "recorder:\n  db_url: !env_var HA_DB_URL\n"),
            // A queue consumer: its port serves only /metrics, so probes just open the port.
            app("worker", "ghcr.io/example/worker:2.0.1").uses(rabbitmq, redis)
                .runsOn(nodesLabelled("homelab.dev/class", "compute"))  // any compute node: pi3 or the NUC
                .uses(blog)  // posts what it processed to the blog's API, the only app that admits it
                .metrics("/metrics").tcpProbe())
        .github(github("example/homelab").runners(runners("homelab-runners").scale(0, 2)))
        .dns(cloudflare("example.com"))
        .terraformState(terraformState(offsite));
  }

  public static void main(String[] args) {
    System.exit(HomelabCli.run(ReferenceHomelab::lab, args));
  }
}
