package dev.homelab.model.host;

/**
 * What a taint does to pods that do not tolerate it.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/">taints and tolerations</a>
 */
public enum TaintEffect {
  /** New pods are not scheduled on the node; running ones stay. */
  NO_SCHEDULE("NoSchedule"),
  /** The scheduler avoids the node unless nothing else fits. */
  PREFER_NO_SCHEDULE("PreferNoSchedule"),
  /** Running pods are evicted too. */
  NO_EXECUTE("NoExecute");

  private final String value;

  TaintEffect(String value) {
    this.value = value;
  }

  /** The effect as Kubernetes and k3s' {@code node-taint} spell it, e.g. {@code NoSchedule}. */
  public String value() {
    return value;
  }
}
