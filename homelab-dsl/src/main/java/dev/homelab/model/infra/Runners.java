package dev.homelab.model.infra;

import static dev.homelab.internal.Arguments.required;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
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

  /** Broken invariants of the scale set; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(min() < 0 || max() < 1 || min() > max(), Checks.RUNNERS_SCALE,
            () -> "runners scale from " + min() + " to " + max() + ", which is not 0 <= min <= max, max >= 1",
            "Call runners(\"" + name() + "\").scale(0, 3)")
        .list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableRunners copy() {
    return (ImmutableRunners) this;
  }
}
