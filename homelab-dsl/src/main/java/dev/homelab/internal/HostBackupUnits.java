package dev.homelab.internal;

import dev.homelab.model.Lab;
import dev.homelab.model.Retention;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.host.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The backups that run on the hosts rather than in Kubernetes (btrbk snapshots, restic backups
 * and their checks, host PostgreSQL dumps, k3s etcd snapshots), as the systemd units the Ansible
 * backend installs, each with the age after which its last success is stale. Both backends read
 * it: Ansible writes each unit's last success for node-exporter's textfile collector, and the
 * Kubernetes backend renders the alert that expects one per unit (backends never import each
 * other, so the names they share live here).
 *
 * <p>Internal: shared by the backends; not part of the API.
 */
public final class HostBackupUnits {
  /**
   * node-exporter's textfile collector directory on the hosts, the conventional one of the
   * Prometheus community's textfile scripts; the monitoring stack mounts it read-only.
   *
   * @see <a href="https://github.com/prometheus/node_exporter#textfile-collector">node_exporter: textfile collector</a>
   */
  public static final String TEXTFILE_DIR = "/var/lib/node_exporter/textfile_collector";
  /** The metric a unit writes on success: the Unix time it finished, labels {@code node} and {@code unit}. */
  public static final String LAST_SUCCESS_METRIC = "homelab_host_backup_last_success_timestamp_seconds";
  /**
   * The metric Ansible writes once, when it installs a unit: the start of its first period, so a
   * unit that has not run yet is not stale before its first run is due.
   */
  public static final String INSTALLED_METRIC = "homelab_host_backup_installed_timestamp_seconds";
  /**
   * The restore test's schedule: Sundays at 05:30, after the nights' backups (restic check waits
   * for no backup: it fails on a repository another process has locked, and the next week's run
   * catches up).
   */
  public static final String RESTIC_CHECK_ON_CALENDAR = "Sun *-*-* 05:30:00";
  /** The host PostgreSQL's nightly dump to S3: 02:30, before the restic backups of the night. */
  public static final String PG_DUMP_ON_CALENDAR = "*-*-* 02:30:00";
  /** The k3s server unit (k3s-ansible's name), which takes the etcd snapshots and logs their errors. */
  public static final String K3S_SERVER_UNIT = "k3s.service";

  private HostBackupUnits() {}

  /**
   * One unit on one host; {@code maxAgeSeconds} is twice the longest gap of its schedule (see
   * {@link Schedules#longestCalendarGapSeconds}): one missed run is tolerated, two are not.
   */
  public record Unit(String node, String unit, long maxAgeSeconds) {}

  /** Every host backup unit of {@code lab}, by node in declaration order; empty when it has none. */
  public static List<Unit> of(Lab lab) {
    List<Unit> units = new ArrayList<>();
    boolean etcd = lab.cluster().map(k -> k.isHa() && k.etcdSnapshots().isPresent()).orElse(false);
    for (Node node : lab.nodes()) {
      if (!btrbkVolumes(node).isEmpty()) {
        units.add(new Unit(node.name(), "homelab-btrbk.service", 2 * Schedules.longestCalendarGapSeconds(btrbkOnCalendar(node))));
      }
      for (ResticBackup backup : lab.resticBackups()) {
        if (backup.node().equals(node.name())) {
          units.add(new Unit(node.name(), "restic-" + backup.name() + ".service",
              2 * Schedules.longestCalendarGapSeconds(backup.schedule())));
          units.add(new Unit(node.name(), "restic-check-" + backup.name() + ".service",
              2 * Schedules.longestCalendarGapSeconds(RESTIC_CHECK_ON_CALENDAR)));
        }
      }
      if (pgDumps(lab, node)) {
        units.add(new Unit(node.name(), "homelab-pg-dump-s3.service", 2 * Schedules.longestCalendarGapSeconds(PG_DUMP_ON_CALENDAR)));
      }
      if (etcd && node.isControlPlane()) {
        K3s k3s = lab.cluster().orElseThrow();
        units.add(new Unit(node.name(), K3S_SERVER_UNIT,
            2 * Schedules.longestCronGapSeconds(k3s.etcdSnapshots().orElseThrow().schedule())));
      }
    }
    return units;
  }

  /** Whether {@code node}'s PostgreSQL is dumped to an S3 target of the lab. */
  public static boolean pgDumps(Lab lab, Node node) {
    return node.postgres().flatMap(pg -> pg.backup()).flatMap(lab::s3Target).isPresent();
  }

  /** The snapshotted Btrfs disks of {@code node}: the data disks with a snapshot retention. */
  public static List<Disk> btrbkVolumes(Node node) {
    return node.disks().stream().filter(d -> d.use() == DiskUse.DATA && d.snapshots().isPresent()).toList();
  }

  /** btrbk's timer on {@code node}: hourly when a snapshotted disk keeps hourly snapshots, else daily. */
  public static String btrbkOnCalendar(Node node) {
    boolean hourly = btrbkVolumes(node).stream().map(d -> d.snapshots().orElseThrow()).anyMatch(r -> hourlyKept(r));
    return hourly ? "hourly" : "daily";
  }

  private static boolean hourlyKept(Retention keep) {
    return keep.hourly().isPresent();
  }
}
