package dev.homelab.model;

import java.util.Objects;

/**
 * A broken one-object invariant: the check that found it, where it is below the value (empty for
 * the value itself, e.g. {@code disks/data} below a node), what is wrong and how to fix it.
 *
 * <p>Values report violations instead of throwing at construction, so that validation can list
 * every problem of a model at once; the validator adds the value's own path in front.
 */
public final class Violation {
  private final String rule;
  private final String where;
  private final String problem;
  private final String fix;

  private Violation(String rule, String where, String problem, String fix) {
    this.rule = Objects.requireNonNull(rule);
    this.where = Objects.requireNonNull(where);
    this.problem = Objects.requireNonNull(problem);
    this.fix = Objects.requireNonNull(fix);
  }

  /** A violation of the value itself. */
  public static Violation of(String rule, String problem, String fix) {
    return new Violation(rule, "", problem, fix);
  }

  /** The same violation seen from a parent that holds this value under {@code segment}. */
  public Violation under(String segment) {
    return new Violation(rule, where.isEmpty() ? segment : segment + "/" + where, problem, fix);
  }

  /** Id of the check, e.g. {@code image-pinned}. */
  public String rule() {
    return rule;
  }

  /** Path below the value reporting it; empty for the value itself. */
  public String where() {
    return where;
  }

  public String problem() {
    return problem;
  }

  public String fix() {
    return fix;
  }

  @Override
  public String toString() {
    return Texts.oneLine((where.isEmpty() ? "" : where + ": ") + problem + ". " + fix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Violation && toString().equals(o.toString()) && rule.equals(((Violation) o).rule);
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
