package dev.homelab.k8s;

import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.BringUpStep.Stage;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.secrets.SecretsChecklist;
import dev.homelab.model.Lab;
import dev.homelab.model.data.DataService;
import dev.homelab.model.network.Exposure;
import dev.homelab.model.storage.StorageKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Kubernetes steps of the bring-up: the Secrets (their namespaces first), then apply, wait for
 * the CRDs and webhooks, apply again, and wait until helm-controller has installed every chart and
 * the manifests' own Jobs are complete;
 * last, what the router and the LAN must point at.
 */
final class BringUp {
  private BringUp() {}

  static List<BringUpStep> steps(Lab lab, List<KubernetesBackend.Placed> awaited, SecretsChecklist secrets) {
    List<BringUpStep> steps = new ArrayList<>();
    if (!secrets.missing().isEmpty()) {
      String body = lab.secretStore().isPresent()
          ? "The manifests turn every Secret into an ExternalSecret of the ClusterSecretStore `" + lab.secretStore().get()
              + "`: fill the store as `k8s/SECRETS.md` lists. The store itself is yours to create (the manifests do not), once\n"
              + "the external-secrets chart has installed its CRDs: the next step says when.\n"
          : "Run the commands of `k8s/SECRETS.md` (\"Create them\"): they create each namespace first, then each Secret\n"
              + "with the keys its consumers read. " + secrets.missing().size() + " Secrets; the manifests never hold a value.\n";
      steps.add(new BringUpStep(Stage.SECRETS, "Create the Secrets", body));
    }

    TreeSet<String> jobs = new TreeSet<>();
    for (KubernetesBackend.Placed placed : awaited) {
      HasMetadata o = placed.object();
      if (o instanceof HelmChart chart) {
        // helm-controller runs each chart's install as Job helm-install-<name> in the chart's namespace
        jobs.add(chart.getMetadata().getNamespace() + " job/helm-install-" + chart.getMetadata().getName());
      } else if (o instanceof Job job) {
        // the manifests' own Jobs (a data service's roles and users), named after their content
        jobs.add(job.getMetadata().getNamespace() + " job/" + job.getMetadata().getName());
      }
    }
    String monitoringFirst = ApplyGuide.monitoringFirst(awaited);
    StringBuilder sb = new StringBuilder("From `k8s/` (the GitHub workflow runs the same three steps later):\n\n");
    if (!monitoringFirst.isEmpty()) {
      sb.append("The `").append(ApplyGuide.MONITORING_CHART).append("` chart goes first, alone: the other charts render ServiceMonitors,\n")
          .append("which helm-controller can only install once its CRDs exist.\n\n");
    }
    sb.append("```sh\n").append(monitoringFirst)
        .append(ApplyGuide.APPLY).append("   # custom resources may fail this first time\n")
        .append("sh ").append(ApplyGuide.WAIT_SCRIPT).append('\n');
    // ClusterSecretStore is a CRD of the external-secrets chart: it exists only after the wait above,
    // and every ExternalSecret stays unsynced (its pods without their Secrets) until the store is Ready.
    // Its own block: a block pasted whole must not wait for a store nobody has created yet.
    lab.secretStore().ifPresent(store -> sb
        .append("```\n\nNow create your ClusterSecretStore `").append(store)
        .append("` (the manifests do not: `k8s/SECRETS.md`), then go on:\n\n```sh\n")
        .append("kubectl wait --for=condition=Ready --timeout=5m clustersecretstore/").append(store).append('\n'));
    sb.append(ApplyGuide.APPLY).append('\n');
    for (String job : jobs) {
      String[] nsAndJob = job.split(" ", 2);
      sb.append("kubectl -n ").append(nsAndJob[0]).append(" wait --for=condition=complete --timeout=15m ").append(nsAndJob[1]).append('\n');
    }
    // Ready, not Running: a crash-looping or unready pod shows Running too. Job pods never become
    // Ready (a CronJob's, e.g. Nextcloud's every 5 minutes, may be running when the wait starts and end
    // Succeeded or be deleted meanwhile), so they are left out by the label the Job controller puts on
    // its pods (job-name, on every Kubernetes release; batch.kubernetes.io/job-name only since 1.27);
    // the Jobs above are waited for as Jobs. A failed or finished pod is replaced by its controller:
    // the new one counts.
    sb.append("kubectl wait --for=condition=Ready pod -A -l '!job-name' --field-selector=status.phase!=Failed,status.phase!=Succeeded --timeout=15m\n```\n");
    boolean publicApps = lab.apps().stream().anyMatch(a -> a.exposure() == Exposure.PUBLIC);
    lab.ingress().flatMap(t -> t.publicIp()).filter(ip -> publicApps).ifPresent(ip -> sb
        .append("\nOn your router, forward TCP 80 and 443 to `").append(ip).append("`, Traefik's public IP (and nothing to its\n")
        .append("internal IP").append(lab.ingress().get().internalIp().map(i -> " `" + i + "`").orElse(""))
        .append(", which serves the LAN and the VPN only).\n"));
    lab.dataServices().stream().filter(d -> d.kind() == DataService.Kind.PIHOLE).findFirst().ifPresent(pihole ->
        pihole.loadBalancerIp().ifPresent(ip -> {
          sb.append("\nHand out `").append(ip).append("` (Pi-hole) as the DNS server in your router's DHCP settings, so the LAN\n")
              .append("resolves the internal names (Pi-hole holds a record for every routed host). Not to the nodes: keep\n")
              .append("their resolvers static (a DHCP reservation without Pi-hole, or a fixed `/etc/resolv.conf`), since k3s\n")
              .append("hands the node's resolvers to CoreDNS and containerd pulls images through them; with Pi-hole there,\n")
              .append("a restarting Pi-hole would stop every name lookup and image pull in the cluster, its own included.\n");
          // One pod; a node-local volume (local-path's PersistentVolume carries node affinity) cannot follow it elsewhere.
          if (lab.storageClassOf(pihole).equals(StorageKind.LOCAL_PATH)) {
            sb.append("Pi-hole is one pod, kept on one node by its `local-path` volume: while that node drains for an upgrade\n")
                .append("or is down, the LAN gets no DNS answers. A second DNS server in the DHCP settings (the router's own)\n")
                .append("keeps names resolving then, but clients ask it whenever they like, without Pi-hole's block lists or the\n")
                .append("internal names: choose which outage you prefer.\n");
          }
        }));
    steps.add(new BringUpStep(Stage.KUBERNETES, "Apply the manifests", sb.toString()));
    dev.homelab.k8s.data.RestoreGuide.bringUpStep(lab).ifPresent(steps::add);
    return steps;
  }
}
