package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The external-secrets operator, when the lab names a ClusterSecretStore. The store itself is
 * provider-specific (Vault, 1Password, Bitwarden, a cloud secret manager...) and holds the
 * credentials to that provider, so it is the user's: the folder's README says what to create.
 *
 * @see <a href="https://external-secrets.io/latest/api/clustersecretstore/">ClusterSecretStore</a>
 */
public final class ExternalSecretsComponent implements Component {
  /** Namespace of the external-secrets operator. */
  public static final String NAMESPACE = "external-secrets";
  static final int WEBHOOK_PORT = 10250;
  static final int METRICS_PORT = 8080;

  @Override
  public String folder() {
    return "external-secrets";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.secretStore().isEmpty()) {
      return List.of();
    }
    List<HasMetadata> out = new ArrayList<>();
    out.add(Namespaces.restricted(NAMESPACE));
    HelmValues values = HelmValues.create().set("installCRDs", true);
    if (lab.monitoring().isPresent()) {
      values.set("serviceMonitor.enabled", true).set("serviceMonitor.additionalLabels", Peers.RELEASE_LABEL);
    }
    out.add(HelmChart.of("external-secrets", "https://charts.external-secrets.io", "external-secrets",
        dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_EXTERNAL_SECRETS), NAMESPACE, values));
    out.add(NetworkPolicies.defaultDeny(NAMESPACE));
    out.add(NetworkPolicies.allowSameNamespace(NAMESPACE));
    // ExternalSecrets and stores are validated by the operator's webhook
    out.add(Peers.allowFromApiServer(lab, NAMESPACE, Map.of("app.kubernetes.io/name", "external-secrets-webhook"),
        WEBHOOK_PORT));
    if (lab.monitoring().isPresent()) {
      out.add(Platform.allowScrape(NAMESPACE, Map.of(), List.of(METRICS_PORT)));
    }
    return out;
  }

  @Override
  public Map<String, String> extraFiles(Lab lab) {
    String store = lab.secretStore().orElse("");
    return Map.of("README.md", "# external-secrets\n\n"
        + "The operator is installed here; the ClusterSecretStore `" + store + "` that every ExternalSecret\n"
        + "of this lab reads from is yours to create, because it names your secret provider and its\n"
        + "credentials. For example, with Vault:\n\n"
        + "```yaml\napiVersion: external-secrets.io/v1\nkind: ClusterSecretStore\nmetadata:\n  name: " + store + "\n"
        + "spec:\n  provider:\n    vault:\n      server: https://vault.example.com\n      path: secret\n"
        + "      version: v2\n      auth:\n        tokenSecretRef: {name: vault-token, key: token, "
        + "namespace: external-secrets}\n```\n\n"
        + "See https://external-secrets.io/latest/provider/ for the other providers.\n");
  }
}
