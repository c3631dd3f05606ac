package dev.homelab.validation;

import dev.homelab.model.Lab;
import dev.homelab.model.backup.ResticBackup;
import dev.homelab.model.host.Disk;
import dev.homelab.model.host.DiskUse;
import dev.homelab.model.host.Node;
import java.util.List;
import java.util.Optional;

/** References from backups, etcd snapshots and Terraform state to S3 targets, nodes and disks. */
final class BackupRules {
  private BackupRules() {}

  static List<Rule> all() {
    return List.of(backupTargetKnown(), etcdS3TargetKnown(), terraformStateTargetKnown(), resticDisk(),
        appDatabaseBackedUp());
  }

  /**
   * What the user chose to keep: an app's {@code backup(s3)} keeps its volumes, and its PostgreSQL
   * database is as much its data (Nextcloud's files without its database are not a Nextcloud), so
   * the PostgreSQL service it {@code uses()} must be backed up too. Redis and RabbitMQ are not
   * required: apps use them as a cache and a hand-off, and their users and vhosts come from the
   * model again; {@code .backup(s3)} on them is there for labs that keep data in them.
   */
  static Rule appDatabaseBackedUp() {
    return Rule.of(Checks.APP_DATABASE_BACKED_UP, (lab, r) -> lab.apps().stream()
        .filter(a -> !a.backups().isEmpty())
        .forEach(a -> a.uses().forEach(used -> lab.dataService(used)
            .filter(d -> d.kind() == dev.homelab.model.data.DataService.Kind.POSTGRES && d.backup().isEmpty())
            .ifPresent(d -> r.report(ModelPaths.dataService(d.name()),
                "app " + a.name() + " is backed up but its database here is not",
                "Add .backup(" + a.backups().get(0) + ") to " + d.name())))));
  }

  /**
   * {@code backup(s3)} on an app, a data service or a host's PostgreSQL names an S3 target that
   * must be declared with {@code homelab.backups(s3(...))}.
   */
  static Rule backupTargetKnown() {
    return Rule.of(Checks.BACKUP_TARGET_KNOWN, (lab, r) -> {
      lab.apps().forEach(a -> a.backups().forEach(t -> unknownTarget(lab, t, ModelPaths.app(a.name()), "backup", r)));
      lab.dataServices().forEach(d -> d.backup().ifPresent(t -> unknownTarget(lab, t, ModelPaths.dataService(d.name()), "backup", r)));
      lab.nodes().forEach(n -> n.postgres().flatMap(p -> p.backup()).ifPresent(t ->
          unknownTarget(lab, t, ModelPaths.node(n.name()), "PostgreSQL backup", r)));
    });
  }

  /** etcd snapshots copied to S3 need the target declared. */
  static Rule etcdS3TargetKnown() {
    return Rule.of(Checks.ETCD_S3_TARGET_KNOWN, (lab, r) -> lab.cluster().flatMap(k -> k.etcdSnapshots()).flatMap(s -> s.toS3())
        .ifPresent(t -> unknownTarget(lab, t, ModelPaths.cluster(), "etcd snapshot", r)));
  }

  /** Terraform state kept in S3 needs the target declared. */
  static Rule terraformStateTargetKnown() {
    return Rule.of(Checks.TERRAFORM_STATE_TARGET_KNOWN, (lab, r) -> lab.terraformState().ifPresent(s ->
        unknownTarget(lab, s.s3Target(), ModelPaths.terraformState(), "Terraform state", r)));
  }

  private static void unknownTarget(Lab lab, String target, String path, String what, Rule.Reporter r) {
    if (lab.s3Target(target).isEmpty()) {
      r.report(path, what + " target " + target + " is not defined",
          "Add it with homelab.backups(s3(\"" + target + "\", endpoint, bucket))");
    }
  }

  /** restic writes to a backup disk of a known node. */
  static Rule resticDisk() {
    return Rule.of(Checks.RESTIC_DISK, (lab, r) -> {
      for (ResticBackup b : lab.resticBackups()) {
        String path = ModelPaths.restic(b.name());
        Optional<Node> node = lab.node(b.node());
        if (node.isEmpty()) {
          r.report(path, "node " + b.node() + " is not defined", "Use one of the nodes: " + StorageRules.names(lab));
          continue;
        }
        Optional<Disk> disk = node.get().disk(b.disk());
        if (disk.isEmpty()) {
          r.report(path, "node " + b.node() + " has no disk called " + b.disk(),
              "Add it with node(\"" + b.node() + "\").disks(backupDisk(\"" + b.disk() + "\", device))");
        } else if (disk.get().use() != DiskUse.BACKUP) {
          r.report(path, "disk " + b.disk() + " of node " + b.node() + " is a " + disk.get().use().name().toLowerCase(java.util.Locale.ROOT)
              + " disk, not a backup disk", "Back up to a backupDisk(...) of " + b.node());
        }
      }
    });
  }
}
