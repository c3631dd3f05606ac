package dev.homelab.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.host.Node;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The k3s-ansible shape across cluster sizes: servers and agents in declaration order, both arches. */
class ClusterShapeTest {

  @ParameterizedTest(name = "{0} servers, {1} agents")
  @CsvSource({"1, 0", "1, 2", "3, 0", "3, 2", "5, 1", "5, 4", "7, 3"})
  void should_put_declared_servers_and_agents_in_their_groups_in_order(int servers, int agents) {
    Lab lab = TestLabs.cluster(servers, agents);
    RenderedFiles files = AnsibleBackendTest.render(lab);

    Map<String, Object> serverHosts = AnsibleBackendTest.map(AnsibleBackendTest.k3sGroup(files, "server"), "hosts");
    Map<String, Object> agentHosts = AnsibleBackendTest.map(AnsibleBackendTest.k3sGroup(files, "agent"), "hosts");
    assertThat(serverHosts.keySet()).containsExactlyElementsOf(lab.servers().stream().map(Node::name).toList());
    assertThat(agentHosts.keySet()).containsExactlyElementsOf(lab.agents().stream().map(Node::name).toList());
    assertThat(AnsibleBackendTest.map(AnsibleBackendTest.yaml(files, "inventory.yml"), "k3s_cluster", "vars"))
        .containsEntry("api_endpoint", lab.servers().get(0).ip().orElseThrow());
    assertThat(lab.agents().stream().map(n -> n.arch().label()).distinct().count()).isEqualTo(Math.min(agents, 2));
    // Cluster-wide flags exist once, on the server group, never per host.
    assertThat(files.text("inventory.yml").split("server_config_yaml:", -1)).hasSize(2);
  }
}
