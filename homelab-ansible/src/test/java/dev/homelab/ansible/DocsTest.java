package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import dev.homelab.model.Lab;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocsTest {

  @Test
  void should_render_the_vault_checklist_as_markdown_without_indented_code_blocks() {
    for (Lab lab : List.of(TestLabs.reference(), TestLabs.singleServer(), TestLabs.fiveServers())) {
      String vault = render(lab).text("VAULT.md");
      // Four leading spaces turn a heading, paragraph or table row into a code block.
      assertThat(vault.lines().filter(l -> l.startsWith("    "))).as(lab.name()).isEmpty();
      assertThat(vault).as(lab.name()).startsWith("# Vault variables\n")
          .contains("\n| variable | what it is | model secret | used in |\n| --- | --- | --- | --- |\n");
    }
  }

  @Test
  void should_pin_k3s_ansible_and_restart_servers_one_at_a_time_without_listing_it_in_requirements() {
    RenderedFiles files = render(TestLabs.reference());
    assertThat(files.text("README.md"))
        .contains("`ansible-galaxy collection install 'git+https://github.com/k3s-io/k3s-ansible.git,1.2.2'`")
        .contains("**rerun it one host at a time**")
        .contains("`ansible-playbook -i inventory.yml k3s.orchestration.site --forks 1 --ask-vault-pass`");
    assertThat(files.text("requirements.yml")).doesNotContain("k3s.orchestration\n").doesNotContain("name: k3s");
  }

  @Test
  void should_run_the_host_playbook_before_k3s_because_it_names_the_hosts() {
    String readme = render(TestLabs.reference()).text("README.md");
    assertThat(readme.indexOf("ansible-playbook -i inventory.yml site.yml --ask-vault-pass"))
        .isPositive().isLessThan(readme.indexOf("ansible-playbook -i inventory.yml k3s.orchestration.site --ask-vault-pass"));
    assertThat(readme).contains("It must run before k3s: it checks the OS, names every host after its inventory entry")
        .contains("k3s gets it as `node-name`");
  }

  @Test
  void should_say_the_k3s_config_holds_the_etcd_s3_key_only_when_it_does() {
    assertThat(render(TestLabs.reference()).text("README.md"))
        .contains("`/etc/rancher/k3s/config.yaml` with mode 0644")
        .contains("gives the file to root\n  and the group of `admin`, mode 0640")
        .contains("It also holds the `etcd-s3-access-key`")
        .contains("limited to the bucket's etcd prefix")
        .contains("`etcd-s3-config-secret`");
    assertThat(render(TestLabs.fiveServers()).text("README.md"))
        .contains("`/etc/rancher/k3s/config.yaml` with mode 0644")
        .doesNotContain("etcd-s3-config-secret");
  }

  @Test
  void should_say_how_to_restore_one_database_from_its_own_snapshot_of_the_nightly_dump() {
    String readme = render(TestLabs.reference()).text("README.md");
    // each database is a snapshot of one file, /<db>.dump: latest is chosen by that path
    assertThat(readme).contains("restic dump --host nuc --tag homelab-pg-dump --path /<db>.dump latest /<db>.dump"
            + " | sudo -u postgres pg_restore --clean --if-exists --dbname <db>`")
        .contains("-p User=postgres -p EnvironmentFile=/etc/homelab/pg-dump-s3.env restic snapshots --tag homelab-pg-dump")
        .contains("for database `<db>`\n  (`homeassistant`)");
    // the environment file the recipe reads is the one the role writes and the dump service reads
    RenderedFiles files = render(TestLabs.reference());
    assertThat(files.text("roles/homelab_postgres/tasks/main.yml")).contains("dest: /etc/homelab/pg-dump-s3.env\n");
    assertThat(files.text("roles/homelab_postgres/templates/homelab-pg-dump-s3.service.j2"))
        .contains("EnvironmentFile=/etc/homelab/pg-dump-s3.env\n");
    assertThat(render(TestLabs.fiveServers()).text("README.md")).doesNotContain("pg_restore");
  }
}
