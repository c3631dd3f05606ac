package dev.homelab.ansible;

import static dev.homelab.Homelab.*;
import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model strings stay data on the hosts: Ansible never templates them, systemd never reads a new directive. */
class EscapingTest {

  private static Lab resticPaths(String... paths) {
    return TestLabs.reference().resticBackups(restic("hostile", node("pi4"), "restic").paths(paths));
  }

  // Validation refuses these values first (plain paths, region names); the renderer must not rely
  // on it, so these tests render without validating: defence in depth.

  @Test
  void should_be_refused_by_validation_before_any_renderer_sees_it() {
    assertThat(dev.homelab.validation.Validator.standard().problems(resticPaths("/srv/data\nExecStartPre=/bin/sh -c id")))
        .extracting(Problem::check).containsExactly(dev.homelab.validation.Checks.ABSOLUTE_PATH);
  }

  @Test
  void should_tag_a_model_string_with_jinja_delimiters_unsafe_so_ansible_never_evaluates_it() {
    RenderedFiles files = new AnsibleBackend().render(resticPaths("/srv/{{ lookup('pipe', 'id') }}"));
    assertThat(files.text("vars/restic.yml")).contains("- !unsafe \"/srv/{{ lookup('pipe', 'id') }}\"\n");
  }

  @Test
  void should_keep_vault_references_the_only_templated_strings() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(files.text("vars/restic.yml")).contains("password: \"{{ vault_restic_local_password }}\"")
        .doesNotContain("!unsafe");
  }

  @Test
  void should_refuse_a_line_break_in_a_restic_path_instead_of_writing_it_into_a_root_unit() {
    Lab lab = resticPaths("/srv/data\nExecStartPre=/bin/sh -c id");
    List<Problem> problems = new AnsibleBackend().check(lab);
    assertThat(problems).extracting(Problem::toString).containsExactly(
        "homelab: \"/srv/data\\u000AExecStartPre=/bin/sh -c id\" in Ansible value"
            + " /homelab_restic_backups_by_host/pi4/1/paths contains the control character U+000A, which would start"
            + " a new line in the host files it reaches. Use a value without control characters (and, in k3s settings,"
            + " without {{, {% or {#)");
    assertThatThrownBy(() -> new AnsibleBackend().render(lab)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_quote_restic_paths_for_systemd_so_a_space_or_percent_stays_one_path() {
    RenderedFiles files = new AnsibleBackend().render(resticPaths("/srv/my data", "/srv/100%", "/srv/a\"b"));
    @SuppressWarnings("unchecked")
    Map<String, Object> backup = (Map<String, Object>) ((List<?>) AnsibleBackendTest.map(
        AnsibleBackendTest.yaml(files, "vars/restic.yml"), "homelab_restic_backups_by_host").get("pi4")).get(1);
    assertThat(backup.get("unit_requires_mounts_for")).isEqualTo("/mnt/restic \"/srv/my data\" /srv/100%% \"/srv/a\\\"b\"");
  }

  @Test
  void should_refuse_jinja_in_the_k3s_config_which_k3s_ansible_templates_twice() {
    S3Target offsite = s3("etcd", "https://s3.example.com", "bucket").region("{{ 7 * 7 }}");
    Lab lab = TestLabs.reference().backups(offsite).cluster(dev.homelab.fixtures.TestLabs.haK3s(offsite));
    assertThat(new AnsibleBackend().check(lab)).extracting(Problem::problem).singleElement().asString()
        .startsWith("\"{{ 7 * 7 }}\" in Ansible value /etcd-s3-region contains a Jinja delimiter");
  }
}
