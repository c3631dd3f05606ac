package dev.homelab.backend;

import static dev.homelab.Homelab.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.model.Lab;
import dev.homelab.validation.Check;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Rule;
import dev.homelab.validation.ValidationException;
import dev.homelab.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend whose check {@link Backend#checksOnAnyThread runs on any thread} is checked beside the
 * rest of the render, and the result is still what checking everything first gives.
 */
class ChecksOnOtherThreadsTest {
  private static final Lab VALID = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  /** Released by the render of another backend: the check finishes after the others rendered (or after a second). */
  private final CountDownLatch rendered = new CountDownLatch(1);

  private static Problem problem(String name, String text) {
    return Check.of(name, "Backend " + name + " is happy").at("homelab/" + name, text, "Fix it for " + name);
  }

  private static Backend backend(String name, boolean anyThread, Supplier<List<Problem>> check, Supplier<RenderedFiles> render) {
    return new Backend() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean checksOnAnyThread() {
        return anyThread;
      }

      @Override
      public List<Problem> check(Lab lab) {
        return check.get();
      }

      @Override
      public RenderedFiles render(Lab lab) {
        return render.get();
      }
    };
  }

  /** Its check waits for another backend's render, then finds {@code problem}. */
  private Backend lateProblem(String name, String problem) {
    return backend(name, true, () -> {
      awaitRendered();
      return List.of(problem(name, problem));
    }, () -> {
      throw new AssertionError("a backend with a problem is never rendered");
    });
  }

  private void awaitRendered() {
    try {
      rendered.await(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Backend renders(String name) {
    return backend(name, false, List::of, () -> {
      rendered.countDown();
      return RenderedFiles.builder().add("a.txt", "a\n").build();
    });
  }

  @Test
  void should_report_every_problem_in_backend_order_whichever_thread_found_it() {
    Backend first = lateProblem("first", "found late on another thread");
    Backend second = backend("second", false, () -> List.of(problem("second", "found here")), () -> null);
    Backend third = backend("third", true, () -> List.of(problem("third", "found early on another thread")), () -> null);

    assertThat(Renderer.using(first, second, third).problems(VALID)).extracting(Problem::toString).containsExactly(
        "homelab/first: found late on another thread. Fix it for first",
        "homelab/second: found here. Fix it for second",
        "homelab/third: found early on another thread. Fix it for third");
  }

  @Test
  void should_throw_away_what_was_rendered_when_a_check_on_another_thread_then_finds_a_problem() {
    Renderer renderer = Renderer.using(renders("k8s"), lateProblem("late", "an unsafe value"));

    assertThatThrownBy(() -> renderer.render(VALID))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem in the homelab model:\nhomelab/late: an unsafe value. Fix it for late");
  }

  @Test
  void should_write_nothing_when_a_check_on_another_thread_then_finds_a_problem(@TempDir Path out) throws Exception {
    Renderer renderer = Renderer.using(renders("k8s"), lateProblem("late", "an unsafe value"));

    assertThatThrownBy(() -> renderer.write(VALID, out)).isInstanceOf(ValidationException.class);
    try (var files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void should_report_the_problem_a_check_on_another_thread_finds_rather_than_the_render_failure_it_explains() {
    Backend breaks = backend("k8s", false, List::of, () -> {
      rendered.countDown();
      throw new IllegalStateException("cannot render what the late check rejects");
    });

    assertThatThrownBy(() -> Renderer.using(breaks, lateProblem("late", "an unsafe value")).render(VALID))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem in the homelab model:\nhomelab/late: an unsafe value. Fix it for late");
  }

  @Test
  void should_throw_what_a_check_on_another_thread_threw_on_a_valid_model_as_it_is() {
    IllegalStateException thrown = new IllegalStateException("a bug in the check");
    Backend buggy = backend("buggy", true, () -> {
      throw thrown;
    }, () -> RenderedFiles.builder().build());

    assertThatThrownBy(() -> Renderer.using(renders("k8s"), buggy).render(VALID)).isSameAs(thrown);
  }

  @Test
  void should_render_every_backend_in_order_when_no_check_finds_a_problem() {
    Backend checkedElsewhere = backend("elsewhere", true, () -> {
      awaitRendered();
      return List.of();
    }, () -> RenderedFiles.builder().add("b.txt", "b\n").build());

    Map<String, RenderedFiles> out = Renderer.using(renders("k8s"), checkedElsewhere).render(VALID);

    assertThat(out.keySet()).containsExactly("k8s", "elsewhere");
    assertThat(out.get("elsewhere").files()).containsOnlyKeys("b.txt");
  }

  @Test
  void should_render_a_backend_only_after_its_own_check_passed() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Backend slowCheck = backend("slow", true, () -> {
      sleep(200);
      events.add("checked");
      return List.of();
    }, () -> {
      events.add("rendered");
      return RenderedFiles.builder().build();
    });

    Renderer.using(slowCheck).render(VALID);

    assertThat(events).containsExactly("checked", "rendered");
  }

  /** Its check, on another thread, takes a while and then says it finished. */
  private static Backend slowlyChecked(AtomicBoolean finished) {
    return backend("slow", true, () -> {
      sleep(200);
      finished.set(true);
      return List.of();
    }, () -> RenderedFiles.builder().build());
  }

  @Test
  void should_let_no_check_run_on_after_a_render_that_threw_an_error() {
    var finished = new AtomicBoolean();
    Backend broken = backend("k8s", false, List::of, () -> {
      throw new AssertionError("a bug in the render");
    });

    assertThatThrownBy(() -> Renderer.using(broken, slowlyChecked(finished)).render(VALID)).hasMessage("a bug in the render");
    assertThat(finished).isTrue();
  }

  @Test
  void should_let_no_check_run_on_after_another_check_threw() {
    var finished = new AtomicBoolean();
    Backend buggy = backend("buggy", false, () -> {
      throw new IllegalStateException("a bug in the check");
    }, () -> RenderedFiles.builder().build());

    assertThatThrownBy(() -> Renderer.using(buggy, slowlyChecked(finished)).render(VALID)).hasMessage("a bug in the check");
    assertThat(finished).isTrue();
  }

  @Test
  void should_let_no_check_run_on_after_a_rule_threw() {
    var finished = new AtomicBoolean();
    Rule buggy = Rule.of(Check.of("buggy", "A rule that throws"), (lab, report) -> {
      throw new IllegalStateException("a bug in the rule");
    });
    Renderer renderer = Renderer.using(renders("k8s"), slowlyChecked(finished))
        .validatedBy(Validator.standard().with(buggy));

    assertThatThrownBy(() -> renderer.render(VALID)).hasMessage("a bug in the rule");
    assertThat(finished).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
