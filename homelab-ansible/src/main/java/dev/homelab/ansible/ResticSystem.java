package dev.homelab.ansible;

import dev.homelab.internal.HostBackupUnits;
import dev.homelab.model.Lab;
import dev.homelab.model.Retention;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * restic to the backup disk: repository {@code <mount>/<name>} (initialised when missing), a
 * password file (0600, from the vault), a systemd service + timer, then {@code restic forget
 * --prune} with the model's retention. btrbk snapshot directories below a backed-up path are
 * excluded: they would multiply the files restic walks. A backed-up Btrfs volume with btrbk
 * snapshots is read from a fresh read-only snapshot instead of live (see {@code frozen_volumes}).
 *
 * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget</a>
 */
final class ResticSystem extends HostSystem {
  static final String GROUP = "restic";

  private final Vault vault;

  /** The restore test's schedule: Sundays at 05:30, after the nights' backups (see {@link HostBackupUnits}). */
  static final String CHECK_ON_CALENDAR = HostBackupUnits.RESTIC_CHECK_ON_CALENDAR;
  /**
   * How much of the data the weekly check reads back: a random 10% each time, so a damaged pack is
   * found within weeks without reading the whole repository every Sunday.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/045_working_with_repos.html#checking-integrity-and-consistency">restic check --read-data-subset</a>
   */
  static final String CHECK_READ_DATA_SUBSET = "10%";

  ResticSystem(Lab lab, Vault vault) {
    super(lab, GROUP, "restic backups to the backup disk");
    this.vault = vault;
  }

  @Override
  Map<String, List<String>> groups() {
    Set<String> hosts = new LinkedHashSet<>();
    for (Node node : lab.nodes()) {
      if (lab.resticBackups().stream().anyMatch(b -> b.node().equals(node.name()))) {
        hosts.add(node.name());
      }
    }
    return group(GROUP, new ArrayList<>(hosts));
  }

  @Override
  Map<String, Object> vars() {
    Map<String, Object> byHost = new LinkedHashMap<>();
    for (String host : groups().get(GROUP)) {
      Node node = lab.node(host).orElseThrow();
      List<Object> backups = new ArrayList<>();
      for (ResticBackup backup : lab.resticBackups()) {
        if (backup.node().equals(host)) {
          backups.add(backup(node, backup));
        }
      }
      byHost.put(host, backups);
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_restic_backups_by_host", byHost);
    return vars;
  }

  private Map<String, Object> backup(Node node, ResticBackup backup) {
    Disk disk = node.disk(backup.disk()).orElseThrow();
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", backup.name());
    b.put("repository", disk.mountPoint() + "/" + backup.name());
    b.put("mount_point", disk.mountPoint());
    b.put("disk", DiskSystem.mounted(disk));
    b.put("password_file", "/etc/restic/" + backup.name() + ".password");
    b.put("password", vault.ref(backup.password(), "password of restic repository " + backup.name(),
        "vars/" + GROUP + ".yml"));
    b.put("host", node.name());
    b.put("paths", backup.paths());
    b.put("excludes", excludes(node, backup));
    b.put("frozen_volumes", frozen(node, backup));
    b.put("on_calendar", backup.schedule());
    b.put("forget", forget(backup.retention()));
    // Unit file values, escaped for systemd here: the role's templates insert them as they are.
    b.put("unit_description", SystemdText.value("restic backup " + backup.name() + " to " + b.get("repository")));
    List<String> mounts = new ArrayList<>();
    mounts.add(disk.mountPoint());
    mounts.addAll(backup.paths());
    b.put("unit_requires_mounts_for", SystemdText.paths(mounts));
    b.put("check_on_calendar", CHECK_ON_CALENDAR);
    b.put("check_read_data_subset", CHECK_READ_DATA_SUBSET);
    b.put("check_unit_description", SystemdText.value("restic check of " + b.get("repository")
        + ", reading back " + CHECK_READ_DATA_SUBSET + " of the data"));
    b.put("check_unit_requires_mounts_for", SystemdText.paths(List.of(disk.mountPoint())));
    return b;
  }

  /**
   * The btrbk-snapshotted Btrfs volumes a backed-up path lies in or contains. The backup reads each
   * from its newest read-only snapshot, bind-mounted over the volume in the service's private mount
   * namespace: restic sees a consistent copy (no half-written database files) at the usual path,
   * so its parent snapshot (same host, same paths) is still found.
   */
  private static List<Object> frozen(Node node, ResticBackup backup) {
    List<Object> frozen = new ArrayList<>();
    for (Disk disk : BtrbkSystem.volumes(node)) {
      if (backup.paths().stream().anyMatch(p -> within(p, disk.mountPoint()) || within(disk.mountPoint(), p))) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("path", disk.mountPoint());
        v.put("snapshot_prefix", BtrbkSystem.snapshotPrefix(disk));
        frozen.add(v);
      }
    }
    return frozen;
  }

