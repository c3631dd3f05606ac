package dev.homelab.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.model.Lab;
import java.util.List;
import java.util.stream.Collectors;

/** Assertions on the problems the standard validator finds: check id and the exact line. */
final class Expect {
  private Expect() {}

  static List<Problem> problems(Lab lab) {
    return Validator.standard().problems(lab);
  }

  /** {@code lab} has exactly these problems, each line {@code path: problem. fix}, all found by {@code check}. */
  static void only(Lab lab, Check check, String... lines) {
    List<String> found = problems(lab).stream().map(p -> p.check() + " | " + p).collect(Collectors.toList());
    assertThat(found).containsExactly(java.util.Arrays.stream(lines).map(l -> check + " | " + l).toArray(String[]::new));
  }

  /** {@code lab} has exactly these warnings, each line {@code path: problem. fix}, all found by {@code check}. */
  static void warnings(Lab lab, Check check, String... lines) {
    List<String> found = Validator.standard().warnings(lab).stream().map(p -> p.check() + " | " + p).collect(Collectors.toList());
    assertThat(found).containsExactly(java.util.Arrays.stream(lines).map(l -> check + " | " + l).toArray(String[]::new));
  }

  /** {@code lab} has no problem. */
  static void none(Lab lab) {
    assertThat(problems(lab)).extracting(Problem::toString).isEmpty();
  }
}
