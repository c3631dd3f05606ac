package dev.homelab.k8s.apps;

import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.pods.Templates;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.app.AppPort;
import dev.homelab.model.app.AppVolume;
import dev.homelab.model.storage.StaticVolume;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * An app's Deployment and PersistentVolumeClaims. A Deployment rather than a StatefulSet: apps
 * are single-writer pods whose claims outlive them; with a claim the update strategy is
 * {@code Recreate}, so the old pod releases a ReadWriteOnce volume before the new one mounts it.
 */
final class AppWorkload {
  private AppWorkload() {}

  static Deployment deployment(Lab lab, App app) {
    String name = app.name();
    PodSecurityContext security = podContext(app);
    if (app.port() < 1024 || app.extraPorts().stream().anyMatch(p -> p.port() < 1024)) {
      // A non-root process may bind a low TCP or UDP port when the pod's network namespace allows it (a safe sysctl).
      security.setSysctls(List.of(new io.fabric8.kubernetes.api.model.Sysctl("net.ipv4.ip_unprivileged_port_start", "0")));
    }
    boolean claims = app.volumes().stream().anyMatch(v -> v.staticVolume().isEmpty());
    // By setter: every part below is made afresh for this pod, and a builder would copy it twice.
    Container container = new Container();
    container.setName(name);
    container.setImage(app.image());
    container.setPorts(ports(app));
    container.setEnv(env(lab, app));
    container.setVolumeMounts(mounts(lab, app));
    container.setResources(Pods.resources(app.resources().cpuRequest(), app.resources().memoryRequest(),
        app.resources().memoryLimit()));
    container.setReadinessProbe(AppProbes.readiness(lab, app));
    container.setLivenessProbe(AppProbes.liveness(lab, app));
    container.setStartupProbe(AppProbes.startup(lab, app));
    container.setSecurityContext(containerContext(app));
    PodSpec pod = new PodSpec();
    pod.setAutomountServiceAccountToken(false);
    pod.setSecurityContext(security);
    pod.setNodeSelector(Pods.nodeSelector(app.arches(), app.runsOn(), app.runsOnNodes()));
    pod.setTolerations(Pods.tolerations(lab, app.runsOn(), app.runsOnNodes()));
    pod.setInitContainers(new ArrayList<>(AppInit.initContainers(lab, app)));
    pod.setContainers(new ArrayList<>(List.of(container)));
    pod.setVolumes(volumes(lab, app));
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(app.namespace()).withLabels(Pods.labels(name)).endMetadata()
        .withNewSpec()
        .withReplicas(app.replicas())
        .withNewStrategy().withType(claims ? "Recreate" : "RollingUpdate").endStrategy()
        .withNewSelector().withMatchLabels(Pods.labels(name)).endSelector()
        .endSpec()
        .build();
    deployment.getSpec().setTemplate(Templates.pod(Pods.labels(name), annotations(app), pod));
    return deployment;
  }

  /** Restricted as {@link App#runAsUser()}, or the root context of an app that must run as root. */
  static PodSecurityContext podContext(App app) {
    return app.runAsRoot().isPresent() ? Pods.rootPod() : Pods.restrictedPod(app.runAsUser());
  }

  /** The context of the app's containers, its init containers included (they share the pod's user). */
  static io.fabric8.kubernetes.api.model.SecurityContext containerContext(App app) {
    return app.runAsRoot().isPresent() ? Pods.rootContainer() : Pods.restrictedContainer();
  }

