package dev.homelab.model.backup;

import dev.homelab.model.host.Node;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.Retention;
import dev.homelab.internal.Schedules;
import dev.homelab.model.SecretRef;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * Encrypted restic backups of host paths to a backup disk, run by a systemd timer.
 *
 * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class ResticBackup {
  ResticBackup() {}

  /**
   * Name of the backup; also names its repository password secret. Required.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Host that has the backup disk and runs restic. Required.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  @Value.Parameter
  public abstract String node();

  /**
   * Name of the backup disk on that host. Required.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Parameter
  public abstract String disk();

  /**
   * Paths backed up. Default: none (validation asks for some).
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public abstract List<String> paths();

  /**
   * Repository password. Default: {@code secret("restic-<name>", "password")}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  @Value.Default
  public SecretRef password() {
    return SecretRef.of("restic-" + name(), "password");
  }

  /**
   * systemd {@code OnCalendar} expression. Default: {@code daily}.
   *
   * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/systemd.time.html">systemd.time</a>
   */
  @Value.Default
  public String schedule() {
    return "daily";
  }

  /**
   * Snapshots kept. Default: 7 daily, 4 weekly, 6 monthly.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  @Value.Default
  public Retention retention() {
    return Retention.keep().daily(7).weekly(4).monthly(6);
  }

  /**
   * restic backups on {@code node} to its backup disk {@code disk}; all arguments required. Prefer
   * {@link dev.homelab.Homelab#restic}. Default: no paths, {@code daily}, 7 daily, 4 weekly, 6 monthly kept.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public static ResticBackup of(String name, Node node, String disk) {
    required(name, ModelPaths.restic(nameOrUnknown(name)), "ResticBackup.of(name, …)", "the backup's name", "restic(\"nas\", nas, \"backup\")");
    required(node, ModelPaths.restic(nameOrUnknown(name)), "ResticBackup.of(…, node, …)", "the node with the disk", "restic(\"nas\", nas, \"backup\")");
    required(disk, ModelPaths.restic(nameOrUnknown(name)), "ResticBackup.of(…, disk)", "a backup disk's name", "restic(\"nas\", nas, \"backup\")");
    return ImmutableResticBackup.of(name, node.name(), disk);
  }

  /**
   * Paths to back up. Default: none.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/040_backup.html">restic backup</a>
   */
  public ResticBackup paths(String... paths) {
    requiredEach(paths, ModelPaths.restic(name()), ".paths(paths)", "an absolute path", ".paths(\"/srv/data\")");
    return copy().withPaths(List.of(paths));
  }

  /**
   * Where the repository password lives. Default: {@code secret("restic-<name>", "password")}.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/030_preparing_a_new_repo.html">restic repositories</a>
   */
  public ResticBackup password(SecretRef secret) {
    required(secret, ModelPaths.restic(name()), ".password(secret)", "a secret reference", ".password(secret(\"restic-nas\", \"password\"))");
    return copy().withPassword(secret);
  }

  /**
   * systemd calendar expression. Default: {@code daily}.
   *
   * @see <a href="https://www.freedesktop.org/software/systemd/man/latest/systemd.time.html">systemd.time</a>
   */
  public ResticBackup schedule(String onCalendar) {
    required(onCalendar, ModelPaths.restic(name()), ".schedule(onCalendar)", "a systemd calendar event", ".schedule(\"daily\")");
    return copy().withSchedule(onCalendar);
  }

  /**
   * Snapshots kept by {@code restic forget --prune}. Default: 7 daily, 4 weekly, 6 monthly.
   *
   * @see <a href="https://restic.readthedocs.io/en/stable/060_forget.html">restic forget policies</a>
   */
  public ResticBackup retention(Retention retention) {
    required(retention, ModelPaths.restic(name()), ".retention(retention)", "a retention policy", ".retention(keep().daily(7))");
    return copy().withRetention(retention);
  }

  /** Broken invariants of this backup; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(paths().isEmpty(), Checks.RESTIC_PATHS, () -> "backs up no paths", "Call .paths(\"/srv/data\")")
        .when(retention().isEmpty(), Checks.RETENTION_EMPTY, () -> "retention keeps nothing",
            "Call .retention(keep().daily(7).weekly(4))")
        .when(!Schedules.isCalendar(schedule()), Checks.CALENDAR_SCHEDULE,
            () -> "schedule " + Texts.quote(schedule()) + " is not a systemd OnCalendar event",
            "Call .schedule(\"daily\") or .schedule(\"*-*-* 03:30:00\")");
    paths().forEach(p -> v.when(!Names.isAbsolutePath(p), Checks.ABSOLUTE_PATH, () -> "path " + Texts.quote(p) + " is not a plain absolute path",
        () -> "Back up absolute host paths of letters, digits and ._-, such as \"" + Names.suggestPath(p, "/srv/data") + "\""));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableResticBackup copy() {
    return (ImmutableResticBackup) this;
  }
}
