package dev.homelab.internal;

import dev.homelab.model.Lab;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Work done once per render of one {@link Lab}: a render validates the lab, and a backend's check
 * (Ansible's relies on standard rules) asks the same rules again; inside a scope each such
 * result is computed once and handed out again. A lab is immutable, so a result keyed by the lab's
 * identity cannot go stale while the scope lasts; the scope ends with the render, so a later
 * render (a changed rule, a benchmark's next call) computes everything afresh. A scope belongs to
 * the thread that opened it and to the work it hands to other threads with {@link #carried}: two
 * threads asking for the same result get one computation, the second waiting for the first.
 */
public final class RenderScope {
  private static final ThreadLocal<RenderScope> CURRENT = new ThreadLocal<>();

  private final Lab lab;
  private final ConcurrentHashMap<Object, Result> results = new ConcurrentHashMap<>();

  private RenderScope(Lab lab) {
    this.lab = lab;
  }

  /** A result being computed by {@code owner}, or computed. */
  private record Result(SideTask<Object> value, Thread owner) {}

  /** Runs {@code body} in a scope for {@code lab}: the one already open for it, or a new one closed after. */
  public static <T> T of(Lab lab, Supplier<T> body) {
    RenderScope outer = CURRENT.get();
    if (outer != null && outer.lab == lab) {
      return body.get();
    }
    return within(new RenderScope(lab), body);
  }

  /**
   * {@code body}, to run on any thread inside the scope of {@code lab} open on this thread (if one
   * is): the results it computes and asks for are the render's own.
   */
  public static <T> Supplier<T> carried(Lab lab, Supplier<T> body) {
    RenderScope scope = CURRENT.get();
    if (scope == null || scope.lab != lab) {
      return body;
    }
    return () -> within(scope, body);
  }

  private static <T> T within(RenderScope scope, Supplier<T> body) {
    RenderScope outer = CURRENT.get();
    CURRENT.set(scope);
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
   * lab, every time outside one. {@code key} names the work by identity (e.g. a rule object). A
   * computation that throws is not kept: the next call computes again.
   */
  @SuppressWarnings("unchecked")
  public static <V> V once(Lab lab, Object key, Supplier<V> compute) {
    RenderScope scope = CURRENT.get();
    if (scope == null || scope.lab != lab) {
      return compute.get();
    }
    Result known = scope.results.get(key);
    if (known == null) {
      // claim, then compute outside the map: compute may itself ask the scope for other keys
      Result mine = new Result(SideTask.unstarted((Supplier<Object>) compute), Thread.currentThread());
      known = scope.results.putIfAbsent(key, mine);
      if (known == null) {
        try {
          return (V) mine.value().join();
        } catch (RuntimeException | Error e) {
          scope.results.remove(key, mine);
          throw e;
        }
      }
    }
    if (known.owner() == Thread.currentThread() && !known.value().isDone()) {
      throw new IllegalStateException("computing " + key + " asks for its own result");
    }
    return (V) known.value().await(); // its owner is computing it, or has
  }
}
