package dev.homelab.ansible;

import dev.homelab.model.host.TaintEffect;
import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.cluster.SecretsEncryption;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.List;

/** Labs built with the DSL, as a user would write them (tests cannot depend on the examples module). */
final class TestLabs {
  private TestLabs() {}

  /** Like the reference lab: 3 arm64 servers, an arm64 storage agent and an amd64 agent, every host system. */
  static Lab reference() {
    S3Target offsite = offsite().region("eu-central-003");
    return home("reference")
        .nodes(servers())
        .nodes(storagePi4(),
            nuc().label("homelab.dev/class", "compute")
                .postgres(hostPostgres("15").databases("homeassistant").allowFrom("192.168.1.0/24").backup(offsite)))
        .cluster(haK3s(offsite))
        .loadBalancer(LAN_POOL)
        .ingress(TRAEFIK)
        .vpn(wireguard("10.8.0.0/24").gateway(node("nuc")).endpoint("vpn.example.com").peer("laptop", PEER_KEY, "10.8.0.2/32"))
        .security(CROWDSEC)
        .backups(offsite)
        .resticBackups(restic("local", node("pi4"), "restic").paths("/srv/data", "/etc/rancher"));
  }

  /** One server, nothing else: SQLite, no etcd flags, an empty agent group. */
  static Lab singleServer() {
    return homelab("tiny")
        .lan("10.0.0.0/24")
        .sshUser("pi")
        .nodes(node("solo").arm64().controlPlane().ip("10.0.0.2").label("homelab.dev/role", "all-in-one"))
        .cluster(k3s("v1.33.4+k3s1"));
  }

  /** {@code servers} servers (HA when more than one), then arm64 and amd64 agents in turn. */
  static Lab cluster(int servers, int agents) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 1; i <= servers; i++) {
      nodes.add(node("server" + i).amd64().controlPlane().ip("192.168.10." + (10 + i)));
    }
    for (int i = 1; i <= agents; i++) {
      Node agent = node("agent" + i).worker().ip("192.168.10." + (100 + i));
      nodes.add(i % 2 == 1 ? agent.arm64() : agent.amd64());
    }
    var k3s = k3s("v1.32.7+k3s1");
    return homelab("c" + servers + "x" + agents)
        .lan("192.168.10.0/24")
        .nodes(nodes.toArray(Node[]::new))
        .cluster(servers > 1 ? k3s.ha() : k3s);
  }

  /** Five HA servers (a tainted one declared first), arm64 and amd64 agents, local etcd snapshots. */
  static Lab fiveServers() {
    return homelab("five")
        .lan("192.168.20.0/24")
        .nodes(
            node("cp-e").amd64().controlPlane().ip("192.168.20.15")
                .taint("node-role.kubernetes.io/control-plane", "true", TaintEffect.NO_SCHEDULE),
            node("cp-a").arm64().controlPlane().ip("192.168.20.11"),
            node("cp-d").arm64().controlPlane().ip("192.168.20.14"),
            node("cp-b").arm64().controlPlane().ip("192.168.20.12"),
            node("cp-c").amd64().controlPlane().ip("192.168.20.13"),
            node("arm-worker").arm64().ip("192.168.20.21").label("homelab.dev/os-flavour", "raspios"),
            node("amd-worker").amd64().ip("192.168.20.22").sshUser("ops"))
        .cluster(k3s("v1.33.4+k3s1").ha().secretsEncryption(SecretsEncryption.SECRETBOX)
            .clusterCidr("10.52.0.0/16").serviceCidr("10.53.0.0/16")
            .etcdSnapshots(etcdSnapshots()))
        .security(crowdsec().withoutFirewallBouncers());
  }
}
