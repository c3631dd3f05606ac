package dev.homelab.k8s.platform;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;

/**
 * The scoped RBAC system-upgrade-controller ships for the pinned release
 * ({@code manifests/clusterrole.yaml} and {@code clusterrolebinding.yaml} of
 * rancher/system-upgrade-controller at the versions file's {@code IMAGE_SYSTEM_UPGRADE_CONTROLLER}, v0.20.1), rebuilt as
 * typed objects, in place of {@code cluster-admin}. One ServiceAccount holds all three roles,
 * because the Plans' upgrade Jobs run as the same account:
 *
 * <ul>
 *   <li>{@value #CONTROLLER} (cluster): the controller registers its own Plan CRD at start, reads
 *       the {@code kube-system} namespace (cluster id), labels nodes, watches Plans and Jobs,
 *       records events, and takes its leader-election lease; the Jobs' {@code prepare} step
 *       ({@code k3s-upgrade prepare server-plan}) reads the server Plan and the nodes through it;
 *   <li>{@value #CONTROLLER} (namespace {@link UpgradesComponent#NAMESPACE}): it creates and deletes
 *       the upgrade Jobs and reads the Secrets a Plan may mount;
 *   <li>{@value #DRAINER} (cluster): the Jobs' {@code kubectl drain} container cordons the node
 *       and evicts its pods.
 * </ul>
 *
 * The upgrade Job itself still runs privileged with the host's filesystem (it replaces the k3s
 * binary); the roles keep the controller's token, which lives longer than any Job, from being
 * cluster-admin.
 */
final class UpgradeControllerRbac {
  static final String CONTROLLER = "system-upgrade-controller";
  static final String DRAINER = "system-upgrade-controller-drainer";
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private UpgradeControllerRbac() {}

  static List<HasMetadata> objects(String namespace, String serviceAccount) {
    return List.of(
        new ClusterRoleBuilder().withNewMetadata().withName(CONTROLLER).endMetadata()
            .withRules(controllerClusterRules()).build(),
        new RoleBuilder().withNewMetadata().withName(CONTROLLER).withNamespace(namespace).endMetadata()
            .withRules(
                rule("batch", List.of("jobs"),
                    "create", "delete", "deletecollection", "patch", "update", "get", "list", "watch"),
                rule("", List.of("secrets"), "get", "list", "watch"))
            .build(),
        new ClusterRoleBuilder().withNewMetadata().withName(DRAINER).endMetadata()
            .withRules(
                rule("", List.of("pods/eviction"), "create"),
                rule("", List.of("pods"), "get", "list", "delete"),
                rule("", List.of("nodes"), "get", "patch"),
                // kubectl drain looks up each pod's owner
                rule("apps", List.of("statefulsets", "daemonsets", "replicasets"), "get", "list"))
            .build(),
        clusterBinding("system-upgrade", CONTROLLER, namespace, serviceAccount),
        clusterBinding("system-upgrade-drainer", DRAINER, namespace, serviceAccount),
        new RoleBindingBuilder().withNewMetadata().withName("system-upgrade").withNamespace(namespace).endMetadata()
            .withNewRoleRef().withApiGroup(RBAC_GROUP).withKind("Role").withName(CONTROLLER).endRoleRef()
            .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(namespace).endSubject()
            .build());
  }

  private static List<PolicyRule> controllerClusterRules() {
    return List.of(
        rule("batch", List.of("jobs"), "get", "list", "watch"),
        rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), "get", "list", "watch", "create", "patch", "update"),
        rule("", List.of("namespaces", "nodes"), "get", "list", "watch"),
        rule("", List.of("nodes"), "update"),
        rule("", List.of("events"), "get", "create", "patch", "update"),
        rule("coordination.k8s.io", List.of("leases"), "create"),
        new PolicyRuleBuilder().withApiGroups("coordination.k8s.io").withResources("leases")
            .withResourceNames(CONTROLLER).withVerbs("get", "update").build(),
        rule("upgrade.cattle.io", List.of("plans", "plans/status"),
            "get", "list", "watch", "create", "patch", "update", "delete"));
  }

  private static PolicyRule rule(String group, List<String> resources, String... verbs) {
    return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs).build();
  }

  private static HasMetadata clusterBinding(String name, String role, String namespace, String serviceAccount) {
    return new ClusterRoleBindingBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewRoleRef().withApiGroup(RBAC_GROUP).withKind("ClusterRole").withName(role).endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(serviceAccount).withNamespace(namespace).endSubject()
        .build();
  }
}
