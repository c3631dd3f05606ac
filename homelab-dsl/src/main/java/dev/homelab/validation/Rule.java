package dev.homelab.validation;

import dev.homelab.model.Lab;

/** One check over the whole model; it reports into {@link Problems} and never throws. */
public interface Rule {

  /** Stable identifier, e.g. {@code etcd-odd-servers}; tests and tools refer to rules by it. */
  String id();

  void check(Lab lab, Problems problems);

  /** A rule from an id and a check. */
  static Rule of(String id, java.util.function.BiConsumer<Lab, Reporter> check) {
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public void check(Lab lab, Problems problems) {
        check.accept(lab, (path, problem, fix) -> problems.add(id, path, problem, fix));
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }

  /** Reports a problem of the rule being checked. */
  @FunctionalInterface
  interface Reporter {
    void report(String path, String problem, String fix);
  }
}
