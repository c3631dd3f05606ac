package dev.homelab.model.cluster;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Scheduled etcd snapshots, optionally copied to an S3 target.
 *
 * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class EtcdSnapshots {
  EtcdSnapshots() {}

  /**
   * Five-field cron. Default: {@code 0 *}{@code /12 * * *} (the k3s default).
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  @Value.Default
  public String schedule() {
    return "0 */12 * * *";
  }

  /**
   * Snapshots to keep. Default: 5 (the k3s default).
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  @Value.Default
  public int retention() {
    return 5;
  }

  /**
   * Name of the S3 target snapshots are copied to. Default: none (local disk only).
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public abstract Optional<String> toS3();

  /**
   * Folder in the bucket. Default: {@code etcd}.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  @Value.Default
  public String folder() {
    return "etcd";
  }

  /**
   * etcd snapshots; prefer {@link dev.homelab.Homelab#etcdSnapshots}. Default: every 12 hours, 5 kept,
   * local disk only, folder {@code etcd} when copied to S3.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public static EtcdSnapshots defaults() {
    return ImmutableEtcdSnapshots.of();
  }

  /**
   * Five-field cron schedule. Default: {@code 0 *}{@code /12 * * *}.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public EtcdSnapshots schedule(String cron) {
    required(cron, ModelPaths.cluster() + "/etcdSnapshots", ".schedule(cron)", "a five-field cron schedule", ".schedule(\"0 */12 * * *\")");
    return copy().withSchedule(cron);
  }

  /**
   * Number of snapshots kept. Default: 5.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public EtcdSnapshots retention(int count) {
    return copy().withRetention(count);
  }

  /**
   * Copies snapshots to this S3 target (k3s {@code etcd-s3}). Default: local only.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public EtcdSnapshots toS3(dev.homelab.model.backup.S3Target target) {
    required(target, ModelPaths.cluster() + "/etcdSnapshots", ".toS3(target)", "an S3 target of the lab", ".toS3(offsite)");
    return copy().withToS3(target.name());
  }

  /**
   * Folder in the bucket. Default: {@code etcd}.
   *
   * @see <a href="https://docs.k3s.io/cli/etcd-snapshot">k3s etcd-snapshot</a>
   */
  public EtcdSnapshots folder(String folder) {
    required(folder, ModelPaths.cluster() + "/etcdSnapshots", ".folder(folder)", "a folder name", ".folder(\"etcd\")");
    return copy().withFolder(folder);
  }

  /** Broken invariants of the snapshot schedule; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isCron(schedule()), Checks.CRON_SCHEDULE, () -> "etcd snapshot schedule " + Texts.quote(schedule()) + " is not a five-field cron",
            "Call etcdSnapshots().schedule(\"0 */12 * * *\")")
        .when(retention() < 1, Checks.ETCD_RETENTION, () -> "etcd snapshot retention is " + retention() + ", at least 1 is needed",
            "Call etcdSnapshots().retention(5)")
        .when(folder().isBlank(), Checks.ETCD_RETENTION, () -> "etcd snapshot folder is blank", "Call etcdSnapshots().folder(\"etcd\")")
        .when(!folder().isBlank() && !Names.isAbsolutePath("/" + folder()), Checks.ETCD_FOLDER,
            () -> "etcd snapshot folder " + Texts.quote(folder()) + " is not a relative path of letters, digits and ._-",
            "Call etcdSnapshots().folder(\"etcd\")")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableEtcdSnapshots copy() {
    return (ImmutableEtcdSnapshots) this;
  }
}
