package dev.homelab.model;

import java.util.ArrayList;
import java.util.List;

/** Collects the {@link Violation}s of one value and of the values it holds. */
public final class Violations {
  private final List<Violation> found = new ArrayList<>();

  /** Records a violation of the value itself. */
  public Violations add(String rule, String problem, String fix) {
    found.add(Violation.of(rule, problem, fix));
    return this;
  }

  /** Records a violation when {@code broken}; the texts are only built then. */
  public Violations when(boolean broken, String rule, java.util.function.Supplier<String> problem, String fix) {
    if (broken) {
      add(rule, problem.get(), fix);
    }
    return this;
  }

  /** Records the violations of a held value at the same path (an unnamed part, e.g. the upgrade plan). */
  public Violations addAll(List<Violation> held) {
    found.addAll(held);
    return this;
  }

  /** Records the violations of a held value below {@code segment} (a named part, e.g. {@code disks/data}). */
  public Violations addAll(String segment, List<Violation> held) {
    held.forEach(v -> found.add(v.under(segment)));
    return this;
  }

  public List<Violation> list() {
    return List.copyOf(found);
  }
}
