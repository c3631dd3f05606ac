package dev.homelab.k8s.data;

import dev.homelab.k8s.backup.ResticJob;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * The backup of a data service with {@code .backup(s3)}, and its restore: what each kind writes to
 * {@code /backup/dump} before restic encrypts and uploads it, to {@code <lab>/data/<service>} in the
 * bucket. PostgreSQL: {@code pg_dumpall} ({@link PostgresDump}), restored by a suspended CronJob and
 * checked weekly in a scratch server ({@link PostgresRestore}); Redis: an RDB snapshot
 * ({@link RedisSnapshot}), restored by hand (docs/backups-and-restore.md); RabbitMQ: its definitions
 * ({@link RabbitMqDefinitions}), restored by a suspended CronJob. Pi-hole is never backed up: the
 * model renders its settings again (the validation refuses {@code .backup(...)} on it).
 */
final class DataBackups {
  private DataBackups() {}

  static List<HasMetadata> objects(Lab lab, DataService s, long uid) {
    if (s.backup().isEmpty()) {
      return List.of();
    }
    return switch (s.kind()) {
      case POSTGRES -> List.of(PostgresDump.cronJob(lab, s, uid), PostgresRestore.restore(lab, s, uid),
          PostgresRestore.verify(lab, s, uid));
      case REDIS -> List.of(RedisSnapshot.cronJob(lab, s, uid));
      case RABBITMQ -> List.of(RabbitMqDefinitions.cronJob(lab, s, uid), RabbitMqDefinitions.restore(lab, s, uid));
      case PIHOLE -> List.of();
    };
  }

  /** The service's restic job: namespace, S3 target, schedule and repository path {@code <lab>/data/<service>}. */
  static ResticJob resticJob(Lab lab, DataService s, long uid) {
    String name = s.name();
    return new ResticJob(name, "backup-" + s.backup().get(),
        Map.of(Pods.NAME, name + "-backup", Pods.COMPONENT, "backup"), s.backupSchedule(), uid,
        lab.s3Target(s.backup().get()).orElseThrow(), lab.name() + "/data/" + name, name);
  }

  /** Labels of a restore CronJob {@code <service>-<what>}, e.g. {@code postgres-restore}. */
  static Map<String, String> labels(DataService s, String what) {
    return Map.of(Pods.NAME, s.name() + "-" + what, Pods.COMPONENT, what);
  }

  /** Where the dump lands in a restore pod. */
  static String restored(String file) {
    return ResticJob.RESTORED + ResticJob.SOURCE + "/dump/" + file;
  }
}
