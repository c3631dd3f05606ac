package dev.homelab.validation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A check a {@link Problem} comes from: a stable id (what tests, tools and users filter on) and the
 * requirement it enforces, one sentence for the rules page. The project's checks are registered in
 * {@link Checks}; a backend declares its own next to its code and lists them in
 * {@link dev.homelab.backend.Backend#checks()}; a user declares one for a {@link Rule} of their own.
 *
 * <pre>{@code
 * Check noWorkers = Check.of("no-workers", "Every node is a control plane");
 * Rule rule = Rule.of(noWorkers, (lab, r) -> lab.agents().forEach(n ->
 *     r.report("homelab/nodes/" + n.name(), "workers are not allowed here", "Make it controlPlane()")));
 * }</pre>
 */
public final class Check {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final String id;
  private final String requirement;
  private final Severity severity;

  /**
   * How much a problem of a check weighs. An error makes the model invalid: nothing renders. A
   * warning names a lab that renders and works, but not as its users would expect (an internal
   * route served with Traefik's self-signed certificate); it is printed, never fatal.
   */
  public enum Severity {
    /** The model cannot be rendered as it is. */
    ERROR,
    /** The model renders, but something will likely surprise its users. */
    WARNING
  }

  private Check(String id, String requirement, Severity severity) {
    this.id = id;
    this.requirement = requirement;
    this.severity = severity;
  }

  /**
   * A check called {@code id} (lower-case words joined by {@code -}, e.g. {@code no-workers}) that
   * enforces {@code requirement} (one sentence, e.g. {@code Every node is a control plane}).
   */
  public static Check of(String id, String requirement) {
    return of(id, requirement, Severity.ERROR);
  }

  /**
   * A check like {@link #of}, whose problems are warnings: {@link Validator#warnings} reports them,
   * {@link Validator#problems} and {@link Validator#check} do not.
   */
  public static Check warning(String id, String requirement) {
    return of(id, requirement, Severity.WARNING);
  }

  private static Check of(String id, String requirement, Severity severity) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requirement, "requirement");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("check id '" + id + "' is not lower-case words joined by '-', like no-workers");
    }
    if (requirement.isBlank() || !requirement.equals(requirement.strip()) || requirement.contains("\n")) {
      throw new IllegalArgumentException("the requirement of check " + id + " is not one sentence on one line");
    }
    return new Check(id, requirement, severity);
  }

  /** Whether a problem of this check is an error (the default) or a warning. */
  public Severity severity() {
    return severity;
  }

  /** Stable id, e.g. {@code etcd-odd-servers}. */
  public String id() {
    return id;
  }

  /** What the check requires, one sentence without a final period, e.g. {@code Embedded etcd runs on an odd number of servers}. */
  public String requirement() {
    return requirement;
  }

  /** A problem found by this check at {@code path} (a model path such as {@code homelab/apps/nextcloud}). */
  public Problem at(String path, String problem, String fix) {
    return new Problem(this, path, problem, fix);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Check && id.equals(((Check) o).id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  /** The id: problems and assertions name the check by it. */
  @Override
  public String toString() {
    return id;
  }
}
