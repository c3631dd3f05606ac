package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import dev.homelab.model.infra.GitHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * The Actions Runner Controller ({@code gha-runner-scale-set-controller}) in {@code arc-systems},
 * rendered when the lab has in-cluster runners ({@link GitHubRunnersComponent}).
 *
 * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set-controller">gha-runner-scale-set-controller</a>
 */
public final class ArcControllerComponent implements Component {
  /** Namespace of the runner controller. */
  public static final String NAMESPACE = "arc-systems";
  /** Helm release of the controller. */
  static final String RELEASE = "arc";
  /** Named explicitly, so the scale set's RoleBinding does not depend on a lookup at install time. */
  static final String SERVICE_ACCOUNT = "arc-gha-rs-controller";

  @Override
  public String folder() {
    return "github-runners/controller";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.github().flatMap(GitHub::runners).isEmpty()) {
      return List.of();
    }
    return List.of(
        Namespaces.baseline(NAMESPACE,
            "the controller creates the scale sets' listener pods without a restricted securityContext"),
        HelmChart.of(RELEASE, null, GitHubRunnersComponent.CHARTS + "gha-runner-scale-set-controller",
            dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_GHA_RUNNER_SCALE_SET), NAMESPACE, values()),
        // controller and listeners only call out (API server, GitHub); nothing calls in
        NetworkPolicies.defaultDeny(NAMESPACE));
  }

  static HelmValues values() {
    return HelmValues.create()
        .set("serviceAccount.create", true)
        .set("serviceAccount.name", SERVICE_ACCOUNT)
        .set("flags.logLevel", "info");
  }
}
