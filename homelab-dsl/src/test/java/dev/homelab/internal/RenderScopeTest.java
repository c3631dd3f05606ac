package dev.homelab.internal;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.Lab;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

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
