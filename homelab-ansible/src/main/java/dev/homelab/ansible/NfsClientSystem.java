package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Node;
import java.util.List;
import java.util.Map;

/** {@code nfs-common} on every node once something is exported: kubelet mounts NFS volumes itself. */
final class NfsClientSystem extends HostSystem {
  static final String GROUP = "nfs_client";

  NfsClientSystem(Lab lab) {
    super(lab, GROUP, "NFS client on every node");
  }

  @Override
  Map<String, List<String>> groups() {
    boolean exported = lab.nodes().stream().anyMatch(n -> !NfsServerSystem.exported(n).isEmpty());
    return group(GROUP, exported ? lab.nodes().stream().map(Node::name).toList() : List.of());
  }

  @Override
  Map<String, Object> vars() {
    return Map.of();
  }

  @Override
  Map<String, Object> play() {
    Map<String, Object> play = super.play();
    play.remove("vars_files");
    return play;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_nfs_client");
  }
}
