package dev.homelab.internal;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.Lab;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RenderScopeTest {
  private static final Lab LAB = homelab("test");
  private static final Object KEY = "the work";

  private final AtomicInteger runs = new AtomicInteger();

  private String counted() {
    return "result " + runs.incrementAndGet();
  }

  @Test
  void should_compute_a_result_once_per_scope() {
    String[] both = RenderScope.of(LAB, () -> new String[] {
        RenderScope.once(LAB, KEY, this::counted), RenderScope.once(LAB, KEY, this::counted)});

    assertThat(both).containsExactly("result 1", "result 1");
  }

  @Test
  void should_compute_every_time_outside_a_scope() {
    RenderScope.once(LAB, KEY, this::counted);

    assertThat(RenderScope.once(LAB, KEY, this::counted)).isEqualTo("result 2");
  }

  @Test
  void should_compute_afresh_in_the_next_scope() {
    RenderScope.of(LAB, () -> RenderScope.once(LAB, KEY, this::counted));

    assertThat(RenderScope.of(LAB, () -> RenderScope.once(LAB, KEY, this::counted))).isEqualTo("result 2");
  }

  @Test
  void should_share_results_with_work_carried_to_another_thread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Supplier<String> slow = () -> {
      started.countDown();
      sleep(100);
      return counted();
    };

    String[] both = RenderScope.of(LAB, () -> {
      CompletableFuture<String> elsewhere = CompletableFuture.supplyAsync(
          RenderScope.carried(LAB, () -> RenderScope.once(LAB, KEY, slow)));
      await(started); // the other thread computes: this one waits for its result
      return new String[] {RenderScope.once(LAB, KEY, slow), elsewhere.join()};
    });

    assertThat(both).containsExactly("result 1", "result 1");
    assertThat(runs).hasValue(1);
  }

  @Test
  void should_not_carry_a_scope_for_another_lab() {
    Lab other = homelab("other");

    String[] both = RenderScope.of(LAB, () -> new String[] {
        RenderScope.carried(other, () -> RenderScope.once(other, KEY, this::counted)).get(),
        RenderScope.carried(other, () -> RenderScope.once(other, KEY, this::counted)).get()});

    assertThat(both).containsExactly("result 1", "result 2");
  }

  @Test
  void should_compute_again_after_a_computation_threw() {
    String again = RenderScope.of(LAB, () -> {
      assertThatThrownBy(() -> RenderScope.once(LAB, KEY, () -> {
        throw new IllegalStateException("failed once");
      })).hasMessage("failed once");
      return RenderScope.once(LAB, KEY, this::counted);
    });

    assertThat(again).isEqualTo("result 1");
  }

  @Test
  void should_refuse_a_computation_that_asks_for_its_own_result() {
    assertThatThrownBy(() -> RenderScope.of(LAB, () -> RenderScope.once(LAB, KEY, () -> RenderScope.once(LAB, KEY, this::counted))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("computing the work asks for its own result");
  }

  @Test
  void should_compute_again_when_asked_after_another_threads_computation_threw() {
    // A failed result used to leave the scope only after its waiters were woken: a waiter asking
    // again at once could still find it and get the old failure (about every other time).
    Thread here = Thread.currentThread();
    for (int round = 0; round < 300; round++) {
      CountDownLatch claimed = new CountDownLatch(1);
      String again = RenderScope.of(LAB, () -> {
        CompletableFuture<Object> failing = CompletableFuture.supplyAsync(RenderScope.carried(LAB,
            () -> RenderScope.once(LAB, KEY, () -> {
              claimed.countDown();
              awaitWaiting(here);
              throw new IllegalStateException("failed on another thread");
            })));
        await(claimed);
        assertThatThrownBy(() -> RenderScope.once(LAB, KEY, () -> "computed here"))
            .hasMessage("failed on another thread"); // asked while it ran: its outcome
        String answer = RenderScope.once(LAB, KEY, () -> "computed here");
        failing.handle((v, e) -> null).join();
        return answer;
      });
      assertThat(again).isEqualTo("computed here");
    }
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // without the check, both wait forever
  void should_refuse_two_threads_that_wait_for_each_others_results() throws Exception {
    Object first = "the first work";
    Object second = "the second work";
    CountDownLatch computingFirst = new CountDownLatch(1);
    CountDownLatch computingSecond = new CountDownLatch(1);
    Thread[] other = new Thread[1];

    Throwable[] thrown = RenderScope.of(LAB, () -> {
      CompletableFuture<Object> elsewhere = CompletableFuture.supplyAsync(RenderScope.carried(LAB, () -> {
        try {
          return RenderScope.once(LAB, first, () -> {
            other[0] = Thread.currentThread();
            computingFirst.countDown();
            await(computingSecond);
            return RenderScope.once(LAB, second, this::counted); // waits for this thread's second work
          });
        } catch (IllegalStateException e) {
          return e;
        }
      }));
      Throwable here = null;
      try {
        RenderScope.once(LAB, second, () -> {
          computingSecond.countDown();
          await(computingFirst);
          awaitWaiting(other[0]);
          return RenderScope.once(LAB, first, this::counted); // closes the cycle
        });
      } catch (IllegalStateException e) {
        here = e;
      }
      return new Throwable[] {here, (Throwable) elsewhere.join()};
    });

    assertThat(thrown[0]).hasMessage("computing the first work asks for its own result (through 1 other thread)");
    assertThat(thrown[1]).isSameAs(thrown[0]); // the second work failed, and the other thread waited for it
    assertThat(runs).hasValue(0);
  }

  /** Until {@code thread} blocks waiting for a result another thread computes. */
  private static void awaitWaiting(Thread thread) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!(thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
        .anyMatch(f -> f.getClassName().equals(SideTask.class.getName()) && f.getMethodName().equals("await")))) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
