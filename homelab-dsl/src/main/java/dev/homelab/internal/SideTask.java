package dev.homelab.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work that runs once, on whichever thread takes it first: the common pool's, when it was
 * {@link #start started} there, or the thread that {@link #join joins} it before the pool got to it.
 * Whoever joins gets its result, or what it threw, as it was thrown (a {@link RuntimeException} or
 * an {@link Error}), so moving work off the calling thread changes no error a caller sees.
 */
public final class SideTask<T> {
  /** One core: a task on the pool would only wait for the thread that joins it. */
  private static final boolean ASYNC = Runtime.getRuntime().availableProcessors() > 1;

  private final FutureTask<T> task;

  private SideTask(Supplier<T> work) {
    this.task = new FutureTask<>(work::get);
  }

  /** {@code work}, handed to the common pool (on a machine with more than one core). */
  public static <T> SideTask<T> start(Supplier<T> work) {
    SideTask<T> side = new SideTask<>(work);
    if (ASYNC) {
      ForkJoinPool.commonPool().execute(side.task);
    }
    return side;
  }

  /** {@code work}, run here and now; {@link #join} gives its result, or throws what it threw. */
  public static <T> SideTask<T> runHere(Supplier<T> work) {
    SideTask<T> here = new SideTask<>(work);
    here.task.run();
    return here;
  }

  /** {@code work}, not handed to any thread: the first to {@link #join} it runs it. */
  static <T> SideTask<T> unstarted(Supplier<T> work) {
    return new SideTask<>(work);
  }

  /** Runs the work here unless a thread has taken it; returns at once when one has. */
  public void take() {
    task.run(); // a no-op once a thread has started it
  }

  /** Whether the work has finished, or thrown. */
  public boolean isDone() {
    return task.isDone();
  }

  /**
   * The work's result: run here if no thread has taken it, else waited for (an interrupt is kept
   * for later, the work being short). Throws what the work threw, as it was thrown.
   */
  public T join() {
    task.run();
    return await();
  }

  /** The work's result, waited for: another thread runs it. Throws what the work threw, as it was thrown. */
  T await() {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw rethrown(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    // a Supplier throws no checked exception unless smuggled past the compiler
    throw new IllegalStateException(cause);
  }
}
