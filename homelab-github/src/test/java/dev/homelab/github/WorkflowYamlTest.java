package dev.homelab.github;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.Lab;
import dev.homelab.fixtures.Yaml11Strings;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The workflow goes through the shared YAML writer: strings stay strings for YAML 1.1 readers too. */
class WorkflowYamlTest {
  @Test
  void should_quote_a_branch_that_yaml_1_1_reads_as_a_date_or_a_number() {
    for (String branch : List.of("2001-12-14", "1_000", "0x1F", "1e3", ".inf", "0777")) {
      Lab lab = GitHubActionsBackendTest.base().github(github("example/homelab").branch(branch).runners(runners("lab-runners")));

      String workflow = new GitHubActionsBackend().render(lab).text(DeployWorkflow.PATH);

      Map<?, ?> on = (Map<?, ?>) ((Map<?, ?>) Yaml11Strings.read(workflow)).get("on");
      assertThat(((Map<?, ?>) on.get("push")).get("branches")).as(branch).isEqualTo(List.of(branch));
    }
  }

  @Provide
  Arbitrary<String> strings() {
    return Yaml11Strings.arbitrary();
  }

  /** Every string reads back as the same string in a YAML 1.1 reader, or is refused (control characters, {@code ${{}). */
  @Property
  void should_read_back_every_string_it_does_not_refuse_as_the_same_string(@ForAll("strings") String value) {
    Map<String, Object> doc = Map.of("key", value, "list", List.of(value));
    boolean refused = value.contains("${{") || value.codePoints().anyMatch(c -> c != '\n' && c != '\t'
        && (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfffe || c == 0xffff));
    if (refused) {
      assertThatThrownBy(() -> WorkflowYaml.write("", doc)).isInstanceOf(UnsafeValueException.class);
    } else {
      assertThat(Yaml11Strings.read(WorkflowYaml.write("", doc))).isEqualTo(doc);
    }
  }
}
