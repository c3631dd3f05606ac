package dev.homelab.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The escape hatch: changes or replaces a rendered object before it is written. Return the object
 * (changed in place or a new one); return {@code null} to drop it. Customizers run on the thread
 * that renders, one object at a time, in order; once the last customizer has returned an object, the
 * backend writes it (on another thread, possibly while later objects are made), so change an object
 * only when it is handed to you, never one handed to you earlier.
 *
 * <pre>{@code
 * new KubernetesBackend().customize(ObjectCustomizer.forObject("Deployment", "nextcloud", "nextcloud",
 *     o -> { ((Deployment) o).getSpec().setReplicas(2); return o; }));
 * }</pre>
 */
@FunctionalInterface
public interface ObjectCustomizer {

  /** The object to write instead of {@code object} (the same one, changed, or a new one), or {@code null} to drop it. */
  HasMetadata customize(HasMetadata object);

  /** Applies {@code change} to the one object of that kind, namespace (null: cluster scope) and name. */
  static ObjectCustomizer forObject(String kind, String namespace, String name,
      java.util.function.UnaryOperator<HasMetadata> change) {
    return o -> kind.equals(o.getKind())
        && java.util.Objects.equals(namespace, o.getMetadata().getNamespace())
        && name.equals(o.getMetadata().getName()) ? change.apply(o) : o;
  }
}
