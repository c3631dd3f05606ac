package dev.homelab.k8s;

import dev.homelab.k8s.crd.helm.HelmChart;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code README.md} at the root of the Kubernetes output: how to apply it. Custom resources
 * (Traefik routes, MetalLB pools, ...) need CRDs that the HelmCharts install a minute later, so a
 * first apply reports "no matches for kind" for them; the guide waits for the CRDs and the admission
 * webhooks of the rendered charts, and applies again.
 */
final class ApplyGuide {
  private ApplyGuide() {}

  /** The CRD name ({@code <plural>.<group>}) of a custom resource k3s does not ship; empty for built-in kinds. */
  static Optional<String> crdName(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    if (!group.contains(".") || group.endsWith(".k8s.io") || group.equals("helm.cattle.io")) {
      return Optional.empty();
    }
    return Optional.of(object.getKind().toLowerCase(Locale.ROOT) + "s." + group);
  }

  /**
   * Admission webhooks the second apply goes through, by chart: the Deployment suffix each chart
   * gives it ({@code <release>-<suffix>}, as the charts name them when the release name contains
   * the chart name, as here). A webhook whose pod is not ready yet rejects the objects it
   * validates ("connection refused"), so the guide waits for its rollout first.
   */
  private static final Map<String, String> WEBHOOKS = new TreeMap<>(Map.of(
      "metallb", "controller",
      "cert-manager", "webhook",
      "external-secrets", "webhook",
      "kube-prometheus-stack", "operator"));

  /** The Deployment serving a chart's admission webhook. */
  record Webhook(String namespace, String deployment) implements Comparable<Webhook> {
    @Override
    public int compareTo(Webhook o) {
      return (namespace + "/" + deployment).compareTo(o.namespace + "/" + o.deployment);
    }
  }

  /** The webhook Deployment of a rendered chart, if it has one. */
  static Optional<Webhook> webhook(HasMetadata object) {
    if (!(object instanceof HelmChart chart)) {
      return Optional.empty();
    }
    String suffix = WEBHOOKS.get(chart.getSpec().chart());
    if (suffix == null) {
      return Optional.empty();
    }
    return Optional.of(new Webhook(chart.getSpec().targetNamespace(), chart.getMetadata().getName() + "-" + suffix));
  }

  /**
   * The chart that installs the Prometheus Operator's CRDs, which other charts' templates need:
   * Traefik's refuses to render without {@code monitoring.coreos.com/v1} (41.3.0
   * {@code templates/servicemonitor.yaml}: "You have to deploy monitoring.coreos.com/v1 first"), and
   * cert-manager's and CrowdSec's ServiceMonitors fail the install with "no matches for kind". When
   * every chart is applied at once, those installs only succeed on a retry of helm-controller's Job,
   * whose pod backs off up to 6 minutes, long enough for the CRD waits to time out on slow Pis.
   */
  static final String MONITORING_CHART = "kube-prometheus-stack";

  private static final String SERVICE_MONITORS_CRD = "crd/servicemonitors.monitoring.coreos.com";

  /**
   * On a fresh cluster, before the first apply: the monitoring chart alone, then a wait for its CRDs
   * (Helm creates them all at once, from the chart's {@code crds/}, before any template); empty
   * when the output has no such chart or no other chart needing it. Paths are relative to {@code k8s/}.
   */
  static String monitoringFirst(List<KubernetesBackend.Placed> awaited) {
    List<KubernetesBackend.Placed> charts = awaited.stream().filter(p -> p.object() instanceof HelmChart).toList();
    return charts.stream()
        .filter(p -> MONITORING_CHART.equals(((HelmChart) p.object()).getSpec().chart()))
        .findFirst()
        .filter(monitoring -> charts.size() > 1)
        .map(monitoring -> KubectlApply.COMMAND + namespaceFile(awaited, (HelmChart) monitoring.object())
            + " -f " + monitoring.path() + "   # its CRDs first (fresh cluster)\n"
            + "kubectl wait --for=create --timeout=10m " + SERVICE_MONITORS_CRD + "\n"
            + "kubectl wait --for=condition=Established --timeout=10m " + SERVICE_MONITORS_CRD + "\n")
        .orElse("");
  }

  /**
   * {@code -f} of the Namespace object the chart installs into, when the output has it: helm-controller
   * creates none without {@code createNamespace}, which the charts here leave unset, so the chart
   * applied alone brings it along (the Secrets step creates the namespace too, but the output's
   * Namespace object carries its Pod Security labels).
   */
  private static String namespaceFile(List<KubernetesBackend.Placed> awaited, HelmChart chart) {
    return awaited.stream()
        .filter(p -> p.object() instanceof io.fabric8.kubernetes.api.model.Namespace
            && p.object().getMetadata().getName().equals(chart.getSpec().targetNamespace()))
        .findFirst().map(p -> " -f " + p.path()).orElse("");
  }

