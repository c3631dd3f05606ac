package dev.homelab.k8s.data;

import dev.homelab.k8s.backup.ResticJob;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;

/**
 * RabbitMQ's backup: its definitions (users with their password hashes, vhosts, permissions,
 * queues, exchanges, bindings, policies), exported through the management API by
 * {@link RabbitMqAdmin}'s escript, then encrypted and uploaded by restic. Messages are not backed
 * up: RabbitMQ's own guide backs messages up only by copying a stopped node's data directory, and
 * a queue is a hand-off, not a store. {@code <service>-restore}, suspended, imports the latest
 * export back ({@code kubectl -n rabbitmq create job --from=cronjob/rabbitmq-restore rabbitmq-restore-1}):
 * what exists is updated, the rest added.
 *
 * @see <a href="https://www.rabbitmq.com/docs/backup">RabbitMQ backup and restore: definitions and messages</a>
 * @see <a href="https://www.rabbitmq.com/docs/definitions">RabbitMQ definitions export and import</a>
 */
final class RabbitMqDefinitions {
  static final String FILE = "definitions.json";

  private RabbitMqDefinitions() {}

  static CronJob cronJob(Lab lab, DataService s, long uid) {
    ResticJob job = DataBackups.resticJob(lab, s, uid);
    job.source(new VolumeBuilder().withName("dump").withNewEmptyDir().endEmptyDir().build(), "dump", false);
    job.volume(RabbitMqAdmin.volume(s));
    job.before(admin(lab, s, "export-definitions", "export", ResticJob.SOURCE + "/dump/" + FILE)
        .addNewVolumeMount().withName("dump").withMountPath(ResticJob.SOURCE + "/dump").endVolumeMount()
        .build());
    return job.build(lab);
  }

  static CronJob restore(Lab lab, DataService s, long uid) {
    Container importer = admin(lab, s, "import-definitions", "import", DataBackups.restored(FILE)).build();
    return DataBackups.resticJob(lab, s, uid).restore(lab, s.name() + "-restore", DataBackups.labels(s, "restore"),
        null, importer, List.of(RabbitMqAdmin.volume(s)));
  }

  private static ContainerBuilder admin(Lab lab, DataService s, String name, String... args) {
    return new ContainerBuilder()
        .withName(name)
        .withImage(RabbitMqAdmin.image(lab, s))
        .withCommand(RabbitMqAdmin.command(args))
        .withEnv(RabbitMqAdmin.adminEnv(s))
        .addToVolumeMounts(RabbitMqAdmin.mount())
        .withResources(Pods.resources("10m", "64Mi", "256Mi"))
        .withSecurityContext(Pods.restrictedContainer());
  }
}
