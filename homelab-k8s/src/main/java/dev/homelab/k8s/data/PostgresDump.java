package dev.homelab.k8s.data;

import dev.homelab.k8s.backup.ResticJob;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;

/**
 * PostgreSQL's nightly dump to its S3 target: an init container from the server's own image (so
 * {@code pg_dumpall} matches the server's major version) writes every database and role into an
 * emptyDir, then restic encrypts and uploads it (see {@link ResticJob}). {@link PostgresRestore}
 * restores it.
 */
final class PostgresDump {
  private PostgresDump() {}

  static CronJob cronJob(Lab lab, DataService s, long uid) {
    ResticJob job = DataBackups.resticJob(lab, s, uid);
    job.source(new VolumeBuilder().withName("dump").withNewEmptyDir().endEmptyDir().build(), "dump", false);
    job.before(new ContainerBuilder()
        .withName("pg-dumpall")
        .withImage(dev.homelab.versions.Versions.imageOf(lab, s))
        .withCommand("/bin/sh", "-c", "pg_dumpall --clean --if-exists --file " + ResticJob.SOURCE + "/dump/pg_dumpall.sql")
        .withEnv(Pods.env("PGHOST", s.host()), Pods.env("PGUSER", "postgres"),
            Pods.env("PGPASSWORD", s.credentials()))
        .addNewVolumeMount().withName("dump").withMountPath(ResticJob.SOURCE + "/dump").endVolumeMount()
        .withResources(Pods.resources("100m", "128Mi", "512Mi"))
        .withSecurityContext(Pods.restrictedContainer())
        .build());
    return job.build(lab);
  }
}
