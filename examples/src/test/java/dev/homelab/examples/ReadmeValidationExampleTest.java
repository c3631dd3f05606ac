package dev.homelab.examples;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.network.Traefik;
import dev.homelab.validation.ValidationException;
import org.junit.jupiter.api.Test;

/** Keeps the validation example of the README true. */
class ReadmeValidationExampleTest {

  @Test
  void should_report_the_seven_problems_the_readme_shows() {
    Traefik t = traefik();

    assertThatThrownBy(() -> homelab("home").lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"),
            node("pi2").arm64().controlPlane().ip("10.0.0.12"))
        .cluster(k3s("v1.33.4+k3s1").ha())
        .ingress(t)
        .apps(app("nextcloud", "docker.io/library/nextcloud:31.0.8-apache").port(80).publicVia(t))
        .validate())
        .isInstanceOf(ValidationException.class)
        .hasMessage("7 problems in the homelab model:\n"
            + "homelab/nodes/pi2: IP 10.0.0.12 is outside the LAN 192.168.1.0/24. Use an address inside 192.168.1.0/24 or fix homelab.lan(...)\n"
            + "homelab/cluster: HA with embedded etcd needs an odd number of servers, found 2. Make 3 or 1 nodes controlPlane()\n"
            + "homelab/ingress: Traefik's two LoadBalancer Services (traefik and traefik-internal) both need ports 80 and 443, and without a MetalLB pool "
            + "k3s' ServiceLB binds each port once per node: the second never starts. Add a pool with homelab.loadBalancer(pool(\"lan\", \"192.168.1.240-192.168.1.250\")) and give Traefik an address of it for each side: traefik().publicIp(...).internalIp(...)\n"
            + "homelab/apps/nextcloud: publicVia(traefik) needs CrowdSec in front of it. Call homelab.security(crowdsec())\n"
            + "homelab/apps/nextcloud: publicVia(traefik) needs a domain. Call homelab.domain(\"example.com\")\n"
            + "homelab/apps/nextcloud: publicVia(traefik) needs TLS certificates. Call homelab.tls(certManager(\"admin@example.com\", secret(\"cloudflare-api-token\", \"token\")))\n"
            + "homelab/apps/nextcloud: public Nextcloud without NEXTCLOUD_ADMIN_USER and NEXTCLOUD_ADMIN_PASSWORD serves its web installer to the internet. Call .env(\"NEXTCLOUD_ADMIN_USER\", secret(\"nextcloud-admin\", \"user\")).env(\"NEXTCLOUD_ADMIN_PASSWORD\", secret(\"nextcloud-admin\", \"password\")) so the image installs itself on first start");
  }
}
