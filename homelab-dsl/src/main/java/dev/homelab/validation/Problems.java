package dev.homelab.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while the validator walks a model. */
public final class Problems {
  private final List<Problem> found = new ArrayList<>();

  /** Records {@code path: problem. fix}, found by {@code rule}. */
  public void add(String rule, String path, String problem, String fix) {
    found.add(new Problem(rule, path, problem, fix));
  }

  public List<Problem> all() {
    return List.copyOf(found);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }
}
