package dev.homelab.k8s.pods;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a built pod spec into its pod template, and a job spec into its job template, without
 * copying them.
 *
 * <p>Why not fabric8's nested builders all the way down: every {@code endX()} builds the nested
 * object and hands it to the parent's {@code withX(...)}, which turns it back into builders, so a
 * container inside {@code withNewSpec().withNewTemplate().withNewSpec()} is copied once per level,
 * and a CronJob's containers five times over. Those copies were a fifth of a warm render of the
 * reference lab (docs/performance.md, sixth round). Components build the shallow parts with
 * builders and the pod spec with one builder, then nest it here; the objects are the same, so the
 * output is byte for byte the same.
 */
public final class Templates {
  private Templates() {}

  /**
   * A pod template with {@code labels} (and {@code annotations}, none when null or empty) around
   * {@code spec}, which it keeps as it is: a fresh spec nobody else holds. The maps are copied, so a
   * customizer changing the template's labels does not change a selector built from the same map.
   */
  public static PodTemplateSpec pod(Map<String, String> labels, Map<String, String> annotations, PodSpec spec) {
    ObjectMeta meta = new ObjectMeta();
    meta.setLabels(labels == null ? null : new LinkedHashMap<>(labels));
    meta.setAnnotations(annotations == null || annotations.isEmpty() ? null : new LinkedHashMap<>(annotations));
    return new PodTemplateSpec(meta, spec);
  }

  /**
   * A job template: {@code spec} (built without a pod template) with {@code pod} as its template,
   * neither copied.
   */
  public static JobTemplateSpec job(JobSpec spec, PodTemplateSpec pod) {
    spec.setTemplate(pod);
    JobTemplateSpec template = new JobTemplateSpec();
    template.setSpec(spec);
    return template;
  }
}
