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
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static final Lab VALID = homelab("test").lan("192.168.1.0/24")
      .nodes(node("pi1").arm64().controlPlane().ip("192.168.1.11"))
      .cluster(k3s("v1.33.4+k3s1"));

  /** A backend with a problem of its own, like Terraform's DNS zones or Ansible's group names. */
  private static Backend picky(String name, String problem) {
    return new Backend() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<Problem> check(Lab lab) {
        return List.of(Check.of(name, "Backend " + name + " is happy").at("homelab/" + name, problem, "Fix it for " + name));
      }

      @Override
      public RenderedFiles render(Lab lab) {
        throw new AssertionError("render must not run on a model with problems");
      }
    };
  }

  @Test
  void should_report_model_problems_and_every_backends_problems_in_one_exception() {
    Lab invalid = VALID.cluster(k3s("1.33"));

    assertThatThrownBy(() -> Renderer.using(picky("one", "first backend's problem"), picky("two", "second backend's problem"))
        .render(invalid))
        .isInstanceOf(ValidationException.class)
        .hasMessage("3 problems in the homelab model:\n"
            + "homelab/cluster: version '1.33' is not a k3s release like v1.33.4+k3s1. Use a tag from https://github.com/k3s-io/k3s/releases\n"
            + "homelab/one: first backend's problem. Fix it for one\n"
            + "homelab/two: second backend's problem. Fix it for two");
  }

  @Test
  void should_find_no_problems_in_a_model_every_backend_can_render() {
    assertThat(Renderer.using(new Backend() {
      @Override
      public String name() {
        return "plain";
      }

      @Override
      public RenderedFiles render(Lab lab) {
        return RenderedFiles.builder().build();
      }
    }).problems(VALID)).isEmpty();
  }

  @Test
  void should_validate_with_the_validator_it_is_given() {
    Rule noWorkers = Rule.of(Check.of("no-workers", "Every node is a control plane"), (lab, r) -> lab.agents().forEach(n ->
        r.report("homelab/nodes/" + n.name(), "workers are not allowed here", "Make it controlPlane()")));
    Renderer renderer = Renderer.using(picky("one", "never reached")).validatedBy(Validator.standard().with(noWorkers));

    assertThatThrownBy(() -> renderer.render(VALID.nodes(node("pi2").ip("192.168.1.12"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("2 problems in the homelab model:\n"
            + "homelab/nodes/pi2: workers are not allowed here. Make it controlPlane()\n"
            + "homelab/one: never reached. Fix it for one");
  }
}
