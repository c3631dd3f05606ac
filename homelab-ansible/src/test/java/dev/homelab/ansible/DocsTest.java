package dev.homelab.ansible;

import static dev.homelab.ansible.AnsibleBackendTest.render;
import static org.assertj.core.api.Assertions.assertThat;

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
}
