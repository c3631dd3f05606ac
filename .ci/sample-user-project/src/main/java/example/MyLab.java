package example;

import static dev.homelab.Homelab.*;

import dev.homelab.model.Lab;
import dev.homelab.versions.VersionKey;

/** A user's lab: two nodes, MetalLB, Traefik pinned one chart release ahead of the library's file. */
public final class MyLab {
  private MyLab() {}

  public static Lab lab() {
    return homelab("home")
        .lan("192.168.1.0/24")
        .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"), node("nuc").amd64().worker().ip("192.168.1.20"))
        .cluster(k3s("v1.33.4+k3s1"))
        .loadBalancer(pool("lan", "192.168.1.240-192.168.1.250"))
        .ingress(traefik())
        .version(VersionKey.CHART_TRAEFIK, "41.4.0");
  }
}
