package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.crd.upgrade.Plan;
import dev.homelab.k8s.pods.Pods;
import dev.homelab.k8s.pods.Templates;
import dev.homelab.model.Lab;
import dev.homelab.model.cluster.AutoUpgrade;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.cluster.K3sVersion;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Automatic k3s upgrades: the system-upgrade-controller (its upstream manifest rebuilt from typed
 * objects, image pinned) and two Plans, {@code server-plan} then {@code agent-plan}, the agents
 * waiting for the servers.
 *
 * <p>The {@code Plan} CRD is rendered too, from the upstream CRD committed as a resource
 * ({@code upgrade.cattle.io_plans.yaml}, its origin in its header), so the folder applies as it is.
 *
 * @see <a href="https://docs.k3s.io/upgrades/automated">k3s automated upgrades</a>
 */
public final class UpgradesComponent implements Component {
  private static final java.time.format.DateTimeFormatter HH_MM = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

  /** Namespace of the system-upgrade-controller and its Plans. */
  public static final String NAMESPACE = "system-upgrade";
  /** ServiceAccount of the controller and of the upgrade jobs. */
  public static final String SERVICE_ACCOUNT = "system-upgrade";
  /**
   * system-upgrade-controller release the objects follow. The controller registers its own Plan
   * CRD at start, so the committed CRD ({@code upgrade.cattle.io_plans.yaml}) must come from the
   * same release: its header names it, and a test holds the two together.
   */
  static final String UPGRADE_IMAGE = "rancher/k3s-upgrade";
  static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";
  private static final String CONTROLLER_LABEL = "upgrade.cattle.io/controller";
  /** Read once: the schema is large and the same for every render. */
  private static final class PlanCrd {
    static final CustomResourceDefinition CRD = UpstreamCrds.load("upgrade.cattle.io_plans.yaml");
  }

  @Override
  public String folder() {
    return "system-upgrade";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    Optional<AutoUpgrade> upgrades = lab.cluster().flatMap(K3s::upgrades);
    if (upgrades.isEmpty()) {
      return List.of();
    }
    AutoUpgrade u = upgrades.get();
    List<HasMetadata> out = new ArrayList<>();
    out.add(PlanCrd.CRD);
    out.add(Namespaces.privileged(NAMESPACE,
        "upgrade jobs run privileged with the host's root filesystem, PID/IPC/network namespaces and CAP_SYS_BOOT"));
    out.add(new ServiceAccountBuilder().withNewMetadata().withName(SERVICE_ACCOUNT).withNamespace(NAMESPACE)
        .endMetadata().build());
    out.addAll(UpgradeControllerRbac.objects(NAMESPACE, SERVICE_ACCOUNT));
    out.add(controllerEnv(lab));
    out.add(controller(lab));
    out.add(serverPlan(lab, u));
    out.add(agentPlan(lab, u));
    // the controller only talks to the API server; nothing connects to it
    out.add(NetworkPolicies.defaultDeny(NAMESPACE));
    return out;
  }

  @Override
  public Map<String, String> extraFiles(Lab lab) {
    return Map.of("README.md", "# Automatic k3s upgrades\n\n"
        + "system-upgrade-controller " + dev.homelab.versions.Versions.of(lab).tag(dev.homelab.versions.VersionKey.IMAGE_SYSTEM_UPGRADE_CONTROLLER) + " runs the Plans `server-plan` and `agent-plan`.\n\n"
        + "The folder also holds the `Plan` CRD (`customresourcedefinition-plans.upgrade.cattle.io.yaml`), so\n"
        + "the Plans apply once it is established (see the k8s README for the apply order).\n\n"
        + "A failed plan leaves its node cordoned: `kubectl uncordon <node>` after fixing it.\n");
  }

