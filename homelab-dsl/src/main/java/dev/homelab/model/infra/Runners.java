package dev.homelab.model.infra;

import dev.homelab.model.HomelabStyle;
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

  @Value.Parameter
  public abstract String name();

  /** Idle runners kept. Default: 0. */
  @Value.Default
  public int min() {
    return 0;
  }

  /** Most runners at once. Default: 3. */
  @Value.Default
  public int max() {
    return 3;
  }

  public static Runners of(String name) {
    return ImmutableRunners.of(name);
  }

  /** Scale between {@code min} and {@code max} runners. Default: 0 to 3. */
  public Runners scale(int min, int max) {
    return copy().withMin(min).withMax(max);
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableRunners copy() {
    return (ImmutableRunners) this;
  }
}
