package dev.homelab.k8s;

import static dev.homelab.Homelab.*;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.BuiltIn;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.storage.StaticVolume;
import java.util.List;

/** Labs for the backend's tests: one like the reference homelab, written here (tests never use the examples). */
final class TestLabs {
  private TestLabs() {}

  static final S3Target OFFSITE = s3("offsite", "https://s3.example.org", "lab-backups")
      .region("eu-central-1").retention(keep().daily(7).weekly(4));
  static final Traefik TRAEFIK = traefik().publicIp("192.168.1.240").internalIp("192.168.1.241");

  /**
   * Public, internal and cluster apps, every data service, TLS through cert-manager, CrowdSec with
   * AppSec, monitoring with a receiver, NFS storage with a static media volume, upgrades and
   * runners: every standard component renders. Valid under the model's rules.
   */
  static Lab referenceLike() {
    DataService postgres = postgres("postgres").backup(OFFSITE);
    DataService redis = redis("redis");
    DataService rabbitmq = rabbitmq("rabbitmq").adminHost("rabbitmq");
    DataService pihole = pihole("pihole").loadBalancerIp("192.168.1.53").adminHost("pihole");
    StaticVolume media = staticVolume("media", "pi4", "media", "4Ti").readOnly();
    return homelab("test")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .timeZone("Europe/Paris")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"),
            node("pi4").arm64().worker().ip("192.168.1.14")
                .disks(btrfsRaid1("data", "/dev/disk/by-id/usb-ssd-a", "/dev/disk/by-id/usb-ssd-b").exportOverNfs(),
                    mediaDisk("media", "/dev/disk/by-label/media").exportOverNfs()),
            node("nuc").amd64().worker().ip("192.168.1.20"))
        // NFS is the default class, so k3s' local-path must not be one too
        .cluster(k3s("v1.33.4+k3s1").disable(BuiltIn.LOCAL_STORAGE)
            .upgrades(autoUpgrade().channel("v1.33").concurrency(1)
                .window(List.of("saturday", "sunday"), "03:00", "06:00", "Europe/Paris")))
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"), pool("dns", "192.168.1.53/32").manualOnly())
        .ingress(TRAEFIK)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .vpn(wireguard("10.8.0.0/24").gateway("nuc"))
        .security(crowdsec().lapiIp("192.168.1.242").appsec())
        .monitoring(monitoring()
            .receiver("ops", AlertReceiver.Kind.WEBHOOK, secret("alertmanager-webhook", "url"))
            .storage("20Gi", "nfs-data"))
        .storage(nfsStorageClass("nfs-data", "pi4", "data").asDefault())
        .staticVolumes(media)
        .backups(OFFSITE)
        .dataServices(postgres, redis, rabbitmq, pihole)
        .apps(
            app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache")
                .port(80).host("cloud").publicVia(TRAEFIK).backup(OFFSITE)
                .uses(postgres, redis)
                .volume("data", "/var/www/html", "100Gi")
                .env("POSTGRES_HOST", "postgres.postgres.svc.cluster.local")
                .env("POSTGRES_PASSWORD", secret("nextcloud-db", "password"))
                .resources("250m", "512Mi", "2Gi")
                .healthPath("/status.php")
                .runAsUser(33),
            app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).metrics("/metrics"),
            app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7")
                .port(8096).host("media").internalVia(TRAEFIK)
                .extraPort("discovery", 7359, "UDP")
                .volume(mount(media, "/media"))
                .volume(claim("config", "/config", "10Gi").storageClass("nfs-data"))
                .runsOn("pi4")
                .healthPath("/health"),
            app("homeassistant", "ghcr.io/home-assistant/home-assistant:2025.8.3")
                .port(8123).host("home").internalVia(TRAEFIK).arches(Arch.AMD64),
            app("worker", "ghcr.io/example/worker:2.0.1").uses(rabbitmq, redis).metrics("/metrics"))
        .github(github("example/homelab").runners(runners("homelab-runners").scale(0, 2)))
        .dns(cloudflare("example.com"))
        .validate();
  }

  /**
   * The smallest lab with a route: one internal app, Traefik's own ACME resolver (which keeps its
   * state on one volume, so one replica), no CrowdSec, no pools.
   */
  static Lab acmeLab() {
    Traefik traefik = traefik().replicas(1);
    return homelab("acme").domain("example.com").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .ingress(traefik)
        .tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")).staging())
        .apps(app("whoami", "docker.io/traefik/whoami:v1.11.0").port(80).internalVia(traefik))
        .validate();
  }

  /** The backend's output for {@code lab}, after the model's validation (as the CLI does it). */
  static RenderedFiles render(Lab lab) {
    return new KubernetesBackend().render(lab.validate());
  }
}
