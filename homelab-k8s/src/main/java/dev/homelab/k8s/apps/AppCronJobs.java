package dev.homelab.k8s.apps;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.pods.Templates;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppCronJob;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An app's scheduled commands ({@link App#cronJobs()}): each a CronJob whose pod is the app's own
 * pod (image, environment, volumes, init containers, user) running the command instead of the
 * image's entrypoint, without ports and probes. The init containers matter: a writable directory
 * must be seeded for the command too (Nextcloud's {@code cron.php} needs the APCu ini of the PHP
 * {@code conf.d} the app's pod seeds).
 */
final class AppCronJobs {
  private AppCronJobs() {}

  static List<HasMetadata> cronJobs(Lab lab, App app) {
    List<HasMetadata> out = new ArrayList<>();
    for (AppCronJob job : app.cronJobs()) {
      String name = AppNames.cronJob(app, job);
      Map<String, String> labels = Map.of(Pods.NAME, name, Pods.COMPONENT, "cron");
      PodSpec appPod = AppWorkload.deployment(lab, app).getSpec().getTemplate().getSpec();
      Container appContainer = appPod.getContainers().get(0);
      Container command = new ContainerBuilder(appContainer)
          .withName(job.name())
          .withCommand(job.command())
          .withArgs(List.of())
          .withPorts(List.of())
          .withReadinessProbe(null).withLivenessProbe(null).withStartupProbe(null)
          .build();
      PodSpec pod = new PodSpecBuilder(appPod)
          .withContainers(command)
          .withRestartPolicy("OnFailure")
          .withAffinity(AppBackups.besideApp(app))
          .build();
      CronJob cronJob = new CronJobBuilder()
          .withNewMetadata().withName(name).withNamespace(app.namespace()).withLabels(labels).endMetadata()
          .withNewSpec()
          .withSchedule(job.schedule())
          .withTimeZone(lab.timeZone())
          .withConcurrencyPolicy("Forbid")
          .withSuccessfulJobsHistoryLimit(1)
          .withFailedJobsHistoryLimit(3)
          .endSpec()
          .build();
      cronJob.getSpec().setJobTemplate(Templates.job(new JobSpecBuilder().withBackoffLimit(1).build(),
          Templates.pod(labels, null, pod)));
      out.add(cronJob);
    }
    return out;
  }
}
