package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.homelab.backend.RenderedFiles;
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

}