  private static HasMetadata controllerEnv(Lab lab) {
    Map<String, String> env = new TreeMap<>();
    env.put("SYSTEM_UPGRADE_CONTROLLER_DEBUG", "false");
    // as upstream's manifest: a second controller (a rollout, a rescheduled pod) waits for the lease
    env.put("SYSTEM_UPGRADE_CONTROLLER_LEADER_ELECT", "true");
    env.put("SYSTEM_UPGRADE_CONTROLLER_THREADS", "2");
    env.put("SYSTEM_UPGRADE_JOB_ACTIVE_DEADLINE_SECONDS", "900");
    env.put("SYSTEM_UPGRADE_JOB_BACKOFF_LIMIT", "99");
    env.put("SYSTEM_UPGRADE_JOB_IMAGE_PULL_POLICY", "Always");
    // kubectl (cordon/drain) of the cluster's own minor version
    env.put("SYSTEM_UPGRADE_JOB_KUBECTL_IMAGE", "rancher/kubectl:" + kubernetesVersion(lab));
    env.put("SYSTEM_UPGRADE_JOB_PRIVILEGED", "true");
    env.put("SYSTEM_UPGRADE_JOB_TTL_SECONDS_AFTER_FINISH", "900");
    env.put("SYSTEM_UPGRADE_PLAN_POLLING_INTERVAL", "15m");
    return new ConfigMapBuilder().withNewMetadata().withName("default-controller-env").withNamespace(NAMESPACE)
        .endMetadata().withData(env).build();
  }

  /** {@code v1.33.4+k3s1} → {@code v1.33.4}. */
  static String kubernetesVersion(Lab lab) {
    return lab.cluster().flatMap(K3s::release).map(K3sVersion::kubernetesVersion).orElse("v1.33.4");
  }

