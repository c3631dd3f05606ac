package dev.homelab.model.infra;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The GitHub repository holding the rendered manifests, its deploy workflow and the self-hosted
 * runners inside the cluster that run it.
 *
 * @see <a href="https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners-with-actions-runner-controller/about-actions-runner-controller">Actions Runner Controller</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class GitHub {
  GitHub() {}

  /**
   * {@code owner/name}. Required.
   *
   * @see <a href="https://docs.github.com/en/actions">GitHub Actions documentation</a>
   */
  @Value.Parameter
  public abstract String repository();

  /**
   * Branch deployed. Default: {@code main}.
   *
   * @see <a href="https://docs.github.com/en/actions/using-workflows/events-that-trigger-workflows">workflow triggers</a>
   */
  @Value.Default
  public String branch() {
    return "main";
  }

  /**
   * Runner scale set (in-cluster runners). Default: none.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  public abstract Optional<Runners> runners();

  /**
   * Secret with the PAT ({@code github_token}) or GitHub App keys the runner controller uses. Default:
   * {@code github-runners}.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  @Value.Default
  public String runnerSecret() {
    return "github-runners";
  }

  /**
   * The repository {@code owner/name} (required); prefer {@link dev.homelab.Homelab#github}. Default:
   * branch {@code main}, no in-cluster runners, runner secret {@code github-runners}.
   *
   * @see <a href="https://docs.github.com/en/actions">GitHub Actions documentation</a>
   */
  public static GitHub of(String repository) {
    required(repository, ModelPaths.github(), "GitHub.of(repository)", "owner/name of the repository", "github(\"owner/homelab\")");
    return ImmutableGitHub.of(repository);
  }

  /**
   * Branch that triggers deployments. Default: {@code main}.
   *
   * @see <a href="https://docs.github.com/en/actions/using-workflows/events-that-trigger-workflows">workflow triggers</a>
   */
  public GitHub branch(String branch) {
    required(branch, ModelPaths.github(), ".branch(branch)", "a branch's name", ".branch(\"main\")");
    return copy().withBranch(branch);
  }

  /**
   * Runs the deploy workflow on these in-cluster runners. Default: none (GitHub-hosted runners cannot reach the LAN).
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  public GitHub runners(Runners runners) {
    required(runners, ModelPaths.github(), ".runners(runners)", "a runner scale set", ".runners(runners(\"homelab\"))");
    return copy().withRunners(runners);
  }

  /** https URL of the repository. */
  public String url() {
    return "https://github.com/" + repository();
  }

  /** Broken invariants of the repository and runners; empty when they are sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(!repository().matches("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}") || repository().endsWith("/.")
                || repository().endsWith("/.."), Checks.GITHUB_REPOSITORY,
            () -> "repository " + Texts.quote(repository()) + " is not owner/name", "Call github(\"owner/homelab\")")
        .when(!branch().matches("[A-Za-z0-9._/-]+") || branch().contains("..") || branch().startsWith("/") || branch().endsWith("/")
                || branch().endsWith(".lock") || branch().startsWith("-"), Checks.GITHUB_REPOSITORY,
            () -> "branch " + Texts.quote(branch()) + " is not a branch name", "Call .branch(\"main\")");
    runners().ifPresent(r -> v.addAll(r.violations()));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableGitHub copy() {
    return (ImmutableGitHub) this;
  }
}
