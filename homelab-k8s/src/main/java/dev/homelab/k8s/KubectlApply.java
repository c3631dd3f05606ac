package dev.homelab.k8s;

/**
 * How everything of the Kubernetes output is applied, by hand, by the Secrets commands and by the
 * GitHub deploy workflow alike: server-side, with one field manager, so the first manual apply and
 * every later run own the same fields (objects applied client-side by one and server-side by another
 * end up with fields owned by two managers, and the next apply conflicts).
 *
 * @see <a href="https://kubernetes.io/docs/reference/using-api/server-side-apply/">Server-Side Apply</a>
 */
public final class KubectlApply {
  /** The field manager every apply of the output uses. */
  public static final String FIELD_MANAGER = "homelab-deploy";

  /** {@code kubectl apply} with the flags every apply of the output uses; add {@code -k DIR} or {@code -f -}. */
  public static final String COMMAND = "kubectl apply --server-side --field-manager=" + FIELD_MANAGER;

  private KubectlApply() {}
}
