package dev.homelab.k8s.data;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.pods.Templates;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;

/**
 * The Job that provisions what apps use on a data service (PostgreSQL roles, RabbitMQ users): one
 * container as the image's uid 999 under the restricted profile, retried while the server starts,
 * named with a hash of what it does so a changed provisioning is a new Job on the next apply (a
 * Job's pod template is immutable) and an unchanged one is left alone.
 */
final class ProvisioningJob {
  /** Long enough to read the logs of the last run; the next apply of the same hash recreates nothing. */
  private static final int TTL_SECONDS = 3600;

  private ProvisioningJob() {}

  static Job of(String name, String hashedContent, String namespace, Map<String, String> labels, Container container,
      Volume volume) {
    Job job = new JobBuilder()
        .withNewMetadata().withName(name + "-" + PostgresRoles.hash(hashedContent)).withNamespace(namespace)
        .withLabels(labels).endMetadata()
        .withNewSpec()
        .withBackoffLimit(6)
        .withTtlSecondsAfterFinished(TTL_SECONDS)
        .endSpec()
        .build();
    job.getSpec().setTemplate(Templates.pod(labels, null, new PodSpecBuilder()
        .withRestartPolicy("OnFailure")
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(Pods.restrictedPod(999))
        .addToContainers(container)
        .withVolumes(volume)
        .build()));
    return job;
  }
}
