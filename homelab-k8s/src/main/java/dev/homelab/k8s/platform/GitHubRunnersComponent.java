package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import dev.homelab.model.infra.GitHub;
import dev.homelab.model.infra.Runners;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions runners inside the cluster (Actions Runner Controller): a runner scale set in
 * {@code arc-runners} whose name is the workflows' {@code runs-on}; {@link ArcControllerComponent}
 * installs the controller. Runners use the plain runner image (no Docker-in-Docker): the deploy workflow
 * only runs kubectl, so nothing needs a privileged pod.
 *
 * <p>The runner pods run as the ServiceAccount {@value #DEPLOYER}, bound to {@code cluster-admin}:
 * {@code kubectl apply --server-side -k k8s/} creates namespaces, CRD-backed objects, RBAC and
 * cluster-scoped objects of every component, so any narrower role would have to grow with each
 * component, and a role that may write RBAC can grant itself anything anyway. Whoever can push to
 * the deployed branch is cluster admin; protect the branch.
 *
 * @see <a href="https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners-with-actions-runner-controller/deploying-runner-scale-sets-with-actions-runner-controller">runner scale sets</a>
 */
public final class GitHubRunnersComponent implements Component {
  static final String CONTROLLER_NAMESPACE = ArcControllerComponent.NAMESPACE;
  /** Namespace of the runner scale set and its pods. */
  public static final String RUNNERS_NAMESPACE = "arc-runners";
  /** The ServiceAccount the runner pods deploy as (bound to {@code cluster-admin}, see above). */
  public static final String DEPLOYER = "homelab-deployer";
  static final String CHARTS = "oci://ghcr.io/actions/actions-runner-controller-charts/";
  static final String CONTROLLER_SERVICE_ACCOUNT = ArcControllerComponent.SERVICE_ACCOUNT;
  /**
   * The runner image, pinned: {@code :latest} changes under a running scale set without a change in
   * the repository, so two runner pods may run different runners and a bad release cannot be rolled
   * back. Bump it with every release of actions/runner (github.com/actions/runner/releases, e.g. with
   * Renovate): ARC runners never self-update, and GitHub stops sending jobs to a runner version that
   * has been superseded for more than 30 days.
   */

  @Override
  public String folder() {
    return "github-runners/runners";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.github().flatMap(GitHub::runners).isEmpty()) {
      return List.of();
    }
    GitHub github = lab.github().get();
    Runners runners = github.runners().get();
    List<HasMetadata> out = new ArrayList<>();
    Namespace runnersNs = Namespaces.restricted(RUNNERS_NAMESPACE);
    runnersNs.getMetadata().getAnnotations().put(Namespaces.WHY,
        "plain runner image, no Docker-in-Docker: the deploy workflow only runs kubectl, so the runner pods "
            + "need no privilege and set a restricted securityContext");
    out.add(runnersNs);
    out.add(HelmChart.of(runners.name(), null, CHARTS + "gha-runner-scale-set", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_GHA_RUNNER_SCALE_SET),
        RUNNERS_NAMESPACE, runnerValues(lab, github, runners)));
    out.add(new ServiceAccountBuilder().withNewMetadata().withName(DEPLOYER).withNamespace(RUNNERS_NAMESPACE)
        .endMetadata().build());
    out.add(new ClusterRoleBindingBuilder().withNewMetadata().withName(DEPLOYER).endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName(DEPLOYER).withNamespace(RUNNERS_NAMESPACE).endSubject()
        .build());
    // runners only call out (API server, GitHub); nothing calls in
    out.add(NetworkPolicies.defaultDeny(RUNNERS_NAMESPACE));
    return out;
  }

  @Override
  public Map<String, String> extraFiles(Lab lab) {
    GitHub github = lab.github().orElseThrow();
    Runners runners = github.runners().orElseThrow();
    String credentials = runners.runnerGroup().isPresent()
        ? "`github_token` (a classic PAT with `admin:org`) or, better, `github_app_id`, `github_app_installation_id` and\n"
            + "`github_app_private_key` of a GitHub App installed on " + owner(github) + " with the organization permission\n"
            + "Self-hosted runners: read and write (the scale set registers with the organization)"
        : "`github_token` (a fine-grained PAT with Administration: read/write on " + github.repository() + ")\n"
            + "or `github_app_id`, `github_app_installation_id` and `github_app_private_key`";
    String boundary = runners.runnerGroup()
        .map(group -> "The scale set registers with the organization " + owner(github) + " in its runner group `" + group
            + "`: create the group first\n(organization Settings, Actions, Runner groups), limited to the repository " + github.repository()
            + "\nand to the workflow `" + github.repository() + "/.github/workflows/deploy.yml@refs/heads/" + github.branch()
            + "` (\"selected workflows\"). Then only that\nworkflow on `" + github.branch() + "` can reach the runners: protect the branch. "
            + "A group serves private repositories only,\nunless its \"Allow public repositories\" is ticked.\n\n"
            + "Moving a running scale set from the repository into the group: delete it first (`kubectl -n kube-system\n"
            + "delete helmchart " + runners.name() + "`, then wait until `kubectl -n " + RUNNERS_NAMESPACE
            + " get autoscalingrunnersets` lists it no more),\nthen apply: ARC keeps a scale set's registration and "
            + "never moves it to another owner.\n\n")
        .orElse("The scale set registers with the repository, and a repository has no runner groups: any workflow\n"
            + "of any branch can use it, and in a public repository pull requests from forks too. So whoever can\n"
            + "push a branch to " + github.repository() + " administers the cluster. Keep the repository private with\n"
            + "only people you trust as collaborators; if it belongs to an organization, register the scale set\n"
            + "there in a runner group limited to the deploy workflow instead (`runners(...).runnerGroup(name)`).\n\n");
    return Map.of("README.md", "# GitHub Actions runners\n\n"
        + "Create the Secret `" + github.runnerSecret() + "` in namespace `" + RUNNERS_NAMESPACE + "` with either\n"
        + credentials + ".\n\n"
        + "The runner pods run as `" + DEPLOYER + "`, bound to `cluster-admin`: the deploy workflow applies\n"
        + "every component, RBAC and cluster-scoped objects included. **Any workflow that can target the scale set `"
        + runners(lab) + "` (`runs-on: " + runners(lab) + "`) gets cluster-admin.**\n\n"
        + boundary
        + "The runner image is pinned (`" + dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.IMAGE_ACTIONS_RUNNER) + "`): bump it with every actions/runner release,\n"
        + "GitHub stops sending jobs to a runner version superseded for more than 30 days.\n");
  }

  /** The user or organization that owns the repository. */
  static String owner(GitHub github) {
    return github.repository().substring(0, github.repository().indexOf('/'));
  }

  private static String runners(Lab lab) {
    return lab.github().flatMap(GitHub::runners).map(Runners::name).orElse("");
  }

  static HelmValues runnerValues(Lab lab, GitHub github, Runners runners) {
    Map<String, Object> securityContext = new LinkedHashMap<>();
    securityContext.put("allowPrivilegeEscalation", false);
    securityContext.put("capabilities", Map.of("drop", List.of("ALL")));
    Map<String, Object> runner = new LinkedHashMap<>();
    runner.put("name", "runner");
    runner.put("image", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.IMAGE_ACTIONS_RUNNER));
    runner.put("command", List.of("/home/runner/run.sh"));
    runner.put("securityContext", securityContext);
    Map<String, Object> podSecurityContext = new LinkedHashMap<>();
    podSecurityContext.put("runAsNonRoot", true);
    podSecurityContext.put("runAsUser", 1001); // the image's "runner" user
    podSecurityContext.put("seccompProfile", Map.of("type", "RuntimeDefault"));
    HelmValues values = HelmValues.create()
        // ARC 0.14.2 looks runnerGroup up by name where githubConfigUrl registers the scale set
        // (autoscalingrunnerset_controller.go, createRunnerScaleSet), and only an organization has
        // groups: with a group, the scale set registers with the repository's owner.
        .set("githubConfigUrl", runners.runnerGroup().isPresent() ? "https://github.com/" + owner(github) : github.url())
        // a pre-created Secret (github_token or GitHub App keys) in arc-runners
        .set("githubConfigSecret", github.runnerSecret())
        .set("runnerScaleSetName", runners.name())
        .set("minRunners", runners.min())
        .set("maxRunners", runners.max())
        .set("controllerServiceAccount.namespace", CONTROLLER_NAMESPACE)
        .set("controllerServiceAccount.name", CONTROLLER_SERVICE_ACCOUNT)
        .set("template.spec.serviceAccountName", DEPLOYER)
        .set("template.spec.securityContext", podSecurityContext)
        .setList("template.spec.containers", List.of(runner));
    runners.runnerGroup().ifPresent(group -> values.set("runnerGroup", group));
    return values;
  }
}
