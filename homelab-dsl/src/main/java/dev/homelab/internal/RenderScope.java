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
  /** The result each thread of this scope is waiting for, while it waits (see {@link #waitingFor}). */
  private final ConcurrentHashMap<Thread, Result> waiting = new ConcurrentHashMap<>();

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
   * computation that throws is not kept: a call made after it threw computes again, while calls
   * already waiting for it get what it threw. A computation that needs its own result, directly or
   * through computations other threads are running for this scope, throws
   * {@link IllegalStateException} instead of waiting forever.
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
      Result[] mine = new Result[1];
      mine[0] = new Result(SideTask.unstarted(() -> {
        try {
          return compute.get();
        } catch (RuntimeException | Error e) {
          scope.results.remove(key, mine[0]); // before the task completes, so no later call sees it failed
          throw e;
        }
      }), Thread.currentThread());
      known = scope.results.putIfAbsent(key, mine[0]);
      if (known == null) {
        return (V) mine[0].value().join();
      }
    }
    if (known.value().isDone()) {
      return (V) known.value().await();
    }
    scope.waitingFor(key, known);
    try {
      return (V) known.value().await(); // its owner is computing it
    } finally {
      scope.waiting.remove(Thread.currentThread());
    }
  }

  /**
   * Records that this thread waits for {@code key}, which {@code known}'s owner computes, unless
   * that owner waits, directly or through other threads, for a result this thread computes: then
   * nobody would ever finish. Checked and recorded under one lock, so of two threads closing a cycle
   * the second sees the first's wait.
   */
  private synchronized void waitingFor(Object key, Result known) {
    Thread me = Thread.currentThread();
    Thread owner = known.owner();
    for (int hops = 0; owner != null && hops <= waiting.size(); hops++) {
      if (owner == me) {
        throw new IllegalStateException("computing " + key + " asks for its own result"
            + (hops == 0 ? "" : " (through " + hops + " other thread" + (hops == 1 ? "" : "s") + ")"));
      }
      Result awaited = waiting.get(owner);
      owner = awaited == null || awaited.value().isDone() ? null : awaited.owner();
    }
    waiting.put(me, known);
  }
}
