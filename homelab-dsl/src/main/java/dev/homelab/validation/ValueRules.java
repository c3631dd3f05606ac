package dev.homelab.validation;

import dev.homelab.model.Lab;
import dev.homelab.model.Violation;
import java.util.List;

/**
 * One-object invariants: walks the model and reports what each value says is wrong with itself
 * ({@code violations()} on the value), under the value's path and the value's own rule id. The
 * values never throw at construction, so these problems come out together with the cross-object
 * ones.
 */
final class ValueRules implements Rule {
  /** Id of the walk itself; the problems it reports carry each invariant's own id (e.g. {@code image-pinned}). */
  static final String ID = "value-invariants";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void check(Lab lab, Problems problems) {
    report(problems, ModelPaths.ROOT, lab.violations());
    lab.nodes().forEach(n -> report(problems, ModelPaths.node(n.name()), n.violations()));
    lab.k3s().ifPresent(k -> report(problems, ModelPaths.k3s(), k.violations()));
    lab.traefik().ifPresent(t -> report(problems, ModelPaths.traefik(), t.violations()));
    lab.tls().ifPresent(t -> report(problems, ModelPaths.tls(), t.violations()));
    lab.vpn().ifPresent(v -> report(problems, ModelPaths.vpn(), v.violations()));
    lab.crowdsec().ifPresent(c -> report(problems, ModelPaths.crowdsec(), c.violations()));
    lab.monitoring().ifPresent(m -> report(problems, ModelPaths.monitoring(), m.violations()));
    lab.staticVolumes().forEach(v -> report(problems, ModelPaths.staticVolume(v.name()), v.violations()));
    lab.s3Targets().forEach(s -> report(problems, ModelPaths.s3(s.name()), s.violations()));
    lab.resticBackups().forEach(b -> report(problems, ModelPaths.restic(b.name()), b.violations()));
    lab.dataServices().forEach(d -> report(problems, ModelPaths.dataService(d.name()), d.violations()));
    lab.apps().forEach(a -> report(problems, ModelPaths.app(a.name()), a.violations()));
    lab.github().ifPresent(g -> report(problems, ModelPaths.github(), g.violations()));
    lab.dns().ifPresent(d -> report(problems, ModelPaths.dns(), d.violations()));
    lab.storageClasses().forEach(c -> report(problems, ModelPaths.storageClass(c.name()), c.violations()));
    lab.terraformState().ifPresent(t -> report(problems, ModelPaths.terraformState(), t.violations()));
    report(problems, ModelPaths.ROOT, dev.homelab.versions.Versions.violations(lab.versionOverrides()));
  }

  private static void report(Problems problems, String path, List<Violation> violations) {
    violations.forEach(v -> problems.add(v.rule(), ModelPaths.below(path, v.where()), v.problem(), v.fix()));
  }

  @Override
  public String toString() {
    return ID;
  }
}
