package dev.homelab.k8s.apps;

import dev.homelab.k8s.backup.ResticJob;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.backup.S3Target;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A nightly restic CronJob per backup target of an app, backing up the app's own claims (static
 * volumes are shares backed up on their host). The job prefers the node of the app's pod, where a
 * ReadWriteOnce block volume is already attached. Files are read as they are; the app's SQLite
 * databases ({@code App.sqliteDatabases}) are first copied with SQLite's online backup
 * API by an init container into {@code /backup/.sqlite/<volume>/}, and their live files are left
 * out (databases of data services are dumped by their own jobs).
 *
 * <p>Preferred, not required: a required podAffinity has no node to go to while the app is scaled
 * to 0 (or crash-looping off its node), so the job stays Pending and, with
 * {@code concurrencyPolicy: Forbid}, blocks every later run until someone deletes it. Nothing needs
 * the hard rule: NFS claims mount on any node, and a node-local volume (local-path) carries its own
 * node affinity, which the scheduler honours anyway.
 */
final class AppBackups {
  /** Before the PostgreSQL dumps (default 02:30) are long done, after the night's quiet start. */
  static final String SCHEDULE = "0 3 * * *";

  private AppBackups() {}

  static List<HasMetadata> cronJobs(Lab lab, App app) {
    List<AppVolume> claims = app.volumes().stream().filter(v -> v.staticVolume().isEmpty()).toList();
    List<HasMetadata> out = new ArrayList<>();
    if (claims.isEmpty()) {
      return out;
    }
    for (String targetName : app.backups()) {
      S3Target target = lab.s3Target(targetName).orElseThrow();
      ResticJob job = new ResticJob(app.namespace(), AppNames.scoped(app, "backup-" + targetName),
          Map.of(Pods.NAME, app.name() + "-backup", Pods.COMPONENT, "backup"), SCHEDULE,
          app.runAsRoot().isPresent() ? ResticJob.ROOT : app.runAsUser(), target,
          lab.name() + "/apps/" + app.name(), app.name());
      claims.forEach(v -> job.source(AppWorkload.volume(lab, app, v), v.name(), true));
      SqliteCopies.of(lab, app).ifPresent(copies -> copies.addTo(job));
      // a node-local claim binds the job to the app's node: it needs the app's tolerations too
      out.add(job.affinity(besideApp(app)).tolerations(Pods.tolerations(lab, app.runsOn(), app.runsOnNodes())).build(lab));
    }
    return out;
  }

  /** Next to the app's pod when it can: its node-local volumes pin it anyway, NFS ones need not. */
  static Affinity besideApp(App app) {
    return new AffinityBuilder().withNewPodAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm()
        .withNewLabelSelector().withMatchLabels(Pods.labels(app.name())).endLabelSelector()
        .withTopologyKey("kubernetes.io/hostname")
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution().endPodAffinity().build();
  }
}
