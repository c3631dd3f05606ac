package dev.homelab.model.infra;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.internal.Arguments;
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
 * An ARC runner scale set; its name is the {@code runs-on} label of the workflows.
 *
 * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Runners {
  Runners() {}

  /**
   * Name of the scale set; the workflows' {@code runs-on}. Required.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  @Value.Parameter
  public abstract String name();

  /**
   * Idle runners kept. Default: 0.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  @Value.Default
  public int min() {
    return 0;
  }

  /**
   * Most runners at once. Default: 3.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  @Value.Default
  public int max() {
    return 3;
  }

  /**
   * The organization's runner group the scale set joins, registered with the organization that owns
   * the repository instead of with the repository. Default: none (registered with the repository,
   * which has no runner groups).
   *
   * @see #runnerGroup(String)
   */
  public abstract Optional<String> runnerGroup();

  /**
   * A runner scale set {@code name} (required); prefer {@link dev.homelab.Homelab#runners}. Default: 0 to 3 runners.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  public static Runners of(String name) {
    required(name, ModelPaths.github() + "/runners/" + Arguments.UNKNOWN, "Runners.of(name)", "the scale set's name", "runners(\"homelab\")");
    return ImmutableRunners.of(name);
  }

  /**
   * Scale between {@code min} and {@code max} runners. Default: 0 to 3.
   *
   * @see <a href="https://github.com/actions/actions-runner-controller/tree/master/charts/gha-runner-scale-set">gha-runner-scale-set</a>
   */
  public Runners scale(int min, int max) {
    return copy().withMin(min).withMax(max);
  }

  /**
   * Registers the scale set with the organization that owns the repository, in its runner group
   * {@code group}, instead of with the repository. Only a group can limit which repositories and
   * workflows may send jobs to the runners (GitHub has runner groups for organizations only), and
   * every job on these runners acts as {@code cluster-admin}: create the group first (organization
   * Settings, Actions, Runner groups) limited to the repository and to its deploy workflow on the
   * deployed branch. The runners' credentials then need the organization permission "Self-hosted
   * runners: read and write". Default: none (registered with the repository).
   *
   * @see <a href="https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/managing-access-to-self-hosted-runners-using-groups">runner groups</a>
   * @see <a href="https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners-with-actions-runner-controller/authenticating-to-the-github-api">ARC's permissions</a>
   */
  public Runners runnerGroup(String group) {
    required(group, ModelPaths.github() + "/runners/" + name(), ".runnerGroup(group)", "the organization's runner group", ".runnerGroup(\"homelab-deploy\")");
    return copy().withRunnerGroup(group);
  }

  /** Broken invariants of the scale set; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(min() < 0 || max() < 1 || min() > max(), Checks.RUNNERS_SCALE,
            () -> "runners scale from " + min() + " to " + max() + ", which is not 0 <= min <= max, max >= 1",
            "Call runners(\"" + name() + "\").scale(0, 3)")
        // gha-runner-scale-set 0.14.2 writes the name unquoted (templates/autoscalingrunnerset.yaml:
        // "runnerGroup: {{ . }}"): "deploy #2" would become "deploy", "yes" a boolean, "123" a number
        .when(runnerGroup().filter(g -> !g.matches("[A-Za-z0-9]([A-Za-z0-9 ._-]*[A-Za-z0-9._-])?")
                || g.matches("(?i)y|yes|n|no|true|false|on|off|null|[0-9._-]+")).isPresent(),
            Checks.RUNNERS_GROUP,
            () -> "runner group " + Texts.quote(runnerGroup().orElseThrow()) + " is not a name the runner chart can carry "
                + "(letters, digits, spaces, '.', '_' and '-', not a number or a YAML boolean)",
            "Name the group so in the organization's settings and call .runnerGroup(\"homelab-deploy\")")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableRunners copy() {
    return (ImmutableRunners) this;
  }
}
