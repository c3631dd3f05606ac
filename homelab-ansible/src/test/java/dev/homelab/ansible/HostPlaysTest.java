package dev.homelab.ansible;

import static dev.homelab.Homelab.*;
import static dev.homelab.ansible.AnsibleBackendTest.map;
import static dev.homelab.ansible.AnsibleBackendTest.render;
import static dev.homelab.ansible.AnsibleBackendTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the host plays do on the machines, read from the rendered vars files, roles and templates. */
class HostPlaysTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> tasks(RenderedFiles files, String role) {
    try {
      return YAML.readValue(files.text("roles/" + role + "/tasks/main.yml"), List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> plays(RenderedFiles files) {
    try {
      return YAML.readValue(files.text("site.yml"), List.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void should_install_rsyslog_on_every_node_so_crowdsec_sees_ssh_logins() {
    RenderedFiles files = render(TestLabs.singleServer());
    assertThat(plays(files).get(0)).containsEntry("hosts", "k3s_cluster").containsEntry("roles", List.of("homelab_base"));
    assertThat(tasks(files, "homelab_base"))
        .anySatisfy(t -> assertThat(AnsibleBackendTest.map(t, "ansible.builtin.apt")).containsEntry("name", "rsyslog"))
        .anySatisfy(t -> assertThat(AnsibleBackendTest.map(t, "ansible.builtin.systemd"))
            .containsEntry("name", "rsyslog").containsEntry("enabled", true));
  }


  @Test
  void should_admit_the_pod_network_to_host_postgres_because_pods_on_its_node_are_not_masqueraded() {
    assertThat(map(yaml(render(TestLabs.reference()), "vars/postgres.yml"), "homelab_postgres_by_host", "nuc"))
        .containsEntry("allowed_networks", List.of("192.168.1.0/24", "10.42.0.0/16"));
    Lab custom = homelab("pg").lan("10.0.0.0/24")
        .nodes(node("db").controlPlane().ip("10.0.0.2").postgres(hostPostgres("15").databases("app").allow("10.0.0.0/24")),
            node("local").worker().ip("10.0.0.3").postgres(hostPostgres("15").databases("app")))
        .cluster(k3s("v1.33.4+k3s1").clusterCidr("10.52.0.0/16"));
    Map<String, Object> byHost = map(yaml(render(custom), "vars/postgres.yml"), "homelab_postgres_by_host");
    assertThat(map(byHost, "db")).containsEntry("allowed_networks", List.of("10.0.0.0/24", "10.52.0.0/16"));
    assertThat(map(byHost, "local")).containsEntry("allowed_networks", List.of());
  }

  @Test
  void should_write_one_scram_pg_hba_line_per_allowed_network_and_listen_only_when_there_is_one() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(tasks(files, "homelab_postgres")).anySatisfy(t -> {
      assertThat(map(t, "ansible.builtin.lineinfile"))
          .containsEntry("line", "host    sameuser    all    {{ item }}    scram-sha-256");
      assertThat(t).containsEntry("loop", "{{ homelab_postgres.allowed_networks }}");
    });
    assertThat(files.text("roles/homelab_postgres/templates/postgresql-homelab.conf.j2"))
        .contains("'*' if homelab_postgres.allowed_networks | length > 0 else 'localhost'");
  }
}
