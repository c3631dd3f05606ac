package dev.homelab.k8s;

import dev.homelab.internal.Texts;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/**
 * Namespaces with Pod Security Admission labels. Restricted unless a component needs more; a
 * privileged namespace says why in an annotation.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/security/pod-security-admission/">Pod Security Admission</a>
 */
public final class Namespaces {
  /** Annotation carrying the reason a namespace is not {@code restricted}. */
  public static final String WHY = "homelab.dev/pod-security-reason";

  private Namespaces() {}

  /** A namespace enforcing, auditing and warning at {@code restricted}. */
  public static Namespace restricted(String name) {
    return withLevel(name, "restricted", null);
  }

  /** A namespace at {@code baseline}; {@code why} names what needs more than restricted. */
  public static Namespace baseline(String name, String why) {
    return withLevel(name, "baseline", why);
  }

  /** A namespace at {@code privileged}; {@code why} names what needs host access. */
  public static Namespace privileged(String name, String why) {
    return withLevel(name, "privileged", why);
  }

  /**
   * A YAML comment heading a Namespace that is not {@code restricted}, saying why; empty otherwise.
   * The same reason stays on the object as the {@link #WHY} annotation, for {@code kubectl} readers.
   */
  public static String comment(HasMetadata object) {
    if (!(object instanceof Namespace) || object.getMetadata().getAnnotations() == null) {
      return "";
    }
    String why = object.getMetadata().getAnnotations().get(WHY);
    String level = object.getMetadata().getLabels() == null ? null
        : object.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce");
    // Every YAML 1.1 line break (\r, U+0085, U+2028, U+2029 too) would end the comment: escaped.
    return why == null ? "" : "# Pod Security " + level + ", not restricted: " + Texts.oneLine(why) + "\n";
  }

  private static Namespace withLevel(String name, String level, String why) {
    NamespaceBuilder b = new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("pod-security.kubernetes.io/enforce", level)
        .addToLabels("pod-security.kubernetes.io/enforce-version", "latest")
        .addToLabels("pod-security.kubernetes.io/audit", level)
        .addToLabels("pod-security.kubernetes.io/audit-version", "latest")
        .addToLabels("pod-security.kubernetes.io/warn", level)
        .addToLabels("pod-security.kubernetes.io/warn-version", "latest")
        .endMetadata();
    if (why != null) {
      b.editMetadata().addToAnnotations(WHY, why).endMetadata();
    }
    return b.build();
  }
}