  /**
   * The script that waits, between two applies, until the custom resources can be applied: the
   * CRDs created and established, the webhook Deployments rolled out. The README runs it and the
   * GitHub deploy workflow runs it too ({@code sh k8s/}{@value #WAIT_SCRIPT}), so the list of what
   * to wait for exists once, derived here from the rendered objects (customized ones included).
   */
  static final String WAIT_SCRIPT = "wait-for-crds-and-webhooks.sh";

  /** How this folder is applied, by hand and by the GitHub deploy workflow alike (see {@link KubectlApply}). */
  static final String APPLY = KubectlApply.COMMAND + " -k .";

  /** The commands of {@link #WAIT_SCRIPT}, one per line (continuations joined with {@code \}). */
  static String waitCommands(Set<String> crds, Set<Webhook> webhooks) {
    StringBuilder sb = new StringBuilder();
    if (!crds.isEmpty()) {
      // condition=Established fails at once with NotFound while helm-controller has not created a
      // CRD yet; --for=create (kubectl 1.31+) waits for it to appear first
      sb.append("crds=\"");
      sb.append(crds.stream().map(c -> "crd/" + c).collect(java.util.stream.Collectors.joining("\n  ")));
      sb.append("\"\n");
      // unquoted on purpose: the shell splits the list into one argument per CRD
      for (String condition : new String[] {"create", "condition=Established"}) {
        sb.append("kubectl wait --for=").append(condition).append(" --timeout=10m $crds\n");
      }
    }
    for (Webhook w : webhooks) {
      // the chart creates the Deployment with its CRDs; wait for it to exist, then to be ready
      String target = " --timeout=10m deploy/" + w.deployment();
      sb.append("kubectl -n ").append(w.namespace()).append(" wait --for=create").append(target).append('\n')
          .append("kubectl -n ").append(w.namespace()).append(" rollout status").append(target).append('\n');
    }
    if (!webhooks.isEmpty()) {
      // A rolled-out webhook may not answer yet: MetalLB's controller is Ready before its certificate
      // rotator lets the webhook server start (metallb internal/k8s), and cert-manager's webhook works
      // only once cainjector has put its CA into the webhook configurations. A server-side dry run goes
      // through every admission webhook; repeat it until it passes (30 tries, 10 s apart), so the apply
      // after this script does not fail with "connection refused" or an x509 error. The folder is the
      // script's own: the README runs it from k8s/, the deploy workflow from the repository's root.
      sb.append("tries=0\n")
          .append("until out=$(").append(KubectlApply.COMMAND).append(" --dry-run=server -k \"$(dirname \"$0\")\" 2>&1); do\n")
          .append("  tries=$((tries + 1))\n")
          .append("  if [ \"$tries\" -ge 30 ]; then printf '%s\\n' \"$out\" >&2; exit 1; fi\n")
          .append("  sleep 10\n")
          .append("done\n");
    }
    return sb.toString();
  }

  static String waitScript(Set<String> crds, Set<Webhook> webhooks) {
    String commands = waitCommands(crds, webhooks);
    return "#!/bin/sh\n"
        + "# Rendered by the homelab DSL. Run between two `kubectl apply -k` of this folder (README.md):\n"
        + "# waits until the CRDs the charts install exist and are established, and until the admission\n"
        + "# webhooks that validate the custom resources are rolled out and answer. Needs kubectl 1.31 or later.\n"
        + "set -eu\n"
        + (commands.isEmpty() ? "# nothing to wait for: this output has no custom resources and no webhooks\n" : commands);
  }

