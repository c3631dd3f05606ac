package dev.homelab.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SideTaskTest {
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void should_run_the_work_once_whoever_takes_and_joins_it() {
    SideTask<Integer> task = SideTask.start(runs::incrementAndGet);

    task.take();

    assertThat(task.join()).isEqualTo(1);
    assertThat(task.join()).isEqualTo(1);
    assertThat(runs).hasValue(1);
  }

  @Test
  void should_run_work_here_at_once() {
    SideTask<Integer> task = SideTask.runHere(runs::incrementAndGet);

    assertThat(task.isDone()).isTrue();
    assertThat(task.join()).isEqualTo(1);
  }

  @Test
  void should_throw_what_the_work_threw_as_it_is() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad object");

    SideTask<Object> task = SideTask.start(() -> {
      throw thrown;
    });

    assertThatThrownBy(task::join).isSameAs(thrown);
  }

  @Test
  void should_throw_an_error_the_work_threw_as_it_is() {
    StackOverflowError thrown = new StackOverflowError("deep");

    SideTask<Object> task = SideTask.runHere(() -> {
      throw thrown;
    });

    assertThatThrownBy(task::join).isSameAs(thrown);
  }
}
