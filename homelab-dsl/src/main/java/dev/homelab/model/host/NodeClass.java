package dev.homelab.model.host;

import static dev.homelab.internal.Arguments.required;

import dev.homelab.internal.Arguments;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import dev.homelab.model.HomelabStyle;
import dev.homelab.validation.Checks;
import dev.homelab.validation.ModelPaths;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * The nodes carrying one label, e.g. {@code nodesLabelled("homelab.dev/class", "compute")}: where an
 * app runs when any node of a kind will do ({@code app.runsOn(nodesLabelled(...))}), rendered as a
 * node selector on that label.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class NodeClass {
  NodeClass() {}

  /**
   * Label key, e.g. {@code homelab.dev/class}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/">labels</a>
   */
  @Value.Parameter
  public abstract String key();

  /**
   * Label value, e.g. {@code compute}. Required.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/">labels</a>
   */
  @Value.Parameter
  public abstract String value();

  /**
   * The nodes labelled {@code key=value}; prefer {@link dev.homelab.Homelab#nodesLabelled}. Required: both.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public static NodeClass of(String key, String value) {
    String path = ModelPaths.node(Arguments.UNKNOWN);
    required(key, path, "NodeClass.of(key, …)", "a node label key", "nodesLabelled(\"homelab.dev/class\", \"compute\")");
    required(value, path, "NodeClass.of(…, value)", "a node label value", "nodesLabelled(\"homelab.dev/class\", \"compute\")");
    return ImmutableNodeClass.of(key, value);
  }

  /** Whether {@code node} carries this label with this value. */
  public boolean matches(Node node) {
    required(node, ModelPaths.node(Arguments.UNKNOWN), "matches(node)", "a node", "nodeClass.matches(node(\"pi1\"))");
    return value().equals(node.labels().get(key()));
  }

  /** Broken invariants of this class; empty when sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(!Names.isLabelKey(key()), Checks.NODE_LABEL, () -> "node class key " + Texts.quote(key()) + " is not a Kubernetes label key",
            "Use a name like \"homelab.dev/class\" (letters, digits, -_. and one optional prefix/)")
        .when(!Names.isLabelValue(value()), Checks.NODE_LABEL,
            () -> "node class " + Texts.oneLine(key()) + " has value " + Texts.quote(value()) + ", not a Kubernetes label value",
            "Use at most 63 letters, digits and -_., starting and ending alphanumeric")
        .list();
  }

  /** {@code key=value}, the form of a label selector. */
  @Override
  public String toString() {
    return key() + "=" + value();
  }
}