  private static HasMetadata controller(Lab lab) {
    Map<String, String> labels = Map.of(CONTROLLER_LABEL, "system-upgrade-controller");
    PodSpec pod = new PodSpecBuilder()
        .withServiceAccountName(SERVICE_ACCOUNT)
        .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().addNewMatchExpression().withKey(CONTROL_PLANE).withOperator("Exists")
        .endMatchExpression().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .withTolerations(controlPlaneTolerations())
        .addNewContainer()
        .withName("system-upgrade-controller")
        .withImage(dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.IMAGE_SYSTEM_UPGRADE_CONTROLLER))
        .withImagePullPolicy("IfNotPresent")
        // the controller only talks to the API server: as upstream's manifest, nobody, no privileges
        .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(65534L).withRunAsGroup(65534L)
        .withAllowPrivilegeEscalation(false).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
        .addNewEnvFrom().withNewConfigMapRef().withName("default-controller-env").endConfigMapRef().endEnvFrom()
        .withEnv(
            new EnvVarBuilder().withName("SYSTEM_UPGRADE_CONTROLLER_NAME").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.labels['" + CONTROLLER_LABEL + "']").endFieldRef().endValueFrom().build(),
            new EnvVarBuilder().withName("SYSTEM_UPGRADE_CONTROLLER_NAMESPACE").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.namespace").endFieldRef().endValueFrom().build(),
            new EnvVarBuilder().withName("SYSTEM_UPGRADE_CONTROLLER_NODE_NAME").withNewValueFrom().withNewFieldRef()
                .withFieldPath("spec.nodeName").endFieldRef().endValueFrom().build())
        .withNewResources()
        .addToRequests("cpu", new Quantity("50m"))
        .addToRequests("memory", new Quantity("64Mi"))
        .addToLimits("memory", new Quantity("256Mi"))
        .endResources()
        // the controller serves no HTTP; a liveness exec of its own binary (a scratch image) proves
        // the container still runs and answers
        .withNewLivenessProbe().withNewExec().withCommand("/bin/system-upgrade-controller", "--version").endExec()
        .withPeriodSeconds(60).endLivenessProbe()
        .withVolumeMounts(
            new VolumeMountBuilder().withName("etc-ssl").withMountPath("/etc/ssl").withReadOnly(true).build(),
            new VolumeMountBuilder().withName("etc-pki").withMountPath("/etc/pki").withReadOnly(true).build(),
            new VolumeMountBuilder().withName("etc-ca-certificates").withMountPath("/etc/ca-certificates")
                .withReadOnly(true).build(),
            new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build())
        .endContainer()
        .withVolumes(
            new VolumeBuilder().withName("etc-ssl").withNewHostPath().withPath("/etc/ssl").withType("DirectoryOrCreate")
                .endHostPath().build(),
            new VolumeBuilder().withName("etc-pki").withNewHostPath().withPath("/etc/pki").withType("DirectoryOrCreate")
                .endHostPath().build(),
            new VolumeBuilder().withName("etc-ca-certificates").withNewHostPath().withPath("/etc/ca-certificates")
                .withType("DirectoryOrCreate").endHostPath().build(),
            new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build())
        .build();
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName("system-upgrade-controller").withNamespace(NAMESPACE).endMetadata()
        .withNewSpec()
        .withReplicas(1)
        // the old controller stops before the new one starts, never two handing out upgrade Jobs
        .withNewStrategy().withType("Recreate").endStrategy()
        .withNewSelector().withMatchLabels(labels).endSelector()
        .endSpec()
        .build();
    // the label also keeps the controller's own pod from being drained by its plans
    deployment.getSpec().setTemplate(Templates.pod(labels, null, pod));
    return deployment;
  }

  private static List<Toleration> controlPlaneTolerations() {
    return List.of(
        new TolerationBuilder().withKey("CriticalAddonsOnly").withOperator("Exists").build(),
        new TolerationBuilder().withKey(CONTROL_PLANE).withOperator("Exists").withEffect("NoSchedule").build(),
        new TolerationBuilder().withKey("node-role.kubernetes.io/master").withOperator("Exists")
            .withEffect("NoSchedule").build(),
        new TolerationBuilder().withKey("node-role.kubernetes.io/etcd").withOperator("Exists")
            .withEffect("NoExecute").build());
  }

  static Plan serverPlan(Lab lab, AutoUpgrade u) {
    LabelSelector servers = new LabelSelectorBuilder().addNewMatchExpression().withKey(CONTROL_PLANE)
        .withOperator("In").withValues("true").endMatchExpression().build();
    List<Toleration> tolerations = new ArrayList<>(controlPlaneTolerations());
    // the upgrade job must run on tainted nodes too, or they are never upgraded
    tolerations.addAll(Pods.tolerations(lab.servers()));
    return plan("server-plan", lab, u, servers, tolerations, null);
  }

  static Plan agentPlan(Lab lab, AutoUpgrade u) {
    LabelSelector agents = new LabelSelectorBuilder().addNewMatchExpression().withKey(CONTROL_PLANE)
        .withOperator("DoesNotExist").endMatchExpression().build();
    // agents wait until every server runs the new version (never newer kubelets than API servers)
    Plan.Container prepare = new Plan.Container(UPGRADE_IMAGE, null, List.of("prepare", "server-plan"));
    return plan("agent-plan", lab, u, agents, Pods.tolerations(lab.agents()), prepare);
  }

  private static Plan plan(String name, Lab lab, AutoUpgrade u, LabelSelector nodes, List<Toleration> tolerations,
      Plan.Container prepare) {
    Plan.Drain drain = u.drain() ? new Plan.Drain(true, true, true, 60) : null;
    Plan.Window window = u.window()
        .map(w -> new Plan.Window(
            // SUC reads day names and HH:MM times (system-upgrade-controller doc/plan.md, "window").
            w.days().stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList(),
            HH_MM.format(w.startTime()), HH_MM.format(w.endTime()), w.timeZone()))
        .orElse(null);
    return new Plan(
        new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build(),
        new Plan.Spec(
            u.concurrency(),
            nodes,
            SERVICE_ACCOUNT,
            true,
            drain,
            tolerations.isEmpty() ? null : tolerations,
            u.version().isPresent() ? null : u.channelUrl(),
            u.version().orElse(null),
            window,
            prepare,
            Plan.Container.of(UPGRADE_IMAGE)));
  }
}
