package dev.homelab.k8s.platform;

import dev.homelab.model.host.TaintEffect;
import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.Component;
import dev.homelab.k8s.KubernetesBackend;
import dev.homelab.k8s.yaml.KubernetesYaml;
import dev.homelab.model.Lab;
import dev.homelab.model.monitoring.AlertReceiver;
import dev.homelab.model.host.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Labs for the platform tests (a reference-like one and a bare one) and rendering helpers. */
final class TestLabs {
  private TestLabs() {}

  /** Like the reference homelab, for the platform parts; plus a secret store. */
  static Lab reference() {
    return platform(home("reference"), pi4().taint("homelab.dev/storage", "true", TaintEffect.PREFER_NO_SCHEDULE).disks(nfsDisks()))
        .nodes(nuc())
        .ingress(TRAEFIK)
        .security(CROWDSEC.appsec())
        .monitoring(monitoringOps().receiver("chat", AlertReceiver.Kind.SLACK, secret("alertmanager-slack", "url")))
        .validate();
  }

  /**
   * Only the platform: HA k3s with upgrades, NFS storage and the media volume, monitoring,
   * cert-manager, CrowdSec guarding the hosts (its LAPI on a MetalLB IP), runners and a secret
   * store; no Traefik, data services or apps. Shows what the platform renders on its own.
   */
  static Lab platformOnly() {
    return platform(home("platform"), pi4().disks(nfsDisks())).validate();
  }

  /** {@code lab} with pi1..pi3, {@code storage} and every platform part but Traefik (CrowdSec without AppSec). */
  private static Lab platform(Lab lab, Node storage) {
    return lab
        .nodes(servers())
        .nodes(storage)
        .cluster(k3s("v1.33.4+k3s1").ha().apiEndpoint("192.168.1.11")
            .upgrades(weekendUpgrades().concurrency(1)))
        .tls(CERT_MANAGER)
        .loadBalancer(LAN_POOL)
        .security(CROWDSEC)
        .monitoring(monitoringOps())
        .storage(nfsData())
        .staticVolumes(staticVolume("media", node("pi4"), "media", "4Ti").readOnly())
        .github(githubRunners())
        .secretStore("vault");
  }

  /** {@code lab} with Traefik's own ACME resolver instead of cert-manager (one Traefik replica, as it needs). */
  static Lab withTraefikAcme(Lab lab) {
    return lab.ingress(lab.ingress().orElseThrow().replicas(1))
        .tls(traefikAcme("admin@example.com", secret("cloudflare-api-token", "token")))
        .validate();
  }

  /** A lab with nodes and a cluster but none of the platform parts. */
  static Lab bare() {
    return homelab("bare").lan("192.168.1.0/24")
        .nodes(node("pi1").controlPlane().ip("192.168.1.11"))
        .cluster(k3s("v1.33.4+k3s1"))
        .validate();
  }

  /** The backend's output for {@code lab} (validated first, as the CLI does), only the platform components' folders. */
  static RenderedFiles renderPlatform(Lab lab) {
    RenderedFiles all = new KubernetesBackend().render(lab.validate());
    List<String> folders = PlatformComponents.all().stream().map(Component::folder).toList();
    RenderedFiles.Builder out = RenderedFiles.builder();
    all.files().forEach((path, bytes) -> {
      if (folders.stream().anyMatch(f -> path.startsWith(f + "/"))) {
        out.add(path, bytes);
      }
    });
    return out.build();
  }

  static JsonNode yaml(String text) {
    try {
      return KubernetesYaml.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A rendered object, read back. */
  static JsonNode object(RenderedFiles files, String path) {
    return yaml(files.text(path));
  }

  /** The Helm values of a rendered HelmChart, read back from {@code valuesContent}. */
  static JsonNode values(RenderedFiles files, String path) {
    return yaml(object(files, path).at("/spec/valuesContent").asText());
  }

  static Map<String, byte[]> filesUnder(RenderedFiles files, String folder) {
    return files.files().subMap(folder + "/", folder + "/\uffff");
  }
}
