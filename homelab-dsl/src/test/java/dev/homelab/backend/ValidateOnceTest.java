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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A render validates the lab once, even when a backend's check and render ask the same rules again. */
class ValidateOnceTest {
  private static final Lab VALID = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  private final AtomicInteger runs = new AtomicInteger();
  /** Counts its runs; reports a worker node, so it can also show its problem comes back every time. */
  private final Rule counting = Rule.of(Check.of("counted", "Counted"), (lab, r) -> {
    runs.incrementAndGet();
    lab.agents().forEach(n -> r.report("homelab/nodes/" + n.name(), "a worker", "Make it controlPlane()"));
  });

  /** Like the Ansible backend: its check and its render validate the model again with the same rules. */
  private Backend revalidating() {
    return new Backend() {
      @Override
      public String name() {
        return "again";
      }

      @Override
      public List<Problem> check(Lab lab) {
        return Validator.standard().with(counting).problems(lab);
      }

      @Override
      public RenderedFiles render(Lab lab) {
        Validator.standard().with(counting).check(lab);
        return RenderedFiles.builder().add("a.txt", "a\n").build();
      }
    };
  }

  private Renderer renderer() {
    return Renderer.using(revalidating()).validatedBy(Validator.standard().with(counting));
  }

  @Test
  void should_run_each_rule_once_per_render() {
    renderer().render(VALID);

    assertThat(runs).hasValue(1);
  }

  @Test
  void should_run_each_rule_once_per_render_when_the_check_runs_on_another_thread() {
    Backend elsewhere = new Backend() {
      private final Backend same = revalidating();

      @Override
      public String name() {
        return same.name();
      }

      @Override
      public boolean checksOnAnyThread() {
        return true;
      }

      @Override
      public List<Problem> check(Lab lab) {
        return same.check(lab);
      }

      @Override
      public RenderedFiles render(Lab lab) {
        return same.render(lab);
      }
    };

    Renderer.using(elsewhere).validatedBy(Validator.standard().with(counting)).render(VALID);

    assertThat(runs).hasValue(1);
  }

  @Test
  void should_run_each_rule_once_per_write(@TempDir Path out) throws Exception {
    renderer().write(VALID, out);

    assertThat(runs).hasValue(1);
  }

  @Test
  void should_run_the_rules_again_for_the_next_render() {
    Renderer renderer = renderer();
    renderer.render(VALID);
    renderer.render(VALID);

    assertThat(runs).hasValue(2);
  }

  @Test
  void should_run_the_rules_each_time_outside_a_render() {
    Validator validator = Validator.standard().with(counting);
    validator.problems(VALID);
    validator.problems(VALID);

    assertThat(runs).hasValue(2);
  }

  @Test
  void should_report_the_same_problems_once_validated_once() {
    Lab invalid = VALID.nodes(node("pi2").ip("192.168.1.12"));

    assertThat(renderer().problems(invalid)).containsExactlyElementsOf(Validator.standard().with(counting).problems(invalid));
    assertThatThrownBy(() -> renderer().render(invalid))
        .isInstanceOf(ValidationException.class)
        .hasMessage("1 problem in the homelab model:\n"
            + "homelab/nodes/pi2: a worker. Make it controlPlane()");
    assertThat(runs).hasValue(3);
  }

  @Test
  void should_validate_another_lab_inside_a_render_afresh() {
    Lab other = VALID.nodes(node("pi2").ip("192.168.1.12"));
    Renderer renderer = Renderer.using(new Backend() {
      @Override
      public String name() {
        return "other";
      }

      @Override
      public RenderedFiles render(Lab lab) {
        assertThat(Validator.standard().with(counting).problems(other)).extracting(Problem::toString)
            .containsExactly("homelab/nodes/pi2: a worker. Make it controlPlane()");
        return RenderedFiles.builder().build();
      }
    }).validatedBy(Validator.standard().with(counting));

    renderer.render(VALID);

    assertThat(runs).hasValue(2);
  }
}
