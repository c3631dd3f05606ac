package dev.homelab.validation;

import static dev.homelab.Homelab.*;
import static dev.homelab.fixtures.TestLabs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.homelab.model.Lab;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  @Test
  void should_accept_the_minimal_lab() {
    assertThat(Expect.problems(minimal())).isEmpty();
  }

  @Test
  void should_accept_the_web_lab() {
    assertThat(Expect.problems(web())).isEmpty();
  }

  @Test
  void should_accept_the_rich_lab() {
    assertThat(Expect.problems(rich())).isEmpty();
  }

  @Test
  void should_report_every_problem_in_one_exception() {
    Lab lab = minimal().nodes(node("nuc").ip("10.0.0.5")).apps(app("wiki", "ghcr.io/example/wiki:latest").port(0));

    ValidationException e = catchThrowableOfType(lab::validate, ValidationException.class);

    assertThat(e.getMessage()).isEqualTo("3 problems in the homelab model:\n"
        + "homelab/apps/wiki: port 0 is not between 1 and 65535. Call .port(8080) with the container's port\n"
        + "homelab/apps/wiki: image 'ghcr.io/example/wiki:latest' has no pinned tag. Pin a version, e.g. app(\"wiki\", \"ghcr.io/owner/wiki:1.2.3\")\n"
        + "homelab/nodes/nuc: IP 10.0.0.5 is outside the LAN 192.168.1.0/24. Use an address inside 192.168.1.0/24 or fix homelab.lan(...)");
    assertThat(e.problems()).extracting(Problem::check).containsExactly(Checks.PORT, Checks.IMAGE_PINNED, Checks.NODE_IP);
  }

  @Test
  void should_report_two_problems_of_different_objects_at_once() {
    Lab lab = minimal().cluster(k3s("v1.33").ha()).nodes(node("pi2").arm64().controlPlane().ip("192.168.1.12"));

    ValidationException e = catchThrowableOfType(lab::validate, ValidationException.class);

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "homelab/cluster: version 'v1.33' is not a k3s release like v1.33.4+k3s1. Use a tag from https://github.com/k3s-io/k3s/releases",
        "homelab/cluster: HA with embedded etcd needs an odd number of servers, found 2. Make 3 or 1 nodes controlPlane()");
  }

  @Test
  void should_return_a_valid_lab_from_validate() {
    Lab lab = rich();
    assertThat(lab.validate()).isSameAs(lab);
  }

  @Test
  void should_run_a_users_own_rule_after_the_standard_ones() {
    Check onlyServers = Check.of("no-workers", "Every node is a control plane");
    Rule noWorkers = Rule.of(onlyServers, (lab, r) -> lab.agents().forEach(n ->
        r.report("homelab/nodes/" + n.name(), "workers are not allowed here", "Make it controlPlane()")));

    assertThat(Validator.standard().with(noWorkers).problems(minimal().nodes(node("nuc"))))
        .extracting(p -> p.check().id() + " | " + p)
        .containsExactly("no-workers | homelab/nodes/nuc: workers are not allowed here. Make it controlPlane()");
  }
}
