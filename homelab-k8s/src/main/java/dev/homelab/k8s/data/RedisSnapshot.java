package dev.homelab.k8s.data;

import dev.homelab.k8s.backup.ResticJob;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

/**
 * Redis' backup: {@code redis-cli --rdb} asks the running server for a fresh RDB snapshot (over
 * the replication protocol, so the server keeps serving) and writes it to an emptyDir, then restic
 * encrypts and uploads it. The password reaches redis-cli through {@code REDISCLI_AUTH}, not its
 * command line. The RDB file is the whole dataset; restoring it means putting it in place of the
 * volume's files while the server is stopped (docs/backups-and-restore.md).
 *
 * @see <a href="https://redis.io/docs/latest/develop/tools/cli/">redis-cli: remote backups of RDB files, REDISCLI_AUTH</a>
 * @see <a href="https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/">Redis persistence: backing up Redis data</a>
 */
final class RedisSnapshot {
  static final String FILE = "dump.rdb";

  private RedisSnapshot() {}

  static CronJob cronJob(Lab lab, DataService s, long uid) {
    ResticJob job = DataBackups.resticJob(lab, s, uid);
    job.source(new VolumeBuilder().withName("dump").withNewEmptyDir().endEmptyDir().build(), "dump", false);
    job.before(new ContainerBuilder()
        .withName("redis-rdb")
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withCommand("/bin/sh", "-c", "exec redis-cli -h " + s.host() + " -p " + s.port() + " --rdb "
            + ResticJob.SOURCE + "/dump/" + FILE)
        .withEnv(Pods.env("REDISCLI_AUTH", s.credentials()))
        .addNewVolumeMount().withName("dump").withMountPath(ResticJob.SOURCE + "/dump").endVolumeMount()
        .withResources(Pods.resources("50m", "64Mi", "512Mi"))
        .withSecurityContext(Pods.restrictedContainer())
        .build());
    return job.build(lab);
  }
}
