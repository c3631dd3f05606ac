package dev.homelab.validation;

import dev.homelab.internal.RenderScope;
import dev.homelab.model.Lab;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule over the whole model and reports all problems at once. Rules across objects live
 * here; {@link StandardRules} lists them.
 */
public final class Validator {
  /** Rules hold no state, so every standard validator shares them: a render scope knows them by identity. */
  private static final List<Rule> STANDARD = List.copyOf(StandardRules.all());

  private final List<Rule> rules;

  private Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The project's rules. */
  public static Validator standard() {
    return new Validator(STANDARD);
  }

  /** The standard rules plus {@code extra} ones (a user's own invariants). */
  public Validator with(Rule... extra) {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(List.of(extra));
    return new Validator(all);
  }

  /** The rules this validator runs, in order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Every error of {@code lab}, in rule order; empty when the model is valid. Warnings are left out: see {@link #warnings}. */
  public List<Problem> problems(Lab lab) {
    return all(lab).stream().filter(p -> !p.isWarning()).toList();
  }

  /** Every warning of {@code lab} (problems of a {@link Check#warning} check), in rule order: printed, never fatal. */
  public List<Problem> warnings(Lab lab) {
    return all(lab).stream().filter(Problem::isWarning).toList();
  }

  private List<Problem> all(Lab lab) {
    Problems problems = new Problems();
    for (Rule rule : rules) {
      // within a render each rule runs once per lab, however many validators (a backend's check too) ask
      problems.addAll(RenderScope.once(lab, rule, () -> {
        Problems own = new Problems();
        rule.check(lab, own);
        return own.list();
      }));
    }
    return problems.list();
  }

  /** Throws one {@link ValidationException} listing every problem, if there is any. */
  public void check(Lab lab) {
    List<Problem> found = problems(lab);
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
