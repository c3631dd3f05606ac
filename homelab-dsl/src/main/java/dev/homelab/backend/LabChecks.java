package dev.homelab.backend;

import dev.homelab.internal.RenderScope;
import dev.homelab.internal.SideTask;
import dev.homelab.model.Lab;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems of one lab: the validator's, then each backend's {@link Backend#check}, in backend
 * order. The checks of backends that {@link Backend#checksOnAnyThread run on any thread} start on
 * the common pool first, inside the render's scope; the validator and the other checks run on the
 * calling thread meanwhile. Ansible's and GitHub's checks render their files to find unsafe
 * values: a fifth of a warm render, which the second core now does.
 */
final class LabChecks {
  private final List<Problem> standard;
  private final List<SideTask<List<Problem>>> checks;

  private LabChecks(List<Problem> standard, List<SideTask<List<Problem>>> checks) {
    this.standard = standard;
    this.checks = checks;
  }

  /** Starts the checks that run on any thread, then runs the validator and the other checks here. */
  static LabChecks start(Lab lab, Validator validator, List<Backend> backends) {
    List<SideTask<List<Problem>>> checks = new ArrayList<>();
    for (Backend backend : backends) {
      Supplier<List<Problem>> check = () -> backend.check(lab);
      checks.add(backend.checksOnAnyThread() ? SideTask.start(RenderScope.carried(lab, check)) : null);
    }
    List<Problem> standard;
    try {
      standard = validator.problems(lab);
    } catch (RuntimeException | Error e) {
      settle(checks); // a rule's bug: no check goes on after the render has failed
      throw e;
    }
    for (int i = 0; i < backends.size(); i++) {
      if (checks.get(i) == null) {
        Backend backend = backends.get(i);
        checks.set(i, SideTask.runHere(() -> backend.check(lab)));
      }
    }
    return new LabChecks(standard, checks);
  }

  /** Waits for every started check (or runs it here), whatever it returns or throws. */
  private static void settle(List<SideTask<List<Problem>>> checks) {
    for (SideTask<List<Problem>> check : checks) {
      if (check != null) {
        try {
          check.join();
        } catch (RuntimeException | Error e) {
          // what the caller is already throwing matters more
        }
      }
    }
  }

  /**
   * Whether a problem is known already, before the checks still running finish: one of the
   * validator's, a finished check's, or a finished check that threw.
   */
  boolean foundAlready() {
    if (!standard.isEmpty()) {
      return true;
    }
    for (SideTask<List<Problem>> check : checks) {
      if (check.isDone()) {
        try {
          if (check.join().stream().anyMatch(p -> !p.isWarning())) {
            return true;
          }
        } catch (RuntimeException | Error e) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the check of the backend at {@code index} (in the order given to {@link #start}) found
   * no problem, waiting for it if it still runs; false when it threw.
   */
  boolean passed(int index) {
    try {
      return checks.get(index).join().stream().allMatch(Problem::isWarning);
    } catch (RuntimeException | Error e) {
      return false; // all() throws it
    }
  }

  /**
   * Every problem, once every check has finished: the validator's, then each check's that is new,
   * in backend order. A check that throws on a valid model throws here; on an invalid one it may
   * assume what the standard rules guarantee, so their problems are reported instead. Every check
   * has finished when this returns or throws: none goes on using the render's scope after it.
   */
  List<Problem> all() {
    settle(checks);
    List<Problem> found = new ArrayList<>(standard);
    boolean modelValid = found.isEmpty();
    for (SideTask<List<Problem>> check : checks) {
      List<Problem> own;
      try {
        own = check.join();
      } catch (RuntimeException e) {
        if (modelValid) {
          throw e;
        }
        continue;
      }
      for (Problem p : own) {
        if (!p.isWarning() && !found.contains(p)) {
          found.add(p);
        }
      }
    }
    return found;
  }
}
