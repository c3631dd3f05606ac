package dev.homelab.k8s.platform;

import dev.homelab.k8s.Component;
import dev.homelab.k8s.Namespaces;
import dev.homelab.k8s.NetworkPolicies;
import dev.homelab.k8s.Peers;
import dev.homelab.k8s.crd.helm.HelmChart;
import dev.homelab.k8s.crd.helm.HelmValues;
import dev.homelab.model.Lab;
import dev.homelab.model.security.CrowdSec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CrowdSec from its Helm chart: an agent on every node reading the Traefik pods' logs and the
 * hosts' logs, the Local API (on a MetalLB IP when the host firewall bouncers need it) and,
 * optionally, the AppSec WAF the Traefik bouncer forwards requests to.
 *
 * <p>The release is called {@code crowdsec}, so the chart names the Services
 * {@code crowdsec-service} (LAPI, 8080) and {@code crowdsec-appsec-service} (7422): the Traefik
 * bouncer middleware points at those names.
 *
 * @see <a href="https://github.com/crowdsecurity/helm-charts/tree/main/charts/crowdsec">crowdsec chart</a>
 */
public final class CrowdSecComponent implements Component {
  /** Namespace of CrowdSec. */
  public static final String NAMESPACE = Peers.CROWDSEC_NAMESPACE;
  /** Helm release name; the chart derives the Service names from it. */
  public static final String RELEASE = Peers.CROWDSEC_RELEASE;
  static final int LAPI_PORT = Peers.CROWDSEC_LAPI_PORT;
  static final int APPSEC_PORT = Peers.CROWDSEC_APPSEC_PORT;
  static final int METRICS_PORT = 6060;
  /** AppSec pods (chart key {@code appsec.replicas}, default 1). */
  static final int APPSEC_REPLICAS = 2;
  static final Map<String, String> LAPI_PODS = Peers.CROWDSEC_LAPI_PODS;
  static final Map<String, String> ALL_PODS = Map.of("k8s-app", RELEASE);

  @Override
  public String folder() {
    return "crowdsec";
  }

  @Override
  public List<HasMetadata> objects(Lab lab) {
    if (lab.security().isEmpty()) {
      return List.of();
    }
    CrowdSec cs = lab.security().get();
    List<HasMetadata> out = new ArrayList<>();
    out.add(Namespaces.privileged(NAMESPACE,
        "the agent DaemonSet mounts the hosts' /var/log (hostPath) to read container and system logs"));
    out.add(HelmChart.of(RELEASE, "https://crowdsecurity.github.io/helm-charts", "crowdsec", dev.homelab.versions.Versions.of(lab).get(dev.homelab.versions.VersionKey.CHART_CROWDSEC),
        NAMESPACE, values(lab, cs)));
    out.addAll(networkPolicies(lab, cs));
    return out;
  }

  @Override
  public Map<String, String> extraFiles(Lab lab) {
    CrowdSec cs = lab.security().orElseThrow();
    StringBuilder sb = new StringBuilder("# CrowdSec\n\n")
        .append("Create these Secrets in namespace `").append(NAMESPACE).append("` before the first deployment:\n\n")
        .append("- `").append(cs.traefikBouncerKey().name()).append("` key `").append(cs.traefikBouncerKey().key())
        .append("`: the Traefik bouncer's key (the same value the Traefik middleware uses)\n");
    if (cs.firewallBouncers()) {
      sb.append("- `").append(cs.firewallBouncerKey().name()).append("` key `").append(cs.firewallBouncerKey().key())
          .append("`: the host firewall bouncers' key\n");
    }
    cs.enroll().ifPresent(k -> sb.append("- `").append(k.name()).append("` key `").append(k.key())
        .append("`: the console enrollment key\n"));
    sb.append("\nThe agents also read `/var/log/auth.log` and `/var/log/syslog` of every node (rsyslog).\n");
    cs.lapiIp().ifPresent(ip -> sb.append("The host bouncers reach the LAPI at `http://").append(ip).append(":")
        .append(LAPI_PORT).append("/`.\n"));
    return Map.of("README.md", sb.toString());
  }