  /**
   * A claim per new volume, and per static volume a claim bound by {@code volumeName} to the
   * PersistentVolume of the same name (rendered with the storage platform: no class, ReadWriteMany).
   */
  static List<HasMetadata> claims(Lab lab, App app) {
    List<HasMetadata> out = new ArrayList<>();
    for (AppVolume v : app.volumes()) {
      PersistentVolumeClaimBuilder pvc = new PersistentVolumeClaimBuilder()
          .withNewMetadata().withName(AppNames.claim(app, v)).withNamespace(app.namespace()).withLabels(Pods.labels(app.name())).endMetadata();
      if (v.staticVolume().isPresent()) {
        StaticVolume sv = lab.staticVolume(v.staticVolume().get()).orElseThrow();
        out.add(pvc.withNewSpec()
            .withAccessModes("ReadWriteMany")
            .withStorageClassName("")
            .withVolumeName(sv.name())
            .withNewResources().addToRequests("storage", new Quantity(sv.size())).endResources()
            .endSpec().build());
      } else {
        out.add(pvc.withNewSpec()
            .withAccessModes("ReadWriteOnce")
            .withStorageClassName(lab.storageClassOf(v))
            .withNewResources().addToRequests("storage", new Quantity(v.size().orElseThrow())).endResources()
            .endSpec().build());
      }
    }
    return out;
  }

  /**
   * The pod volume of a claim. A read-only static volume is read-only on the claim source as well as
   * on the mount: the kubelet then mounts it read-only and skips the recursive fsGroup ownership
   * change, which on a large library would take hours and rewrite every file's group.
   */
  static Volume volume(Lab lab, App app, AppVolume v) {
    return new VolumeBuilder().withName(v.name()).withNewPersistentVolumeClaim()
        .withClaimName(AppNames.claim(app, v)).withReadOnly(readOnly(lab, v) ? true : null).endPersistentVolumeClaim().build();
  }

  private static boolean readOnly(Lab lab, AppVolume v) {
    return v.staticVolume().flatMap(lab::staticVolume).map(StaticVolume::isReadOnly).orElse(false);
  }

  private static List<Volume> volumes(Lab lab, App app) {
    List<Volume> out = new ArrayList<>();
    app.volumes().forEach(v -> out.add(volume(lab, app, v)));
    out.addAll(AppInit.volumes(app));
    return out;
  }

  /** The app's volumes at their mount paths, read-only where the volume is. */
  static List<VolumeMount> volumeMounts(Lab lab, App app) {
    List<VolumeMount> out = new ArrayList<>();
    for (AppVolume v : app.volumes()) {
      out.add(new VolumeMountBuilder().withName(v.name()).withMountPath(v.mountPath())
          .withReadOnly(readOnly(lab, v) ? true : null).build());
    }
    return out;
  }

  private static List<VolumeMount> mounts(Lab lab, App app) {
    List<VolumeMount> out = new ArrayList<>(volumeMounts(lab, app));
    out.addAll(AppInit.mounts(app));
    return out;
  }

  /** null without annotations, so the template carries no empty map. */
  private static java.util.Map<String, String> annotations(App app) {
    java.util.Map<String, String> out = AppInit.annotations(app);
    return out.isEmpty() ? null : out;
  }

  /** The HTTP port, then the extra ports in declaration order. */
  private static List<ContainerPort> ports(App app) {
    List<ContainerPort> out = new ArrayList<>();
    out.add(new ContainerPortBuilder().withName("http").withContainerPort(app.port()).withProtocol("TCP").build());
    for (AppPort p : app.extraPorts()) {
      out.add(new ContainerPortBuilder().withName(p.name()).withContainerPort(p.port()).withProtocol(p.protocol().name()).build());
    }
    return out;
  }

  /**
   * The variables of the data services the app uses and its own, plain ones first, each group by
   * name, then those composed of them (a database URL); the app's own {@code .env(...)} wins over an
   * injected variable of the same name.
   */
  private static List<EnvVar> env(Lab lab, App app) {
    List<EnvVar> out = new ArrayList<>();
    java.util.Map<String, String> plain = new java.util.TreeMap<>(app.connectionEnv(lab));
    plain.putAll(app.env());
    java.util.Map<String, dev.homelab.model.SecretRef> secret = new java.util.TreeMap<>(app.connectionSecretEnv(lab));
    secret.putAll(app.secretEnv());
    plain.forEach((k, v) -> out.add(Pods.env(k, v)));
    secret.forEach((k, ref) -> out.add(Pods.env(k, ref)));
    // Last: Kubernetes expands $(VAR) only from variables listed before it
    // (https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/).
    app.connectionDependentEnv().forEach((k, v) -> out.add(Pods.env(k, v)));
    return out;
  }
}
