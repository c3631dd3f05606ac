package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NFS server exporting its disks to the LAN (the cluster's nodes mount them). */
final class NfsServerSystem extends HostSystem {
  static final String GROUP = "nfs_server";

  NfsServerSystem(Lab lab) {
    super(lab, GROUP, "NFS server: exports to the LAN");
  }

  @Override
  Map<String, List<String>> groups() {
    return group(GROUP, lab.nodes().stream().filter(n -> !exported(n).isEmpty()).map(Node::name).toList());
  }

  static List<Disk> exported(Node node) {
    return node.disks().stream().filter(Disk::nfsExported).toList();
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> byHost = new LinkedHashMap<>();
    for (Node node : lab.nodes()) {
      List<Disk> disks = exported(node);
      if (!disks.isEmpty()) {
        byHost.put(node.name(), disks.stream().map(d -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("path", d.mountPoint());
          e.put("clients", lab.lan().orElseThrow());
          e.put("options", d.exportOptions());
          return (Object) e;
        }).toList());
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_nfs_exports_by_host", byHost);
    return vars;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_nfs_server");
  }
}
