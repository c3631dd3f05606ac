package dev.homelab.k8s.data;

import dev.homelab.k8s.apps.AppNames;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.backup.S3Target;
import dev.homelab.model.data.DataService;
import java.util.Comparator;
import java.util.List;

/**
 * The README's "Backups and restore" section: for every backup the cluster runs, its CronJob, its
 * restic repository, how to restore it and how it is tested. Empty when the lab backs nothing up
 * in the cluster.
 *
 * <p>Internal: used by the Kubernetes backend's README; not part of the API.
 */
public final class RestoreGuide {
  private RestoreGuide() {}

  /** The section, or {@code ""}. */
  public static String section(Lab lab) {
    // By name, not declaration order: the same lab written in another order renders the same bytes.
    List<DataService> services = lab.dataServices().stream().filter(s -> s.backup().isPresent())
        .sorted(Comparator.comparing(DataService::name)).toList();
    List<App> apps = lab.apps().stream().filter(a -> !a.backups().isEmpty())
        .sorted(Comparator.comparing(App::name)).toList();
    if (services.isEmpty() && apps.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("""

        ## Backups and restore

        Every backup below is a restic repository in S3, encrypted with the target's restic password.
        Look at one from a workstation with the values of the backup job's Secrets exported
        (`RESTIC_REPOSITORY` as listed, `RESTIC_PASSWORD`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`):
        `restic snapshots`. A restore CronJob below is suspended: it runs only when you create a Job
        from it (`kubectl -n <namespace> create job --from=cronjob/<name> <name>-1`), and restores the
        latest snapshot. The project's docs/backups-and-restore.md explains each path.

        """);
    for (DataService s : services) {
      String ns = s.name();
      String head = "- `" + ns + "` (%s): %s nightly (`" + s.backupSchedule() + "`, CronJob `" + ns + "/backup-"
          + s.backup().get() + "`)\n  to " + repository(lab, s.backup().get(), lab.name() + "/data/" + ns) + ".\n";
      String run = "`kubectl -n " + ns + " create job --from=cronjob/" + ns + "-restore " + ns + "-restore-1`";
      switch (s.kind()) {
        case POSTGRES -> sb.append(head.formatted("PostgreSQL", "`pg_dumpall`"))
            .append("  Restore: scale the apps that use it to 0 (").append(users(lab, s)).append(")")
            .append(suspend(lab, s)).append(", then\n  ")
            .append(run).append("\n  replays the dump (it drops and re-creates every database); it fails on any error but the\n")
            .append("  `postgres` role's own two. Scale the apps back and resume their CronJobs after.\n")
            .append("  Restore test: CronJob `").append(ns).append("-restore-verify` (`").append(PostgresRestore.VERIFY_SCHEDULE)
            .append("`) loads the latest dump into a scratch\n  server and counts each database's tables; run it now with\n  `kubectl -n ")
            .append(ns).append(" create job --from=cronjob/").append(ns).append("-restore-verify ").append(ns).append("-restore-verify-1`.\n");
        case REDIS -> sb.append(head.formatted("Redis", "an RDB snapshot (`redis-cli --rdb`)"))
            .append("  Restore by hand: `restic restore latest --host ").append(ns).append(" --target .` gives `backup/dump/")
            .append(RedisSnapshot.FILE).append("`;\n  scale the StatefulSet to 0, put the file in its volume as `").append(RedisSnapshot.FILE)
            .append("`, remove `appendonlydir/`\n  (Redis would load the AOF instead), scale it back to 1.\n");
        case RABBITMQ -> sb.append(head.formatted("RabbitMQ",
                "its definitions (users, vhosts, permissions, queues, exchanges,\n  bindings, policies; not messages)"))
            .append("  Restore: ").append(run).append("\n  imports them (what exists is updated, the rest added).\n");
        case PIHOLE -> { }
      }
    }
    for (App a : apps) {
      for (String target : a.backups()) {
        // in its group's namespace, the job named after the app there (AppBackups)
        sb.append("- app `").append(a.name()).append("`: its own volumes nightly (CronJob `").append(a.namespace()).append('/')
            .append(AppNames.scoped(a, "backup-" + target)).append("`)\n  to ").append(repository(lab, target, lab.name() + "/apps/" + a.name())).append(".\n")
            .append("  Restore by hand: scale the app to 0");
        // its CronJobs mount the same claims (Nextcloud's cron every five minutes): stopped too
        List<String> ownJobs = suspendCommands(List.of(a));
        if (!ownJobs.isEmpty()) {
          sb.append(" and suspend its CronJobs\n  (").append(String.join(",\n  ", ownJobs)).append(")");
        }
        sb.append(ownJobs.isEmpty() ? "; " : ";\n  ").append("`restic restore latest --host ").append(a.name())
            .append(" --target <dir>` gives\n  `backup/<volume>/`: copy each into its claim (from a pod mounting it)");
        if (!a.sqliteDatabases().isEmpty()) {
          // SqliteCopies: the live database files are not in the snapshot, their consistent copies are
          sb.append(",\n  then `backup/.sqlite/<volume>/` into the same claim (its SQLite databases, copied consistently;\n")
              .append("  the live files are not in the backup), after deleting each database's `-wal`, `-shm` and\n")
              .append("  `-journal` from the claim (SQLite would replay a newer leftover WAL onto the restored file)");
        }
        sb.append(ownJobs.isEmpty() ? ", scale the app back.\n" : ", scale the app back and resume its CronJobs.\n");
        for (List<String> command : a.afterRestore()) {
          // words are one-line and backtick-free (after-restore-command): one code span on one line
          sb.append("  Then `kubectl -n ").append(a.namespace()).append(" exec deploy/").append(a.name()).append(" -- ")
              .append(String.join(" ", command.stream().map(RestoreGuide::shellWord).toList())).append("`.\n");
        }
      }
    }
    return sb.toString();
  }

  /**
   * The bring-up's last Kubernetes step when a PostgreSQL service is backed up: take the first
   * backup now and prove that it restores, rather than learn it on the day it is needed.
   */
  public static java.util.Optional<dev.homelab.backend.BringUpStep> bringUpStep(Lab lab) {
    List<DataService> dumped = lab.dataServices().stream()
        .filter(s -> s.backup().isPresent() && s.kind() == DataService.Kind.POSTGRES)
        .sorted(Comparator.comparing(DataService::name)).toList();
    if (dumped.isEmpty()) {
      return java.util.Optional.empty();
    }
    StringBuilder sb = new StringBuilder("Take the first database backup now and restore it into a scratch server (the same test runs\n"
        + "every Sunday); each Job must end `Complete`:\n\n```sh\n");
    for (DataService s : dumped) {
      String ns = s.name();
      String backup = "backup-" + s.backup().get();
      sb.append("kubectl -n ").append(ns).append(" create job --from=cronjob/").append(backup).append(' ').append(backup).append("-first\n")
          .append("kubectl -n ").append(ns).append(" wait --for=condition=complete --timeout=30m job/").append(backup).append("-first\n")
          .append("kubectl -n ").append(ns).append(" create job --from=cronjob/").append(ns).append("-restore-verify ").append(ns)
          .append("-restore-verify-first\n")
          .append("kubectl -n ").append(ns).append(" wait --for=condition=complete --timeout=30m job/").append(ns).append("-restore-verify-first\n")
          .append("kubectl -n ").append(ns).append(" logs job/").append(ns).append("-restore-verify-first   # a line per database\n");
    }
    sb.append("```\n\nHow to restore each backup: `k8s/README.md`, section \"Backups and restore\".\n");
    return java.util.Optional.of(new dev.homelab.backend.BringUpStep(dev.homelab.backend.BringUpStep.Stage.AFTER_KUBERNETES,
        "Test a restore", sb.toString()));
  }

  private static String repository(Lab lab, String target, String path) {
    S3Target t = lab.s3Target(target).orElseThrow();
    return "`s3:" + t.endpoint().replaceFirst("/+$", "") + "/" + t.bucket() + "/" + path + "`";
  }

  /**
   * The CronJobs of the apps that use {@code s}, which would connect again while the dump drops
   * their database (Nextcloud's background jobs every five minutes, say): how to suspend each.
   */
  private static String suspend(Lab lab, DataService s) {
    List<String> jobs = suspendCommands(lab.apps().stream().filter(a -> a.uses().contains(s.name()))
        .sorted(Comparator.comparing(App::name)).toList());
    return jobs.isEmpty() ? "" : " and suspend their\n  CronJobs (" + String.join(",\n  ", jobs) + ")";
  }

  /** A command per CronJob of the apps (Nextcloud's background jobs, say) that suspends it. */
  private static List<String> suspendCommands(List<App> apps) {
    return apps.stream()
        .flatMap(a -> a.cronJobs().stream().map(j -> "`kubectl -n " + a.namespace() + " patch cronjob "
            + AppNames.cronJob(a, j) + " -p '{\"spec\":{\"suspend\":true}}'`"))
        .toList();
  }

  private static String users(Lab lab, DataService s) {
    List<String> names = lab.apps().stream().filter(a -> a.uses().contains(s.name())).map(App::name).sorted().toList();
    return names.isEmpty() ? "none" : "`" + String.join("`, `", names) + "`";
  }

  /** {@code word} as one shell word: as it is when it is plain, else single-quoted. */
  static String shellWord(String word) {
    return word.matches("[A-Za-z0-9_./:=@%+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
