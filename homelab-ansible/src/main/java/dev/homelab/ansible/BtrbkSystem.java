package dev.homelab.ansible;

import dev.homelab.internal.HostBackupUnits;
import dev.homelab.model.Lab;
import dev.homelab.model.Retention;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduled read-only snapshots of the Btrfs RAID-1 volumes with btrbk; the model's retention
 * becomes {@code snapshot_preserve}, and the timer runs hourly when hourly snapshots are kept.
 *
 * @see <a href="https://digint.ch/btrbk/doc/btrbk.conf.5.html">btrbk.conf(5)</a>
 */
final class BtrbkSystem extends HostSystem {
  static final String GROUP = "btrfs_snapshots";
  static final String SNAPSHOT_DIR = ".snapshots";

  BtrbkSystem(Lab lab) {
    super(lab, GROUP, "Btrfs snapshots (btrbk)");
  }

  @Override
  Map<String, List<String>> groups() {
    return group(GROUP, lab.nodes().stream().filter(n -> !volumes(n).isEmpty()).map(Node::name).toList());
  }

  /** The snapshotted Btrfs disks of {@code node}. */
  static List<Disk> volumes(Node node) {
    return HostBackupUnits.btrbkVolumes(node);
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> byHost = new LinkedHashMap<>();
    for (Node node : lab.nodes()) {
      List<Disk> disks = volumes(node);
      if (disks.isEmpty()) {
        continue;
      }
      List<Object> volumes = new ArrayList<>();
      for (Disk disk : disks) {
        Retention keep = disk.snapshots().orElseThrow();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", disk.mountPoint());
        v.put("unit_path", SystemdText.paths(List.of(disk.mountPoint())));
        v.put("snapshot_dir", SNAPSHOT_DIR);
        v.put("snapshot_name", disk.name());
        v.put("snapshot_preserve", preserve(keep));
        v.put("disk", DiskSystem.mounted(disk));
        volumes.add(v);
      }
      Map<String, Object> host = new LinkedHashMap<>();
      host.put("on_calendar", HostBackupUnits.btrbkOnCalendar(node));
      host.put("volumes", volumes);
      byHost.put(node.name(), host);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_btrbk_by_host", byHost);
    return vars;
  }

  /**
   * The snapshots of {@code disk}: {@code <mount>/.snapshots/<name>} followed by btrbk's long
   * timestamp ({@code .YYYYMMDDThhmm}, {@code _N} on a collision), so the newest sorts last.
   */
  static String snapshotPrefix(Disk disk) {
    return disk.mountPoint() + "/" + SNAPSHOT_DIR + "/" + disk.name();
  }

  /** btrbk's {@code snapshot_preserve}, e.g. {@code 24h 7d 4w}; {@code no} keeps only the latest. */
  static String preserve(Retention keep) {
    List<String> parts = new ArrayList<>();
    keep.hourly().ifPresent(n -> parts.add(n + "h"));
    keep.daily().ifPresent(n -> parts.add(n + "d"));
    keep.weekly().ifPresent(n -> parts.add(n + "w"));
    keep.monthly().ifPresent(n -> parts.add(n + "m"));
    return parts.isEmpty() ? "no" : String.join(" ", parts);
  }

  @Override
  List<String> roles() {
    return List.of("homelab_backup_metrics", "homelab_btrbk");
  }
}
