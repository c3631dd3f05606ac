package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API VIP ({@code k3s(...).apiVip(...)}) on the servers, through the local role
 * {@code homelab_api_vip}: keepalived (VRRP, unicast between the servers' addresses) holds the VIP
 * on one server, preferring those whose API server answers {@code /readyz}; and the first server
 * joins a running cluster instead of starting a new one when it was rebuilt.
 *
 * <p>Why keepalived from this playbook and not kube-vip from k3s' manifests: k3s-ansible 1.2.2
 * ({@code roles/k3s_server/tasks/main.yml}) starts the first server, pauses 10 seconds, then points
 * every other server at {@code https://<api_endpoint>:6443}, and the agents after its wait on that
 * address. kube-vip in {@code /var/lib/rancher/k3s/server/manifests} only holds the VIP once the
 * first server runs, has pulled its image and won the lease, which can take longer than that pause
 * on a Raspberry Pi; and it depends on the API it fronts. keepalived runs before k3s is installed
 * (site.yml comes first), so the VIP exists before anything joins through it, and its health check
 * moves it off a server whose API server is down without needing the cluster.
 *
 * <p>Why the rejoin task: k3s-ansible always gives the first host of {@code server} {@code
 * cluster-init: true} and no {@code server:}; on a reinstalled first server (no etcd data) k3s would
 * start a second, empty cluster beside the running one. The role then writes a k3s drop-in
 * ({@code /etc/rancher/k3s/config.yaml.d/}, read after {@code config.yaml}) that makes it join
 * through the VIP like the other servers.
 *
 * @see <a href="https://keepalived.readthedocs.io/en/latest/configuration_synopsis.html">keepalived configuration</a>
 * @see <a href="https://docs.k3s.io/installation/configuration#configuration-file">k3s configuration files and drop-ins</a>
 */
final class ApiVipSystem extends HostSystem {
  static final String GROUP = "api_vip";
  static final String ROLE = "homelab_api_vip";
  /** Priority of the first server; each next server one less. A failing check takes {@link #CHECK_WEIGHT} off. */
  static final int FIRST_PRIORITY = 150;
  /** Larger than any gap between server priorities: a server with a healthy API always wins over one without. */
  static final int CHECK_WEIGHT = 50;
  static final int API_PORT = 6443;

  ApiVipSystem(Lab lab) {
    super(lab, GROUP, "API VIP on the servers (keepalived)");
  }

  @Override
  Map<String, List<String>> groups() {
    boolean vip = lab.cluster().flatMap(K3s::apiVip).isPresent();
    return group(GROUP, vip ? lab.servers().stream().map(Node::name).toList() : List.of());
  }

  @Override
  Map<String, Object> vars() {
    String vip = lab.cluster().flatMap(K3s::apiVip).orElseThrow();
    List<Node> servers = lab.servers();
    Map<String, Object> priorities = new LinkedHashMap<>();
    Map<String, Object> peers = new LinkedHashMap<>();
    for (int i = 0; i < servers.size(); i++) {
      priorities.put(servers.get(i).name(), FIRST_PRIORITY - i);
      peers.put(servers.get(i).name(), servers.get(i).address());
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("homelab_api_vip_address", vip);
    vars.put("homelab_api_vip_prefix", prefix());
    vars.put("homelab_api_vip_router_id", routerId(vip));
    vars.put("homelab_api_vip_check_weight", CHECK_WEIGHT);
    vars.put("homelab_api_vip_priorities", priorities);
    vars.put("homelab_api_vip_peers", peers);
    vars.put("homelab_api_vip_first_server", servers.get(0).name());
    vars.put("homelab_api_vip_join_url", "https://" + vip + ":" + API_PORT);
    return vars;
  }

  /** The LAN's prefix length: the VIP is added with it, like the servers' own addresses. */
  private String prefix() {
    String lan = lab.lan().orElseThrow();
    return lan.substring(lan.indexOf('/') + 1);
  }

  /**
   * The VRRP router id (1-255, one per VRRP group on the LAN): the VIP's last octet, so two labs,
   * or a router running VRRP, on one LAN differ as long as their VIPs do in that octet.
   */
  static int routerId(String vip) {
    int last = Integer.parseInt(vip.substring(vip.lastIndexOf('.') + 1));
    return last == 0 ? 255 : last;
  }

  @Override
  String readme() {
    String vip = lab.cluster().flatMap(K3s::apiVip).orElseThrow();
    Node first = lab.servers().get(0);
    String others = String.join(", ", lab.servers().stream().skip(1).map(Node::name).toList());
    return """
        ### API VIP

        keepalived on every server holds `%s` (VRRP router id %d, unicast between the servers) on
        the server with the highest priority: `%s` first, then in inventory order, and %d less for
        a server whose API server does not answer `/readyz` (checked every 5 s with k3s' admin client
        certificate). It runs before k3s: the VIP exists when k3s-ansible points the joining servers
        and the agents at it (`api_endpoint`), and is also in the API certificate (`tls-san`).

        **Rebuilding a server.** Take it out of the cluster first, from your workstation:
        `kubectl delete node <name>` (k3s removes its etcd member with it). Reinstall the OS, then
        run `site.yml --limit <name>` and k3s-ansible with `--forks 1`. `%s` needs nothing more,
        although k3s-ansible gives it `cluster-init`: when it has no etcd data and %s answers on
        port %d, `site.yml` writes `/etc/rancher/k3s/config.yaml.d/50-homelab-join.yaml`
        (`cluster-init: false`, `server: %s`), so it joins through the VIP instead of starting
        a new, empty cluster. The file stays: `%s` is then an ordinary joining server. Only when every
        server is lost, restore from an etcd snapshot (`k3s server --cluster-reset --cluster-reset-restore-path=...`)
        on `%s` without that file.

        **Its node-local volumes** (k3s `local-path`: data services, Prometheus, apps marked
        `.local()`) are folders on its disk, so a rebuild empties them and their pods start again on
        empty folders, and the next nightly backup would make that empty state `latest`. Before
        `kubectl delete node`, list them:
        `kubectl get pv -o jsonpath='{range .items[?(@.spec.storageClassName=="local-path")]}{.spec.claimRef.namespace}/{.spec.claimRef.name} {.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}{"\\n"}{end}'`,
        suspend the backup CronJobs of their namespaces (`kubectl -n <namespace> get cronjobs` lists them;
        `kubectl -n <namespace> patch cronjob backup-<target> -p '{"spec":{"suspend":true}}'`), and once
        the node is back, restore each from its backup (`k8s/README.md`, "Backups and restore")
        before you resume them.
        """.formatted(vip, routerId(vip), first.name(), CHECK_WEIGHT, first.name(), others.isEmpty() ? "another server" : "one of " + others,
        API_PORT, "https://" + vip + ":" + API_PORT, first.name(), first.name());
  }

  @Override
  List<String> roles() {
    return List.of(ROLE);
  }
}
