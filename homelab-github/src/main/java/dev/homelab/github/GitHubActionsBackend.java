package dev.homelab.github;

import dev.homelab.backend.Backend;
import dev.homelab.backend.BringUpStep;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.internal.RenderScope;
import dev.homelab.model.Lab;
import dev.homelab.model.infra.GitHub;
import dev.homelab.model.infra.Runners;
import dev.homelab.validation.Check;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import java.util.List;

/**
 * Renders the GitHub Actions workflow that deploys the lab from its manifests repository through
 * the in-cluster runners: {@code .github/workflows/deploy.yml} and a README saying where to put it
 * and which secrets it reads. Without {@code homelab.github(...)} or without runners (GitHub-hosted
 * runners cannot reach the LAN) it renders nothing.
 */
public final class GitHubActionsBackend implements Backend {
  static final Check WORKFLOW_TEXT = Check.of("github-workflow-text",
      "Model values in the deploy workflow hold no control character and no ${{");

  @Override
  public String name() {
    return "github";
  }

  /** Last: the workflow's runners are installed by the Kubernetes step (see {@link BringUp}). */
  @Override
  public List<BringUpStep> bringUp(Lab lab) {
    return BringUp.steps(lab);
  }

  /** Every model string the workflow cannot hold as text ({@link WorkflowYaml}), found by rendering. */
  @Override
  public List<Problem> check(Lab lab) {
    try {
      render(lab);
    } catch (UnsafeValueException e) {
      return List.of(WORKFLOW_TEXT.at(ModelPaths.ROOT + "/github", "the deploy workflow cannot hold "
          + e.getMessage(), "Use a value without control characters and without ${{"));
    }
    return List.of();
  }

  /** True: the check reads only the lab, and its files are computed once per render, whichever thread asks first. */
  @Override
  public boolean checksOnAnyThread() {
    return true;
  }

  @Override
  public List<Check> checks() {
    return List.of(WORKFLOW_TEXT);
  }

  /**
   * The workflow and its README. Inside one render ({@link RenderScope}) they are made once:
   * {@link #check} renders them to find unsafe values, and the render that follows takes the same
   * files (the lab is immutable).
   */
  @Override
  public RenderedFiles render(Lab lab) {
    return RenderScope.once(lab, this, () -> renderAfresh(lab));
  }

  private RenderedFiles renderAfresh(Lab lab) {
    RenderedFiles.Builder out = RenderedFiles.builder();
    if (lab.github().isEmpty() || lab.github().get().runners().isEmpty()) {
      return out.build();
    }
    GitHub github = lab.github().get();
    Runners runners = github.runners().get();
    DeployWorkflow workflow = new DeployWorkflow(lab, github, runners.name());
    out.add(DeployWorkflow.PATH, workflow.text());
    out.add("README.md", new Readme(lab, github, runners, workflow).text());
    return out.build();
  }
}
