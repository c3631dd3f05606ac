package dev.homelab.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The floor of the whole-process comparison ({@code homelab-bench/compare.sh}): a plain program that
 * builds the synthetic lab's per-app Kubernetes objects ({@code k8s/apps/<app>/} and the data
 * namespaces' {@code allow-from-<app>} policies, as {@link SyntheticHomelab} renders them) with
 * fabric8's builders, writes each as YAML with Jackson, and does nothing else: no model, no
 * validation, no secret scan, no other backend, no manifest, no atomic write.
 *
 * <p>{@code Fabric8Floor <apps> <outdir>}
 */
public final class Fabric8Floor {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();
  private static final SecurityContext HARDENED = new SecurityContextBuilder().withAllowPrivilegeEscalation(false)
      .withNewCapabilities().withDrop("ALL").endCapabilities().withRunAsNonRoot(true).build();

  private Fabric8Floor() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2 || !args[0].matches("\\d+")) {
      System.err.println("usage: Fabric8Floor <apps> <outdir>");
      System.exit(2);
    }
    int apps = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    // Built first, written after, as a generator that refuses to write half a lab would.
    Map<Path, Object> files = new TreeMap<>();
    for (int i = 0; i < apps; i++) {
      app(i, out, files);
    }
    for (Map.Entry<Path, Object> file : files.entrySet()) {
      Files.createDirectories(file.getKey().getParent());
      Files.write(file.getKey(), YAML.writeValueAsBytes(file.getValue()));
    }
    System.out.println("wrote " + files.size() + " files");
  }

  private static Map<String, String> name(String n) {
    return Map.of("app.kubernetes.io/name", n);
  }

  private static void app(int i, Path out, Map<Path, Object> files) {
    String n = String.format("app%05d", i);
    String host = n + ".example.com";
    boolean routed = i % 3 != 2;
    boolean volume = i % 2 == 0;
    Path dir = out.resolve("apps").resolve(n);
    List<HasMetadata> objects = new ArrayList<>();
    Map<String, String> labels = new TreeMap<>();
    for (String mode : List.of("audit", "enforce", "warn")) {
      labels.put("pod-security.kubernetes.io/" + mode, "restricted");
      labels.put("pod-security.kubernetes.io/" + mode + "-version", "latest");
    }
    objects.add(new NamespaceBuilder().withNewMetadata().withName(n).withLabels(labels).endMetadata().build());

    List<EnvVar> env = new ArrayList<>();
    List<Container> init = new ArrayList<>();
    if (i % 4 == 0) {
      String pg = "postgres.postgres.svc.cluster.local";
      env.add(plain("DB_HOST", pg));
      env.add(plain("DB_NAME", n));
      env.add(plain("POSTGRES_DB", n));
      env.add(plain("POSTGRES_HOST", pg));
      env.add(plain("POSTGRES_PORT", "5432"));
      env.add(plain("POSTGRES_USER", n));
      env.add(secret("DB_PASSWORD", n + "-db", "password"));
      env.add(secret("POSTGRES_PASSWORD", n + "-db", "password"));
      init.add(new ContainerBuilder().withName("wait-for-postgres").withImage("docker.io/library/postgres:17.9")
          .withCommand("/bin/sh", "-c", "until psql --no-psqlrc --quiet --command 'SELECT 1' >/dev/null; do\n"
              + "  echo \"waiting for database " + n + " on postgres\"; sleep 5\ndone\n")
          .withEnv(plain("PGHOST", pg), plain("PGUSER", n), plain("PGDATABASE", n), plain("PGCONNECT_TIMEOUT", "5"),
              secret("PGPASSWORD", n + "-db", "password"))
          .withNewResources().addToLimits("memory", new Quantity("64Mi")).addToRequests("cpu", new Quantity("10m"))
          .addToRequests("memory", new Quantity("16Mi")).endResources()
          .withSecurityContext(HARDENED).build());
    } else if (i % 4 == 1) {
      env.add(plain("REDIS_HOST", "redis.redis.svc.cluster.local"));
      env.add(secret("REDIS_PASSWORD", "redis", "password"));
    } else {
      env.add(plain("LOG_LEVEL", "info"));
    }
    ContainerBuilder container = new ContainerBuilder().withName(n).withImage("ghcr.io/example/" + n + ":1.0." + i)
        .withEnv(env).addNewPort().withContainerPort(8080).withName("http").withProtocol("TCP").endPort()
        .withLivenessProbe(probe(host, 6, 20, 30)).withReadinessProbe(probe(host, 3, 10, null))
        .withStartupProbe(probe(host, 30, 10, null))
        .withNewResources().addToLimits("memory", new Quantity("512Mi")).addToRequests("cpu", new Quantity("50m"))
        .addToRequests("memory", new Quantity("128Mi")).endResources()
        .withSecurityContext(HARDENED);
    if (volume) {
      container.addNewVolumeMount().withMountPath("/data").withName("data").endVolumeMount();
    }
    DeploymentBuilder deployment = new DeploymentBuilder().withNewMetadata().withName(n).withNamespace(n)
        .withLabels(name(n)).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(name(n)).endSelector()
        .withNewStrategy().withType(volume ? "Recreate" : "RollingUpdate").endStrategy()
        .withNewTemplate().withNewMetadata().withLabels(name(n)).endMetadata()
        .withNewSpec().withAutomountServiceAccountToken(false).withContainers(container.build()).withInitContainers(init)
        .withSecurityContext(new PodSecurityContextBuilder().withFsGroup(1000L).withFsGroupChangePolicy("OnRootMismatch")
            .withRunAsGroup(1000L).withRunAsNonRoot(true).withRunAsUser(1000L).withNewSeccompProfile()
            .withType("RuntimeDefault").endSeccompProfile().build())
        .endSpec().endTemplate().endSpec();
    if (volume) {
      deployment.editSpec().editTemplate().editSpec().addNewVolume().withName("data").withNewPersistentVolumeClaim()
          .withClaimName("data").endPersistentVolumeClaim().endVolume().endSpec().endTemplate().endSpec();
      objects.add(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").withNamespace(n)
          .withLabels(name(n)).endMetadata().withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
          .addToRequests("storage", new Quantity("1Gi")).endResources().withStorageClassName("nfs-data").endSpec().build());
    }
    objects.add(deployment.build());
    objects.add(new ServiceBuilder().withNewMetadata().withName(n).withNamespace(n).withLabels(name(n)).endMetadata()
        .withNewSpec().addNewPort().withName("http").withPort(8080).withTargetPort(new IntOrString("http")).endPort()
        .withSelector(name(n)).endSpec().build());
    objects.add(new NetworkPolicyBuilder().withNewMetadata().withName("default-deny").withNamespace(n).endMetadata()
        .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").endSpec().build());
    objects.add(new NetworkPolicyBuilder().withNewMetadata().withName("allow-same-namespace").withNamespace(n).endMetadata()
        .withNewSpec().addNewIngress().addNewFrom().withNewPodSelector().endPodSelector().endFrom().endIngress()
        .withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").endSpec().build());
    if (routed) {
      objects.add(allowFrom("allow-from-traefik", n, n, fromPods("traefik", "traefik"), 8080));
      Map<String, Object> route = new LinkedHashMap<>();
      route.put("kind", "Rule");
      route.put("match", "Host(`" + host + "`)");
      route.put("middlewares", List.of(Map.of("name", "security-headers", "namespace", "traefik")));
      route.put("services", List.of(Map.of("name", n, "port", 8080)));
      objects.add(new GenericKubernetesResourceBuilder().withApiVersion("traefik.io/v1alpha1").withKind("IngressRoute")
          .withNewMetadata().withName(n).withNamespace(n).endMetadata()
          .addToAdditionalProperties("spec", Map.of("entryPoints", List.of(i % 3 == 0 ? "websecure" : "websecure-internal"),
              "routes", List.of(route), "tls", Map.of()))
          .build());
    }
    if (i % 5 == 0) {
      objects.add(allowFrom("allow-from-monitoring", n, n, fromPods("monitoring", "prometheus"), 8080));
      objects.add(new GenericKubernetesResourceBuilder().withApiVersion("monitoring.coreos.com/v1").withKind("ServiceMonitor")
          .withNewMetadata().withName(n).withNamespace(n).withLabels(Map.of("release", "kube-prometheus-stack")).endMetadata()
          .addToAdditionalProperties("spec", Map.of("endpoints", List.of(Map.of("path", "/metrics", "port", "http")),
              "selector", Map.of("matchLabels", name(n))))
          .build());
    }
    if (i % 4 == 0) {
      objects.add(backup(n));
    }
    if (i % 4 < 2) {
      String data = i % 4 == 0 ? "postgres" : "redis";
      HasMetadata policy = allowFrom("allow-from-" + n, data, data, new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
          .withMatchLabels(Map.of("kubernetes.io/metadata.name", n)).endNamespaceSelector().build(), i % 4 == 0 ? 5432 : 6379);
      files.put(out.resolve("data").resolve(data).resolve("networkpolicy-allow-from-" + n + ".yaml"), policy);
    }
    List<String> resources = new ArrayList<>();
    for (HasMetadata object : objects) {
      String file = object.getKind().toLowerCase() + "-" + object.getMetadata().getName() + ".yaml";
      resources.add(file);
      files.put(dir.resolve(file), object);
    }
    resources.sort(null);
    Map<String, Object> kustomization = new LinkedHashMap<>();
    kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    kustomization.put("kind", "Kustomization");
    kustomization.put("resources", resources);
    files.put(dir.resolve("kustomization.yaml"), kustomization);
  }

  private static HasMetadata backup(String n) {
    Map<String, String> labels = Map.of("app.kubernetes.io/component", "backup", "app.kubernetes.io/name", n + "-backup");
    return new CronJobBuilder().withNewMetadata().withName("backup-offsite").withNamespace(n).withLabels(labels)
        .withAnnotations(Map.of("homelab.dev/s3-key-scope", "s3-offsite-" + n + "=synthetic-backups/synthetic/apps/" + n + "/"))
        .endMetadata()
        .withNewSpec().withConcurrencyPolicy("Forbid").withFailedJobsHistoryLimit(3).withSchedule("0 3 * * *")
        .withSuccessfulJobsHistoryLimit(3).withTimeZone("Etc/UTC")
        .withNewJobTemplate().withNewSpec().withBackoffLimit(2).withNewTemplate().withNewMetadata().withLabels(labels)
        .endMetadata().withNewSpec()
        .withNewAffinity().withNewPodAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withNewPodAffinityTerm().withNewLabelSelector().withMatchLabels(name(n)).endLabelSelector()
        .withTopologyKey("kubernetes.io/hostname").endPodAffinityTerm().withWeight(100)
        .endPreferredDuringSchedulingIgnoredDuringExecution().endPodAffinity().endAffinity()
        .withAutomountServiceAccountToken(false)
        .addNewContainer().withName("restic").withImage("docker.io/restic/restic:0.18.0")
        .withCommand("/bin/sh", "-c", "set -eu\nrestic cat config >/dev/null 2>&1 || restic init\nrestic backup --host " + n
            + " /backup\nrestic forget --host " + n + " --prune --keep-daily 30\n")
        .withEnv(plain("RESTIC_REPOSITORY", "s3:https://s3.example.com/synthetic-backups/synthetic/apps/" + n),
            secret("RESTIC_PASSWORD", "restic-offsite", "password"),
            secret("AWS_ACCESS_KEY_ID", "s3-offsite-" + n, "access-key-id"),
            secret("AWS_SECRET_ACCESS_KEY", "s3-offsite-" + n, "secret-access-key"),
            plain("AWS_DEFAULT_REGION", "eu-central-1"), plain("RESTIC_CACHE_DIR", "/cache"))
        .withNewResources().addToLimits("memory", new Quantity("1Gi")).addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("256Mi")).endResources()
        .withSecurityContext(HARDENED)
        .addNewVolumeMount().withMountPath("/backup/data").withName("data").withReadOnly(true).endVolumeMount()
        .addNewVolumeMount().withMountPath("/cache").withName("restic-cache").endVolumeMount()
        .endContainer()
        .withRestartPolicy("OnFailure")
        .withNewSecurityContext().withFsGroup(1000L).withFsGroupChangePolicy("OnRootMismatch").withRunAsGroup(1000L)
        .withRunAsNonRoot(true).withRunAsUser(1000L).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .endSecurityContext()
        .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data").endPersistentVolumeClaim().endVolume()
        .addNewVolume().withName("restic-cache").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec().endTemplate().endSpec().endJobTemplate().endSpec().build();
  }

  private static NetworkPolicyPeer fromPods(String namespace, String pod) {
    return new NetworkPolicyPeerBuilder().withNewNamespaceSelector()
        .withMatchLabels(Map.of("kubernetes.io/metadata.name", namespace)).endNamespaceSelector()
        .withNewPodSelector().withMatchLabels(name(pod)).endPodSelector().build();
  }

  private static HasMetadata allowFrom(String policy, String namespace, String pod, NetworkPolicyPeer from, int port) {
    return new NetworkPolicyBuilder().withNewMetadata().withName(policy).withNamespace(namespace).endMetadata()
        .withNewSpec().addNewIngress().withFrom(from).addNewPort().withPort(new IntOrString(port)).withProtocol("TCP")
        .endPort().endIngress().withNewPodSelector().withMatchLabels(name(pod)).endPodSelector()
        .withPolicyTypes("Ingress").endSpec().build();
  }

  private static Probe probe(String host, int failures, int period, Integer initialDelay) {
    return new ProbeBuilder().withNewHttpGet().addNewHttpHeader().withName("Host").withValue(host).endHttpHeader()
        .withPath("/").withPort(new IntOrString("http")).endHttpGet()
        .withFailureThreshold(failures).withPeriodSeconds(period).withInitialDelaySeconds(initialDelay).build();
  }

  private static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar secret(String name, String secret, String key) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key)
        .endSecretKeyRef().endValueFrom().build();
  }
}
