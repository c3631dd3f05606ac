package dev.homelab.internal;

import dev.homelab.model.Lab;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Work done once per render of one {@link Lab}: a render validates the lab, and a backend's check
 * (Ansible's relies on standard rules) asks the same rules again; inside a scope each such
 * result is computed once and handed out again. A lab is immutable, so a result keyed by the lab's
 * identity cannot go stale while the scope lasts; the scope ends with the render, so a later
 * render (a changed rule, a benchmark's next call) computes everything afresh. Per thread: a
 * render on another thread has its own scope or none.
 */
public final class RenderScope {
  private static final ThreadLocal<RenderScope> CURRENT = new ThreadLocal<>();

  private final Lab lab;
  private final Map<Object, Object> results = new HashMap<>();

  private RenderScope(Lab lab) {
    this.lab = lab;
  }

  /** Runs {@code body} in a scope for {@code lab}: the one already open for it, or a new one closed after. */
  public static <T> T of(Lab lab, Supplier<T> body) {
    RenderScope outer = CURRENT.get();
    if (outer != null && outer.lab == lab) {
      return body.get();
    }
    CURRENT.set(new RenderScope(lab));
    try {
      return body.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * The result of {@code compute} for {@code key} and {@code lab}: computed once per scope of that
   * lab, every time outside one. {@code key} names the work by identity (e.g. a rule object).
   */
  @SuppressWarnings("unchecked")
  public static <V> V once(Lab lab, Object key, Supplier<V> compute) {
    RenderScope scope = CURRENT.get();
    if (scope == null || scope.lab != lab) {
      return compute.get();
    }
    Object known = scope.results.get(key);
    if (known == null) {
      // get, then put: compute may itself ask the scope for other keys
      known = compute.get();
      scope.results.put(key, known);
    }
    return (V) known;
  }
}