  static HelmValues values(Lab lab, CrowdSec cs) {
    boolean monitored = lab.monitoring().isPresent();
    HelmValues v = HelmValues.create()
        // k3s runs containerd: selects the CRI log parser for /var/log/containers
        .set("container_runtime", "containerd");

    // ---- agent: a DaemonSet reading Traefik's access logs and the hosts' auth/syslog
    Map<String, Object> traefikLogs = new LinkedHashMap<>();
    traefikLogs.put("namespace", Peers.traefikNamespace(lab));
    traefikLogs.put("podName", "traefik-*");
    traefikLogs.put("program", "traefik");
    v.setList("agent.acquisition", List.of(traefikLogs));
    Map<String, Object> hostLogs = new LinkedHashMap<>();
    hostLogs.put("source", "file");
    hostLogs.put("filenames", List.of("/var/log/auth.log", "/var/log/syslog"));
    hostLogs.put("labels", Map.of("type", "syslog"));
    v.setList("agent.additionalAcquisition", List.of(hostLogs));
    v.setList("agent.env", List.of(Platform.env("COLLECTIONS", "crowdsecurity/traefik crowdsecurity/linux")));
    // agents run on every node, control-plane ones included
    v.setList("agent.tolerations", List.of(Map.of("operator", "Exists", "effect", "NoSchedule")));

    // ---- LAPI: bouncer keys pre-registered from Secrets; a MetalLB IP for the host bouncers
    List<Map<String, Object>> lapiEnv = new ArrayList<>();
    lapiEnv.add(Platform.secretEnv("BOUNCER_KEY_traefik", cs.traefikBouncerKey()));
    if (cs.firewallBouncers()) {
      lapiEnv.add(Platform.secretEnv("BOUNCER_KEY_firewall", cs.firewallBouncerKey()));
    }
    cs.enroll().ifPresent(key -> {
      lapiEnv.add(Platform.secretEnv("ENROLL_KEY", key));
      lapiEnv.add(Platform.env("ENROLL_INSTANCE_NAME", lab.name()));
      lapiEnv.add(Platform.env("ENROLL_TAGS", "k8s"));
    });
    v.setList("lapi.env", lapiEnv);
    // The LAPI keeps its decisions and bouncer registrations in SQLite: node-local, never NFS.
    String localClass = lab.storageClassForSmallState();
    v.set("lapi.persistentVolume.data.storageClassName", localClass)
        .set("lapi.persistentVolume.config.storageClassName", localClass);
    cs.lapiIp().ifPresent(ip -> v
        .set("lapi.service.type", "LoadBalancer")
        .set("lapi.service.annotations", Map.of("metallb.io/loadBalancerIPs", ip))
        // Local keeps the bouncers' source address, so the LAN NetworkPolicy can match it
        .set("lapi.service.externalTrafficPolicy", "Local"));

    // ---- AppSec WAF, reached by the Traefik bouncer on 7422
    if (cs.isAppsec()) {
      Map<String, Object> appsec = new LinkedHashMap<>();
      appsec.put("source", "appsec");
      appsec.put("listen_addr", "0.0.0.0:" + APPSEC_PORT);
      appsec.put("path", "/");
      appsec.put("appsec_configs", List.of("crowdsecurity/appsec-default", "crowdsecurity/crs"));
      appsec.put("labels", Map.of("type", "appsec"));
      v.set("appsec.enabled", true)
          // two pods, so a restart or a node drain does not leave the Traefik bouncer without AppSec
          .set("appsec.replicas", APPSEC_REPLICAS)
          .setList("appsec.acquisitions", List.of(appsec))
          .setList("appsec.env", List.of(Platform.env("COLLECTIONS",
              "crowdsecurity/appsec-virtual-patching crowdsecurity/appsec-generic-rules crowdsecurity/appsec-crs")));
    }

    if (monitored) {
      for (String part : cs.isAppsec() ? List.of("lapi", "agent", "appsec") : List.of("lapi", "agent")) {
        v.set(part + ".metrics.enabled", true)
            .set(part + ".metrics.serviceMonitor.enabled", true)
            .set(part + ".metrics.serviceMonitor.additionalLabels", Peers.RELEASE_LABEL);
      }
    }
    return v;
  }

  private static List<HasMetadata> networkPolicies(Lab lab, CrowdSec cs) {
    List<HasMetadata> out = new ArrayList<>();
    out.add(NetworkPolicies.defaultDeny(NAMESPACE));
    // agents and AppSec register with and report to the LAPI inside the namespace
    out.add(NetworkPolicies.allowSameNamespace(NAMESPACE));
    out.add(Peers.allowFromTraefik(lab, NAMESPACE, "allow-lapi-from-traefik", LAPI_PODS, List.of(LAPI_PORT)));
    if (cs.isAppsec()) {
      out.add(Peers.allowFromTraefik(lab, NAMESPACE, "allow-appsec-from-traefik", Peers.CROWDSEC_APPSEC_PODS,
          List.of(APPSEC_PORT)));
    }
    if (cs.lapiIp().isPresent() && lab.lan().isPresent()) {
      // the firewall bouncers on the hosts poll the LAPI through its MetalLB IP; a host's own
      // packets to that IP arrive masqueraded to its flannel address, hence the pod network too
      out.add(NetworkPolicies.allowFromCidrs(NAMESPACE, "allow-lapi-from-lan", LAPI_PODS,
          Peers.viaLoadBalancer(lab, List.of(lab.lan().get())), Platform.tcp(LAPI_PORT)));
    }
    if (lab.monitoring().isPresent()) {
      out.add(Platform.allowScrape(NAMESPACE, ALL_PODS, List.of(METRICS_PORT)));
    }
    return out;
  }
}
