package dev.homelab.github;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
import org.junit.jupiter.api.Test;

/** Model strings are text in deploy.yml: never a character YAML cannot hold, never an expression. */
class WorkflowTextTest {
  private final GitHubActionsBackend backend = new GitHubActionsBackend();

  private static Lab branch(String branch) {
    return GitHubActionsBackendTest.base()
        .github(github("example/homelab").branch(branch).runners(runners("lab-runners")));
  }

  @Test
  void should_report_a_nul_in_the_branch_instead_of_writing_an_unparseable_workflow() {
    Lab lab = branch("main\u0000x");
    assertThat(backend.check(lab)).extracting(Problem::toString).containsExactly(
        "homelab/github: the deploy workflow cannot hold \"main\\u0000x\" contains the control character U+0000."
            + " Use a value without control characters and without ${{");
    assertThatThrownBy(() -> backend.render(lab)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_report_an_expression_in_a_model_string() {
    assertThat(backend.check(branch("${{ secrets.GITHUB_TOKEN }}"))).singleElement()
        .extracting(Problem::problem).asString().endsWith("contains ${{, which GitHub Actions would evaluate as an expression");
  }

  @Test
  void should_report_a_carriage_return_which_would_end_the_header_comment() {
    assertThat(backend.check(branch("main\rjobs: {}"))).hasSize(1);
  }

  @Test
  void should_report_a_noncharacter_yaml_cannot_hold() {
    assertThat(backend.check(branch("main\uffff"))).singleElement().extracting(Problem::problem).asString()
        .endsWith("contains the control character U+FFFF");
  }

  @Test
  void should_keep_its_own_expressions() {
    assertThat(backend.render(GitHubActionsBackendTest.full()).text(".github/workflows/deploy.yml"))
        .contains("${{ inputs.playbook }}").contains("${{ !failure() && !cancelled() }}");
  }
}