  /** Whether {@code path} is {@code dir} or below it. */
  private static boolean within(String path, String dir) {
    String d = dir.endsWith("/") ? dir : dir + "/";
    return path.equals(dir) || path.startsWith(d) || d.equals("/");
  }

  private static List<String> excludes(Node node, ResticBackup backup) {
    List<String> excludes = new ArrayList<>();
    for (Disk disk : BtrbkSystem.volumes(node)) {
      for (String path : backup.paths()) {
        if (disk.mountPoint().equals(path) || disk.mountPoint().startsWith(path.endsWith("/") ? path : path + "/")) {
          excludes.add(disk.mountPoint() + "/" + BtrbkSystem.SNAPSHOT_DIR);
          break;
        }
      }
    }
    return excludes;
  }

  /** {@code restic forget} policy flags; empty when nothing is kept (forget would then refuse). */
  static List<String> forget(Retention keep) {
    List<String> flags = new ArrayList<>();
    keep.hourly().ifPresent(n -> flags.add("--keep-hourly " + n));
    keep.daily().ifPresent(n -> flags.add("--keep-daily " + n));
    keep.weekly().ifPresent(n -> flags.add("--keep-weekly " + n));
    keep.monthly().ifPresent(n -> flags.add("--keep-monthly " + n));
    return flags;
  }

  @Override
  String readme() {
    return """
        ### restic

        - `restic-<name>.service` runs `btrbk -q snapshot` first when a backed-up path is a Btrfs
          volume with btrbk snapshots (waiting on the lock the hourly btrbk run takes too), then bind-mounts the newest read-only snapshot over the
          volume in its own mount namespace (`PrivateMounts=yes`) and backs up the usual paths with
          `--host <node>`: restic reads a consistent copy, not live database files, and still finds
          its parent snapshot. Restored files carry the original paths.
        - Other paths are read live; stop the services writing them if they must be consistent.
        - A backup requires its repository's disk and the backed-up paths' mounts
          (`RequiresMountsFor=`): it never runs on an unmounted disk.
        - The restore test: `restic-check-<name>.timer` runs `restic check --read-data-subset=10%`
          on Sundays at 05:30 (structure, and a random tenth of the data read back and hashed);
          `systemctl status restic-check-<name>` shows the last result.
        - Each backup and check records its last success for node-exporter's textfile collector
          (`/var/lib/node_exporter/textfile_collector/homelab_backup_<unit>.prom`, written by
          `homelab-backup-metric` as its last `ExecStartPost=`), which the alert `HostBackupStale`
          reads when the lab has monitoring.
        - Restore, with the service's environment (`EnvironmentFile=` values are quoted for
          systemd, not for a shell): `systemd-run --quiet --wait --pipe -p
          EnvironmentFile=/etc/restic/<name>.env restic snapshots`, then the same with
          `restic restore latest --host <node> --target /tmp/restore` (files keep their original
          paths below the target; `--include <path>` restores part of them). Copy them back with
          the services that write them stopped.
        """;
  }

  @Override
  List<String> roles() {
    return List.of("homelab_backup_metrics", "homelab_restic");
  }
}
