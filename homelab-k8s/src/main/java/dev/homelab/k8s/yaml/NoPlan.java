package dev.homelab.k8s.yaml;

import java.util.Objects;

/** Why a class gets no plan: thrown while a plan is made, caught by {@link BeanPlans}. */
final class NoPlan extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NoPlan(String why) {
    super(Objects.requireNonNull(why), null, false, false);
  }
}
