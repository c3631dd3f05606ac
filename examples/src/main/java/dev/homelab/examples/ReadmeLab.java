package dev.homelab.examples;

import static dev.homelab.Homelab.*;

import dev.homelab.cli.HomelabCli;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.network.Traefik;

/** The short lab of the README (a test keeps it valid). */
public final class ReadmeLab {
  private ReadmeLab() {}

  public static Lab lab() {
    S3Target offsite = s3("offsite", "https://s3.eu-central-003.backblazeb2.com", "my-backups");
    Traefik traefik = traefik().publicIp("192.168.1.240").internalIp("192.168.1.241");

    return homelab("home")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .nodes(
            node("pi1").arm64().controlPlane().ip("192.168.1.11"),
            node("pi2").arm64().controlPlane().ip("192.168.1.12"),
            node("pi3").arm64().controlPlane().ip("192.168.1.13"),
            node("nuc").amd64().worker().ip("192.168.1.20"))
        .cluster(k3s("v1.33.4+k3s1").ha())
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"))
        .ingress(traefik)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .security(crowdsec().lapiIp("192.168.1.242").appsec())
        .backups(offsite)
        .apps(app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache")
            .port(80).host("cloud").publicVia(traefik)
            .volume("data", "/var/www/html", "100Gi").backup(offsite)
            // Installs itself on first start, so no web installer faces the internet.
            .env("NEXTCLOUD_ADMIN_USER", secret("nextcloud-admin", "user"))
            .env("NEXTCLOUD_ADMIN_PASSWORD", secret("nextcloud-admin", "password"))
            .env("SQLITE_DATABASE", "nextcloud"))
        .dns(cloudflare("example.com"));
  }

  public static void main(String[] args) {
    System.exit(HomelabCli.run(ReadmeLab::lab, args)); // render | validate | show
  }
}
