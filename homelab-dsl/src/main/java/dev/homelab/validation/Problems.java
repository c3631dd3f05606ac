package dev.homelab.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects problems: those the validator's rules find while walking a model, and those a model
 * value finds in itself and the values it holds ({@code violations()}, paths relative to the value).
 */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();

  /** An empty collector. */
  public Problems() {}

  /** Records {@code problem}. */
  public Problems add(Problem problem) {
    found.add(problem);
    return this;
  }

  /** Records a problem of the value itself (empty path), found by {@code check}. */
  public Problems add(Check check, String problem, String fix) {
    return add(Problem.of(check, problem, fix));
  }

  /** Records a problem of the value itself when {@code broken}; the text is only built then. */
  public Problems when(boolean broken, Check check, Supplier<String> problem, String fix) {
    if (broken) {
      add(check, problem.get(), fix);
    }
    return this;
  }

  /**
   * Records a problem of the value itself when {@code broken}; the problem and its fix are only
   * built then: for a fix that costs something to make, such as a suggested name.
   */
  public Problems when(boolean broken, Check check, Supplier<String> problem, Supplier<String> fix) {
    if (broken) {
      add(check, problem.get(), fix.get());
    }
    return this;
  }

  /** Records the problems of a held value at the same path (an unnamed part, e.g. the upgrade plan). */
  public Problems addAll(List<Problem> held) {
    found.addAll(held);
    return this;
  }

  /** Records the problems of a held value below {@code segment} (a named part, e.g. {@code disks/data}). */
  public Problems addAll(String segment, List<Problem> held) {
    held.forEach(p -> found.add(p.under(segment)));
    return this;
  }

  /** Every problem recorded so far, in order. */
  public List<Problem> list() {
    return List.copyOf(found);
  }

  /** Whether nothing was recorded. */
  public boolean isEmpty() {
    return found.isEmpty();
  }
}