  static String readme(Set<String> crds, Set<Webhook> webhooks, String monitoringFirst) {
    StringBuilder sb = new StringBuilder("""
        # Kubernetes manifests

        Generated by the homelab DSL: one folder per component, data service (`data/<name>`) and app
        (`apps/<name>`), one file per object, a `kustomization.yaml` in every folder and one here.
        Do not edit by hand: change the lab and render again (or use `KubernetesBackend.customize`).

        ## Apply

        Secrets first: see `SECRETS.md` (nothing here contains a secret value).

        Charts are installed by k3s' helm-controller (`HelmChart` objects in `kube-system`), and the
        custom resources below need the CRDs those charts install and the admission webhooks that
        validate them. Apply, run `%s` (it waits for the CRDs to be created and
        established, for the webhooks to roll out, then until a server-side dry run of this folder
        passes every webhook; kubectl 1.31 or later), apply again. The GitHub deploy workflow runs
        the same three steps.
        """.formatted(WAIT_SCRIPT));
    if (!monitoringFirst.isEmpty()) {
      sb.append("""

          On a fresh cluster, apply the `%s` chart alone first and wait for its CRDs: the
          other charts render ServiceMonitors, and helm-controller can only install them once those
          CRDs exist (otherwise each install fails and is retried, backing off up to 6 minutes).
          """.formatted(MONITORING_CHART));
    }
    sb.append("\n```sh\n").append(monitoringFirst).append("""
        %s   # custom resources may fail once
        sh %s
        """.formatted(APPLY, WAIT_SCRIPT));
    sb.append("""
        %s   # now everything applies; later runs are idempotent
        ```

        """.formatted(APPLY));
    String commands = waitCommands(crds, webhooks);
    sb.append(commands.isEmpty() ? "The script has nothing to wait for in this output.\n"
        : "The script runs:\n\n```sh\n" + commands + "```\n");
    sb.append("""

        A Flux `Kustomization` on this folder converges the same way: it fails until the CRDs exist
        and succeeds on a later interval (set `retryInterval: 1m`).

        ## Security defaults

        - Every namespace carries Pod Security labels: `restricted`, unless a comment heading its
          file and its annotation `homelab.dev/pod-security-reason` say why it needs more.
        - Every namespace denies all ingress (`default-deny`) and allows exactly the flows it needs:
          Traefik to routed apps, apps to the data services they use, Prometheus to metrics ports,
          the LAN and VPN to Pi-hole's DNS and to Traefik's internal entrypoint.
        - Egress is not denied: apps, backups (S3) and Traefik (ACME, plugin download) need the
          internet, and a NetworkPolicy can only match IP ranges, not host names. Add egress
          policies with `KubernetesBackend.customize`/`with` where you know the ranges.
        - The public entrypoint, and plain HTTP (which only redirects to HTTPS), run CrowdSec before
          every route on them, so no route can leave it out; public routes add security headers.
          Internal routes sit only on the internal entrypoint, whose LoadBalancer IP the router
          never forwards.

        ## Storage

        Every claim names its StorageClass, so nothing depends on which class the cluster marks as
        default. Two kinds (`StorageKind`):

        - node-local, k3s' `local-path` (a folder under `/var/lib/rancher/k3s/storage` on the node
          that first runs the pod, which then stays on that node): the default for data services,
          Prometheus and CrowdSec's LAPI, and for app claims marked `.local()`. Databases, SQLite
          files (Home Assistant, Jellyfin, Pi-hole) and Prometheus' TSDB need the POSIX locks and
          mmap that NFS does not provide reliably; Prometheus does not support NFS at all.
        - shared, the lab's NFS class (the one marked `.asDefault()`, else the first declared): the
          default for app claims. Media and bulk data, which should outlive a node.

        A node-local claim lives on one node's disk (on a Raspberry Pi booted from an SD card, that
        card): back it up with the app's or the data service's backup.
        ## LoadBalancer IPs

        - With `Traefik.preserveClientIp()` (the default) Traefik's Services use
          `externalTrafficPolicy: Local`, so a node only answers for their IPs when it runs a Traefik
          pod: Traefik then runs as a DaemonSet (one pod per node) and `Traefik.replicas()` does not
          apply. That also serves VPN clients, which the WireGuard gateway node forwards to the
          internal IP through its own kube-proxy. With Traefik's own ACME resolver (one volume)
          Traefik stays a single-pod Deployment.
        - Pi-hole's DNS Service uses `externalTrafficPolicy: Cluster`: DNS must answer from every
          node (the VPN gateway, nodes resolving through the IP), which matters more than per-client
          statistics in Pi-hole (queries forwarded by another node show that node as the client).
        - NetworkPolicies that admit the LAN through a LoadBalancer IP (Pi-hole DNS, the CrowdSec
          LAPI, Traefik's internal entrypoints) also admit the pod network (k3s `cluster-cidr`):
          kube-proxy masquerades packets the nodes send or forward to those IPs to the node's
          flannel address, and pods resolving through Pi-hole come from pod IPs.
        - Traefik's internal routes themselves (Middleware `internal-only`) admit the LAN and the VPN
          only: a request a node or a pod sends to an internal host name arrives from the pod
          network and gets 403. Inside the cluster, call the app's Service
          (`http://<app>.<namespace>.svc:<port>`) instead; that way a compromised public app cannot
          reach the internal ones through Traefik either.
        """);
    return sb.toString();
  }
}
