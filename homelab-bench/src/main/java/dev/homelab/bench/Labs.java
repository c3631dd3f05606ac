package dev.homelab.bench;

import dev.homelab.examples.ReferenceHomelab;
import dev.homelab.model.Lab;

/** The labs the benchmarks take by name: {@code reference}, or a number of synthetic apps. */
final class Labs {
  /** The reference lab of {@code examples}; any other name is a number of synthetic apps. */
  static final String REFERENCE = "reference";

  private Labs() {}

  static Lab build(String name) {
    return REFERENCE.equals(name) ? ReferenceHomelab.lab() : SyntheticHomelab.lab(Integer.parseInt(name));
  }
}
