package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NFS server exporting its disks to the cluster's nodes only: one {@code host(options)} entry
 * per k3s node IP (the LAN for a node without an IP), never the whole LAN, because VPN peers are
 * masqueraded to the gateway's LAN address and would otherwise mount everything as root. Every
 * export gets {@code mp}, so an unmounted disk is never exported (the empty mount point on the
 * root filesystem would be); the media disk is exported with {@code root_squash}: its pods only
 * read it. Because {@code mp} guards each export on its own, the NFS server only waits for the
 * exported disks' mounts at boot ({@code After=}) and never requires them: a missing media disk
 * must not take the data volumes down with it.
 *
 * @see <a href="https://man7.org/linux/man-pages/man5/exports.5.html">exports(5)</a>
 */
final class NfsServerSystem extends HostSystem {
  static final String GROUP = "nfs_server";

  NfsServerSystem(Lab lab) {
    super(lab, GROUP, "NFS server: exports to the k3s nodes");
  }

  @Override
  Map<String, List<String>> groups() {
    return group(GROUP, lab.nodes().stream().filter(n -> !exported(n).isEmpty()).map(Node::name).toList());
  }

  static List<Disk> exported(Node node) {
    return node.disks().stream().filter(Disk::nfsExported).toList();
  }

  /** Who may mount: every k3s node's IP, in declaration order; the LAN stands in for a node without one. */
  static List<String> clients(Lab lab) {
    Set<String> clients = new LinkedHashSet<>();
    for (Node node : lab.nodes()) {
      clients.add(node.ip().orElseGet(() -> lab.lan().orElseThrow()));
    }
    return new ArrayList<>(clients);
  }

  /** The disk's export options plus {@code mp}; {@code root_squash} instead of {@code no_root_squash} on the media disk. */
  static String options(Disk disk) {
    Set<String> options = new LinkedHashSet<>();
    for (String option : disk.exportOptions().split(",")) {
      String o = option.strip();
      if (disk.use() == DiskUse.MEDIA && o.equals("no_root_squash")) {
        o = "root_squash";
      }
      if (!o.isEmpty()) {
        options.add(o);
      }
    }
    if (options.stream().noneMatch(o -> o.equals("mp") || o.startsWith("mp=") || o.startsWith("mountpoint"))) {
      options.add("mp");
    }
    return String.join(",", options);
  }

  @Override
  Map<String, Object> vars() {
    List<String> clients = clients(lab);
    Map<String, Object> byHost = new LinkedHashMap<>();
    for (Node node : lab.nodes()) {
      List<Disk> disks = exported(node);
      if (!disks.isEmpty()) {
        byHost.put(node.name(), disks.stream().map(d -> {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("path", d.mountPoint());
          e.put("mount_unit", SystemdUnits.mountUnit(d.mountPoint()));
          e.put("clients", clients);
          e.put("options", options(d));
          return (Object) e;
        }).toList());
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_nfs_exports_by_host", byHost);
    return vars;
  }

  @Override
  String readme() {
    return """
        ### NFS server

        - Each export has `mp`: a disk that is not mounted is not exported (never the empty mount
          point underneath), and rpc.mountd serves it as soon as it is mounted.
        - At boot the NFS server waits for the exported disks (`After=` their mounts, up to
          systemd's 90 s device timeout for a missing one) but does not require them: one missing
          disk does not stop the other volumes.
        """;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_nfs_server");
  }
}
