package dev.homelab.model.host;

import dev.homelab.validation.Problems;
import dev.homelab.validation.Problem;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.nameOrUnknown;
import dev.homelab.internal.Arguments;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Checks;
import org.immutables.value.Value;

/**
 * A node taint, rendered as k3s {@code node-taint: key=value:Effect}.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">Taints</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Taint {
  Taint() {}

  /**
   * Taint key, e.g. {@code dedicated}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
   */
  @Value.Parameter
  public abstract String key();

  /**
   * Taint value, e.g. {@code media}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
   */
  @Value.Parameter
  public abstract String value();

  /**
   * What the taint does to pods that do not tolerate it. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
   */
  @Value.Parameter
  public abstract TaintEffect effect();

  /**
   * A taint; prefer {@link Node#taint}. Required: key, value and effect; nothing has a default.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
   */
  public static Taint of(String key, String value, TaintEffect effect) {
    required(key, ModelPaths.node(Arguments.UNKNOWN) + "/taints/" + nameOrUnknown(key), "Taint.of(key, …)", "a taint key", "Taint.of(\"dedicated\", \"media\", TaintEffect.NO_SCHEDULE)");
    required(value, ModelPaths.node(Arguments.UNKNOWN) + "/taints/" + nameOrUnknown(key), "Taint.of(…, value, …)", "a taint value (\"\" for none)", "Taint.of(\"dedicated\", \"media\", TaintEffect.NO_SCHEDULE)");
    required(effect, ModelPaths.node(Arguments.UNKNOWN) + "/taints/" + nameOrUnknown(key), "Taint.of(…, effect)", "a taint effect", "Taint.of(\"dedicated\", \"media\", TaintEffect.NO_SCHEDULE)");
    return ImmutableTaint.of(key, value, effect);
  }

  /** Broken invariants of this taint; empty when it is sound. Never throws. */
  public java.util.List<Problem> violations() {
    return new Problems()
        .when(!dev.homelab.internal.Names.isLabelKey(key()), Checks.TAINT, () -> "taint key " + Texts.quote(key()) + " is not a Kubernetes label key",
            "Use a key like \"dedicated\"")
        .list();
  }

  /** {@code key=value:Effect}, the form k3s and kubectl take. */
  @Override
  public String toString() {
    return key() + "=" + value() + ":" + effect().value();
  }
}
