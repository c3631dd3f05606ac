package dev.homelab.validation;

import dev.homelab.model.Lab;

/** One check over the whole model; it reports into {@link Problems} and never throws. */
public interface Rule {

  /** Reports every problem this rule finds in {@code lab} into {@code problems}; must not throw, also on an invalid model. */
  void check(Lab lab, Problems problems);

  /** A rule whose problems all come from {@code check}; {@code body} reports them. */
  static Rule of(Check check, java.util.function.BiConsumer<Lab, Reporter> body) {
    java.util.Objects.requireNonNull(check, "check");
    java.util.Objects.requireNonNull(body, "body");
    return new Rule() {
      @Override
      public void check(Lab lab, Problems problems) {
        body.accept(lab, (path, problem, fix) -> problems.add(check.at(path, problem, fix)));
      }

      @Override
      public String toString() {
        return check.id();
      }
    };
  }

  /** Reports a problem of the rule being checked. */
  @FunctionalInterface
  interface Reporter {
    /** Reports a problem at {@code path} (a model path such as {@code homelab/apps/nextcloud}): what is wrong and how to fix it. */
    void report(String path, String problem, String fix);
  }
}
