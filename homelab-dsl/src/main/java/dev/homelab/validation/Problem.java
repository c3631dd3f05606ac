package dev.homelab.validation;

import dev.homelab.model.Texts;
import java.util.Objects;

/**
 * One problem found in a model: where it is (a model path such as {@code homelab/apps/nextcloud}),
 * what is wrong, and how to fix it. {@code rule} names the check that found it.
 */
public final class Problem implements Comparable<Problem> {
  private final String rule;
  private final String path;
  private final String problem;
  private final String fix;

  public Problem(String rule, String path, String problem, String fix) {
    this.rule = Objects.requireNonNull(rule);
    this.path = Objects.requireNonNull(path);
    this.problem = Objects.requireNonNull(problem);
    this.fix = Objects.requireNonNull(fix);
  }

  public String rule() {
    return rule;
  }

  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }

  public String fix() {
    return fix;
  }

  /**
   * {@code path: problem. fix}, always one line: a control character that slipped into a part
   * (a user value not shown through {@link Texts#quote}) is written as an escape.
   */
  @Override
  public String toString() {
    return Texts.oneLine(path + ": " + problem + ". " + fix);
  }

  @Override
  public int compareTo(Problem o) {
    int byPath = path.compareTo(o.path);
    return byPath != 0 ? byPath : toString().compareTo(o.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem && toString().equals(o.toString()) && rule.equals(((Problem) o).rule);
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
