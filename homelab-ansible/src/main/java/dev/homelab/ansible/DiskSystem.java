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
 * disk and the backup disk, each mounted by label or UUID through {@code /etc/fstab} with
 * {@code nofail} so a missing USB disk does not stop the boot.
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
    d.put("mount_source", mountSource(disk));
    d.put("mount_point", disk.mountPoint());
    d.put("mount_options", "defaults,noatime,nofail");
    d.put("format_if_blank", formatIfBlank(disk));
    return d;
  }

  /**
   * What the play's mount check ({@code roles/homelab_disks/tasks/mounted.yml}) needs of a disk it
   * is about to write below: name, {@code mount_source}, {@code mount_point} and {@code filesystem},
   * as in {@code vars/disks.yml}.
   */
  static Map<String, Object> mounted(Disk disk) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", disk.name());
    d.put("mount_source", mountSource(disk));
    d.put("mount_point", disk.mountPoint());
    d.put("filesystem", disk.filesystem());
    return d;
  }

  /**
   * Whether the play may create the filesystem on blank devices: never on the media disk (it
   * arrives with its content), and only when every device names the disk itself
   * ({@code /dev/disk/by-id/...}, {@code /dev/sdX}...): a {@code by-label}, {@code by-uuid} or
   * {@code by-part*} link only exists once there is a filesystem or partition, so it never points
   * at a blank disk.
   */
  static boolean formatIfBlank(Disk disk) {
    return disk.use() != DiskUse.MEDIA && disk.devices().stream().noneMatch(DiskSystem::namesContent);
  }

  private static boolean namesContent(String device) {
    return FILESYSTEM_LINKS.stream().anyMatch(device::startsWith);
  }

  private static final List<String> FILESYSTEM_LINKS = List.of(
      "/dev/disk/by-label/", "/dev/disk/by-uuid/", "/dev/disk/by-partlabel/", "/dev/disk/by-partuuid/");

  /**
   * The fstab source: {@code LABEL=} or {@code UUID=} of the filesystem, never a device path. A
   * {@code by-label}/{@code by-uuid} device gives its own; otherwise the disk's name, the label the
   * play sets when it formats (an existing filesystem must carry it). For the Btrfs pair the label
   * belongs to the filesystem, not to one SSD, so losing the first device still leaves it mountable
   * (with {@code degraded}).
   */
  static String mountSource(Disk disk) {
    for (String device : disk.devices()) {
      if (device.startsWith("/dev/disk/by-label/")) {
        return "LABEL=" + device.substring("/dev/disk/by-label/".length());
      }
      if (device.startsWith("/dev/disk/by-uuid/")) {
        return "UUID=" + device.substring("/dev/disk/by-uuid/".length());
      }
    }
    return "LABEL=" + disk.name();
  }

  @Override
  String readme() {
    return """
        ### Disks

        - The play formats only blank devices named `/dev/disk/by-id/...` or `/dev/sdX` (and never the
          media disk); a device given as `/dev/disk/by-label/...` or `by-uuid` cannot point at a blank
          disk, so it is never formatted: create and label that filesystem yourself. A filesystem the
          play did not create must carry the disk's name as its label (`e2label`,
          `btrfs filesystem label`) unless its device is given by label or UUID.
        - Every disk is mounted by `LABEL=`/`UUID=` with `nofail`, never by device path. `nofail` lets
          the boot, and `mount`, go on without the disk, so the plays check with `findmnt` that each
          disk is mounted before they write below it (disks, btrbk, restic) and stop naming the disk
          otherwise. A device to format that does not exist stops the play before the format step.
        """ + (groups().get(BTRFS).isEmpty() ? "" : """
        - Btrfs RAID-1: the label belongs to the filesystem, not to one SSD. When an SSD dies the
          pair does not mount by itself (fstab has no `degraded`, on purpose: a silently degraded
          mount keeps writing unmirrored data). Mount it by hand with
          `mount -o degraded LABEL=<label> <mount point>`, then `btrfs replace start` onto the new
          SSD and `btrfs balance start -dconvert=raid1,soft -mconvert=raid1,soft` it.
        """);
  }

  @Override
  String varsComment() {
    return super.varsComment() + """

        format_if_blank: the play creates the filesystem (labelled "label") only on blank devices
        named by /dev/disk/by-id/... or /dev/sdX; a by-label/by-uuid device never points at a blank
        disk, so it is never formatted. Every disk is mounted by mount_source (LABEL= or UUID=).""";
  }

  @Override
  List<String> roles() {
    return List.of("homelab_disks");
  }
}
