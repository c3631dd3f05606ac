package dev.homelab.model.host;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.Retention;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A filesystem on a host: a Btrfs RAID-1 pair, an external media disk or a backup disk. Build one
 * with {@link dev.homelab.Homelab#btrfsRaid1}, {@link dev.homelab.Homelab#mediaDisk} or
 * {@link dev.homelab.Homelab#backupDisk}.
 */
@Value.Immutable
@HomelabStyle
public abstract class Disk {
  Disk() {}

  /**
   * Name of the disk in the model, e.g. {@code data}; referenced by storage and backups. Required.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/fstab.5.html">fstab(5)</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * What the disk is for; set by the factory. Required.
   *
   * @see <a href="https://btrfs.readthedocs.io/en/latest/Volume-management.html">Btrfs volume management</a>
   */
  @Value.Parameter
  public abstract DiskUse use();

  /**
   * Block devices, e.g. {@code /dev/disk/by-id/...}; two for a RAID-1 pair. Required.
   *
   * @see <a href="https://wiki.archlinux.org/title/Persistent_block_device_naming">persistent block device naming</a>
   */
  @Value.Parameter
  public abstract List<String> devices();

  /**
   * Filesystem. Default: {@code btrfs} for the RAID-1 pair, {@code ext4} otherwise.
   *
   * @see <a href="https://btrfs.readthedocs.io/en/latest/mkfs.btrfs.html">mkfs.btrfs</a>
   */
  @Value.Default
  public String filesystem() {
    return use() == DiskUse.DATA ? "btrfs" : "ext4";
  }

  /**
   * Mount point. Default: {@code /srv/<name>} for data and media, {@code /mnt/<name>} for backups.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/fstab.5.html">fstab(5)</a>
   */
  @Value.Default
  public String mountPoint() {
    return (use() == DiskUse.BACKUP ? "/mnt/" : "/srv/") + name();
  }

  /**
   * Scheduled read-only Btrfs snapshots (btrbk) and how many to keep. Default: none.
   *
   * @see <a href="https://digint.ch/btrbk/doc/btrbk.conf.5.html">btrbk.conf retention</a>
   */
  public abstract Optional<Retention> snapshots();

  /**
   * Whether the disk is exported over NFS to the LAN (the cluster mounts it). Default: false.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/exports.5.html">exports(5)</a>
   */
  @Value.Default
  public boolean nfsExported() {
    return false;
  }

  /**
   * NFS export options; {@code no_root_squash} lets pods with an fsGroup own their files. Default:
   * {@code rw,sync,no_subtree_check,no_root_squash}.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/exports.5.html">exports(5)</a>
   */
  @Value.Default
  public String exportOptions() {
    return "rw,sync,no_subtree_check,no_root_squash";
  }

  /**
   * A disk; all arguments required. Prefer {@link dev.homelab.Homelab#btrfsRaid1},
   * {@link dev.homelab.Homelab#mediaDisk} or {@link dev.homelab.Homelab#backupDisk}. Default: mounted at
   * {@code /srv/<name>} ({@code /mnt/<name>} for backups), not exported, no snapshots.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/fstab.5.html">fstab(5)</a>
   */
  public static Disk of(String name, DiskUse use, List<String> devices) {
    required(name, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + nameOrUnknown(name), "Disk.of(name, …)", "the disk's name", "btrfsRaid1(\"data\", \"/dev/sda\", \"/dev/sdb\")");
    required(use, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + nameOrUnknown(name), "Disk.of(…, use, …)", "what the disk holds", "Disk.of(\"data\", DiskUse.DATA, List.of(\"/dev/sda\"))");
    requiredEach(devices, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + nameOrUnknown(name), "Disk.of(…, devices)", "a device path", "btrfsRaid1(\"data\", \"/dev/sda\", \"/dev/sdb\")");
    return ImmutableDisk.of(name, use, devices);
  }

  /**
   * Mounts the filesystem at {@code path}. Default: {@code /srv/<name>} ({@code /mnt/<name>} for backups).
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/fstab.5.html">fstab(5)</a>
   */
  public Disk mountPoint(String path) {
    required(path, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + name(), ".mountPoint(path)", "an absolute mount point", ".mountPoint(\"/srv/data\")");
    return copy().withMountPoint(path);
  }

  /**
   * Takes scheduled Btrfs snapshots with btrbk, keeping {@code retention}. Default: no snapshots.
   *
   * @see <a href="https://digint.ch/btrbk/doc/btrbk.conf.5.html">btrbk.conf retention</a>
   */
  public Disk snapshots(Retention retention) {
    required(retention, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + name(), ".snapshots(retention)", "a retention policy", ".snapshots(keep().daily(7))");
    return copy().withSnapshots(retention);
  }

  /**
   * Exports the mount point over NFS to the LAN; the host becomes an NFS server. Default: not exported.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/exports.5.html">exports(5)</a>
   */
  public Disk exportOverNfs() {
    return copy().withNfsExported(true);
  }

  /**
   * Replaces the NFS export options. Default: {@code rw,sync,no_subtree_check,no_root_squash}.
   *
   * @see <a href="https://man7.org/linux/man-pages/man5/exports.5.html">exports(5)</a>
   */
  public Disk exportOptions(String options) {
    required(options, ModelPaths.node(Arguments.UNKNOWN) + "/disks/" + name(), ".exportOptions(options)", "NFS export options", ".exportOptions(\"rw,sync,no_subtree_check\")");
    return copy().withExportOptions(options);
  }

  /** Broken invariants of this disk; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    int wanted = use() == DiskUse.DATA ? 2 : 1;
    Problems v = new Problems()
        .when(devices().size() != wanted, Checks.DISK_DEVICES, () -> (use() == DiskUse.DATA
                ? "a Btrfs RAID-1 pair needs exactly 2 devices, found " : "a " + use().name().toLowerCase(java.util.Locale.ROOT)
                + " disk needs exactly 1 device, found ") + devices().size(),
            use() == DiskUse.DATA ? "Call btrfsRaid1(name, device1, device2)" : "Give one device, e.g. /dev/disk/by-label/" + name())
        .when(!Names.isAbsolutePath(mountPoint()), Checks.ABSOLUTE_PATH,
            () -> "mount point " + Texts.quote(mountPoint()) + " is not a plain absolute path",
            "Call .mountPoint(\"" + Names.suggestPath(mountPoint(), "/srv/data") + "\")")
        .when(!exportOptions().matches("[a-z_]+(=[A-Za-z0-9_./:-]+)?(,[a-z_]+(=[A-Za-z0-9_./:-]+)?)*"), Checks.EXPORT_OPTIONS,
            () -> "NFS export options " + Texts.quote(exportOptions()) + " are not a comma-separated option list",
            "Call .exportOptions(\"rw,sync,no_subtree_check,no_root_squash\")")
        .when(snapshots().isPresent() && !filesystem().equals("btrfs"), Checks.SNAPSHOTS_NEED_BTRFS,
            () -> "snapshots need Btrfs but the filesystem is " + filesystem(),
            "Drop .snapshots(...) or use btrfsRaid1(...)")
        .when(snapshots().map(Retention::isEmpty).orElse(false), Checks.RETENTION_EMPTY, () -> "snapshot retention keeps nothing",
            "Call .snapshots(keep().daily(7))");
    for (String device : devices()) {
      v.when(!device.startsWith("/dev/") || !Names.isAbsolutePath(device), Checks.DEVICE_PATH,
          () -> "device " + Texts.quote(device) + " is not a plain /dev path",
          "Use a stable path such as /dev/disk/by-id/...");
    }
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableDisk copy() {
    return (ImmutableDisk) this;
  }
}
