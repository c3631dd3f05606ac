package dev.homelab.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown once with every problem of a model; the message has one {@code path: problem. fix} line each. */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<Problem> problems;

  /** An exception listing {@code problems} (at least one), one line each. */
  public ValidationException(List<Problem> problems) {
    super(render(problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the message. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the homelab model:\n"
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
