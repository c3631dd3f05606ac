package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.host.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disks of the hosts: the Btrfs RAID-1 pair (created on blank devices), the external media
 * disk and the backup disk, each mounted through {@code /etc/fstab} with {@code nofail} so a
 * missing USB disk does not stop the boot.
 */
final class DiskSystem extends HostSystem {
  static final String BTRFS = "btrfs_raid1";
  static final String MEDIA = "media_disk";
  static final String BACKUP = "backup_disk";

  DiskSystem(Lab lab) {
    super(lab, "disks", "Disks: Btrfs RAID-1, media and backup disks");
  }

  @Override
  Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put(BTRFS, hostsWith(DiskUse.DATA));
    groups.put(MEDIA, hostsWith(DiskUse.MEDIA));
    groups.put(BACKUP, hostsWith(DiskUse.BACKUP));
    return groups;
  }

  private List<String> hostsWith(DiskUse use) {
    return lab.nodes().stream()
        .filter(n -> n.disks().stream().anyMatch(d -> d.use() == use))
        .map(Node::name)
        .toList();
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> byHost = new LinkedHashMap<>();
    for (Node node : lab.nodes()) {
      if (!node.disks().isEmpty()) {
        byHost.put(node.name(), node.disks().stream().map(DiskSystem::disk).toList());
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_disks_by_host", byHost);
    return vars;
  }

  private static Map<String, Object> disk(Disk disk) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", disk.name());
    d.put("use", disk.use().name().toLowerCase(java.util.Locale.ROOT));
    d.put("filesystem", disk.filesystem());
    d.put("label", disk.name());
    d.put("devices", disk.devices());
    d.put("mount_point", disk.mountPoint());
    d.put("mount_options", "defaults,noatime,nofail");
    // The media disk arrives with its content; only the data pair and the backup disk are created.
    d.put("format_if_blank", disk.use() != DiskUse.MEDIA);
    return d;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_disks");
  }
}
