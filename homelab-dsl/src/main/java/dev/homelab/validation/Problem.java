package dev.homelab.validation;

import dev.homelab.internal.Texts;
import java.util.Objects;

/**
 * One problem found in a model: where it is, what is wrong, how to fix it, and the {@link Check}
 * that found it. Where is a model path such as {@code homelab/apps/nextcloud}; a model value
 * reporting on itself ({@code violations()}) leaves it relative (empty for the value itself, e.g.
 * {@code disks/data} below a node), and {@link #under} puts the holder's path in front.
 */
public final class Problem implements Comparable<Problem> {
  private final Check check;
  private final String path;
  private final String problem;
  private final String fix;

  Problem(Check check, String path, String problem, String fix) {
    this.check = Objects.requireNonNull(check);
    this.path = Objects.requireNonNull(path);
    this.problem = Objects.requireNonNull(problem);
    this.fix = Objects.requireNonNull(fix);
  }

  /** A problem of a model value itself, with an empty path: whoever holds the value puts its path in front. */
  public static Problem of(Check check, String problem, String fix) {
    return new Problem(check, "", problem, fix);
  }

  /** The same problem seen from a holder that keeps this value under {@code segment}, e.g. {@code disks/data}. */
  public Problem under(String segment) {
    return new Problem(check, path.isEmpty() ? segment : segment + "/" + path, problem, fix);
  }

  /** The check that found it; {@code check().id()} is the stable id tools filter on. */
  public Check check() {
    return check;
  }

  /** Whether it is a warning (the model still renders) rather than an error; see {@link Check.Severity}. */
  public boolean isWarning() {
    return check.severity() == Check.Severity.WARNING;
  }

  /** Where it is: a model path, or a path relative to the value that reported it (empty for the value itself). */
  public String path() {
    return path;
  }

  /** What is wrong, e.g. {@code publicVia(traefik) needs a domain}. */
  public String problem() {
    return problem;
  }

  /** How to fix it, e.g. {@code Call homelab.domain("example.com")}. */
  public String fix() {
    return fix;
  }

  /**
   * {@code path: problem. fix} ({@code problem. fix} for an empty path), always one line: a control
   * character that slipped into a part (a user value not shown through {@link Texts#quote}) is
   * written as an escape.
   */
  @Override
  public String toString() {
    return Texts.oneLine((path.isEmpty() ? "" : path + ": ") + problem + ". " + fix);
  }

  @Override
  public int compareTo(Problem o) {
    int byPath = path.compareTo(o.path);
    return byPath != 0 ? byPath : toString().compareTo(o.toString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem && toString().equals(o.toString()) && check.equals(((Problem) o).check);
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
