package dev.homelab.ansible;

import dev.homelab.model.Lab;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code inventory.yml} in the shape k3s-io/k3s-ansible reads: {@code k3s_cluster} with children
 * {@code server} and {@code agent} in declaration order (k3s-ansible initialises etcd on the first
 * host of {@code server}), the cluster variables once on {@code k3s_cluster}, the cluster-wide k3s
 * flags once as the {@code server} group's {@code server_config_yaml}; then one group per host
 * system (membership only, see {@link HostSystem}).
 *
 * @see <a href="https://github.com/k3s-io/k3s-ansible/blob/main/inventory-sample.yml">inventory-sample.yml</a>
 */
final class K3sInventory {
  static final String CLUSTER = "k3s_cluster";
  static final String SERVER = "server";
  static final String AGENT = "agent";

  private K3sInventory() {}

  static Map<String, Object> build(Lab lab, Vault vault, List<HostSystem> systems) {
    K3s k3s = lab.cluster().orElseThrow();

    Map<String, Object> server = new LinkedHashMap<>();
    server.put("hosts", hosts(lab, lab.servers(), true));
    Map<String, Object> serverVars = new LinkedHashMap<>();
    serverVars.put("server_config_yaml", Yaml.k3sDocument(K3sConfig.server(lab, vault)));
    server.put("vars", serverVars);

    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("hosts", hosts(lab, lab.agents(), false));
    // k3s-ansible's k3s_agent role joins with {{ token }} (K3S_TOKEN in k3s-agent.service.env): the
    // group's own value wins over k3s_cluster's, so the server token never reaches the agents
    k3s.agentToken().ifPresent(t -> agent.put("vars", Map.of("token", K3sConfig.agentToken(vault, t))));

    Map<String, Object> children = new LinkedHashMap<>();
    children.put(SERVER, server);
    children.put(AGENT, agent);

    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("ansible_user", lab.sshUser());
    vars.put("k3s_version", k3s.version());
    vars.put("token", vault.ref(k3s.token(), "k3s join token (also encrypts etcd snapshots: keep a copy with them)",
        "inventory.yml (token)"));
    vars.put("api_endpoint", lab.apiEndpoint().orElseThrow());

    Map<String, Object> cluster = new LinkedHashMap<>();
    cluster.put("children", children);
    cluster.put("vars", vars);

    Map<String, Object> inventory = new LinkedHashMap<>();
    inventory.put(CLUSTER, cluster);
    for (HostSystem system : systems) {
      system.groups().forEach((group, members) -> {
        if (!members.isEmpty()) {
          Map<String, Object> hosts = new LinkedHashMap<>();
          members.forEach(h -> hosts.put(h, Map.of()));
          inventory.put(group, Map.of("hosts", hosts));
        }
      });
    }
    return inventory;
  }

  private static Map<String, Object> hosts(Lab lab, List<Node> nodes, boolean servers) {
    Map<String, Object> hosts = new LinkedHashMap<>();
    for (Node node : nodes) {
      Map<String, Object> vars = new LinkedHashMap<>();
      node.ip().ifPresent(ip -> vars.put("ansible_host", ip));
      node.sshUser().filter(u -> !u.equals(lab.sshUser())).ifPresent(u -> vars.put("ansible_user", u));
      if (servers) {
        vars.put("extra_server_args", K3sConfig.nodeArgs(node));
      } else {
        vars.put("agent_config_yaml", Yaml.k3sDocument(K3sConfig.node(node)));
      }
      hosts.put(node.name(), vars);
    }
    return hosts;
  }
}
