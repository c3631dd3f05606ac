package dev.homelab.examples;

import static dev.homelab.Homelab.*;

import dev.homelab.cli.HomelabCli;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import dev.homelab.model.network.Traefik;

/**
 * Every known app of {@code app(name)} in one small lab, as docs/apps.md shows them (a test renders it
 * and checks the output): {@code java -jar examples/target/reference-homelab.jar} renders the reference
 * lab; this one renders with {@code --lab examples/src/main/java/dev/homelab/examples/KnownAppsLab.java}.
 */
public final class KnownAppsLab {
  private KnownAppsLab() {}

  public static Lab lab() {
    Traefik traefik = traefik().publicIp("192.168.1.240").internalIp("192.168.1.241");
    DataService postgres = postgres("postgres");
    DataService redis = redis("redis");

    return homelab("apps")
        .domain("example.com")
        .lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"), node("nuc").amd64().worker().ip("192.168.1.20"))
        .cluster(k3s("v1.33.4+k3s1"))
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"))
        .ingress(traefik)
        .tls(certManager("admin@example.com", secret("cloudflare-api-token", "token")))
        .security(crowdsec().lapiIp("192.168.1.242"))
        .dataServices(postgres, redis)
        .apps(
            app("nextcloud").host("cloud").publicVia(traefik).uses(postgres, redis),
            app("vaultwarden").host("vault").publicVia(traefik),
            app("forgejo").host("git").internalVia(traefik),
            app("jellyfin").host("media").internalVia(traefik),
            app("homeassistant").host("home").internalVia(traefik))
        .dns(cloudflare("example.com"));
  }

  public static void main(String[] args) {
    System.exit(HomelabCli.run(KnownAppsLab::lab, args));
  }
}
