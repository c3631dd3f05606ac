package dev.homelab.k8s;

import dev.homelab.model.app.Protocol;
import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.data.DataService;
import dev.homelab.model.host.Arch;
import dev.homelab.model.network.Traefik;
import dev.homelab.model.storage.StaticVolume;

/** Labs for the backend's tests: one like the reference homelab, written here (tests never use the examples). */
final class TestLabs {
  private TestLabs() {}

  static final S3Target OFFSITE = offsite().region("eu-central-1").retention(keep().daily(7).weekly(4));

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
    StaticVolume media = staticVolume("media", node("pi4"), "media", "4Ti").readOnly();
    return home("test")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"), pi4().disks(nfsDisks()), nuc())
        .cluster(k3s("v1.33.4+k3s1").upgrades(weekendUpgrades().concurrency(1)))
        .loadBalancer(LAN_POOL, DNS_POOL)
        .ingress(TRAEFIK)
        .tls(CERT_MANAGER)
        .vpn(wireguard("10.8.0.0/24").gateway(node("nuc")))
        .security(CROWDSEC.appsec())
        .monitoring(monitoringOps())
        .storage(nfsData())
        .staticVolumes(media)
        .backups(OFFSITE)
        .dataServices(postgres, redis, rabbitmq, pihole)
        .apps(
            app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache")
                .port(80).host("cloud").publicVia(TRAEFIK).backup(OFFSITE)
                .uses(postgres, redis)
                .volume("data", "/var/www/html", "100Gi")
                .writableDir("/usr/local/etc/php/conf.d")
                .env("NEXTCLOUD_ADMIN_USER", secret("nextcloud-admin", "user"))
                .env("NEXTCLOUD_ADMIN_PASSWORD", secret("nextcloud-admin", "password"))
                .env("POSTGRES_HOST", postgres.host())
                .env("POSTGRES_DB", postgres.databaseFor("nextcloud"))
                .env("POSTGRES_USER", postgres.databaseFor("nextcloud"))
                .env("POSTGRES_PASSWORD", postgres.credentialsFor("nextcloud"))
                .resources("250m", "512Mi", "2Gi")
                .healthPath("/status.php")
                .runAsUser(33),
            app("blog", "ghcr.io/example/blog:1.4.2").publicVia(TRAEFIK).metrics("/metrics"),
            app("jellyfin", "docker.io/jellyfin/jellyfin:10.10.7")
                .port(8096).host("media").internalVia(TRAEFIK)
                .extraPort("discovery", 7359, Protocol.UDP)
                .volume(mount(media, "/media"))
                .volume(claim("config", "/config", "10Gi").storageClass(nfsStorageClass("nfs-data", node("nas"), "data")))
                .runsOn(node("pi4"))
                .healthPath("/health"),
            app("homeassistant", "ghcr.io/home-assistant/home-assistant:2025.8.3")
                .port(8123).host("home").internalVia(TRAEFIK).arches(Arch.AMD64).runAsRoot("s6-overlay init")
                .volume("config", "/config", "5Gi")
                .seedFile("/config/configuration.yaml", "homeassistant:\n  packages: !include_dir_named packages\n")
                .configFile("/config/packages/lab.yaml", "http:\n  use_x_forwarded_for: true\n")
                .env("HA_DB_URL", secret("homeassistant-db", "url")
                    .holding("postgresql://homeassistant:<password>@192.168.1.20:5432/homeassistant")),
            app("worker", "ghcr.io/example/worker:2.0.1").uses(rabbitmq, redis).metrics("/metrics"))
        .github(githubRunners())
        .dns(cloudflare("example.com"))
        .validate();
  }

  /**
   * The smallest lab with a route: one internal app, Traefik's own ACME resolver (which keeps its
   * state on one volume, so one replica), no CrowdSec, one pool (Traefik's two Services need MetalLB).
   */
  static Lab acmeLab() {
    Traefik traefik = traefik().replicas(1);
    return homelab("acme").domain("example.com").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .loadBalancer(LAN_POOL)
        .ingress(traefik)
        .tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")).staging())
        .apps(app("whoami", "docker.io/traefik/whoami:v1.11.0").port(80).internalVia(traefik))
        .validate();
  }

  /** One node and one cluster-only app: no platform component at all. */
  static Lab clusterOnlyLab() {
    return homelab("plain").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .apps(app("whoami", "docker.io/traefik/whoami:v1.11.0").port(80))
        .validate();
  }

  /** The backend's output for {@code lab}, after the model's validation (as the CLI does it). */
  static RenderedFiles render(Lab lab) {
    return new KubernetesBackend().render(lab.validate());
  }
}
