package dev.homelab.validation;

import dev.homelab.model.Lab;
import java.util.List;

/**
 * One-object invariants: walks the model and reports what each value says is wrong with itself
 * ({@code violations()} on the value), under the value's path and with the value's own check. The
 * values never throw at construction, so these problems come out together with the cross-object
 * ones.
 */
final class ValueRules implements Rule {
  @Override
  public void check(Lab lab, Problems problems) {
    report(problems, ModelPaths.ROOT, lab.violations());
    lab.nodes().forEach(n -> report(problems, ModelPaths.node(n.name()), n.violations()));
    lab.cluster().ifPresent(k -> report(problems, ModelPaths.cluster(), k.violations()));
    lab.ingress().ifPresent(t -> report(problems, ModelPaths.ingress(), t.violations()));
    lab.tls().ifPresent(t -> report(problems, ModelPaths.tls(), t.violations()));
    lab.vpn().ifPresent(v -> report(problems, ModelPaths.vpn(), v.violations()));
    lab.security().ifPresent(c -> report(problems, ModelPaths.security(), c.violations()));
    lab.monitoring().ifPresent(m -> report(problems, ModelPaths.monitoring(), m.violations()));
    lab.staticVolumes().forEach(v -> report(problems, ModelPaths.staticVolume(v.name()), v.violations()));
    lab.backups().forEach(s -> report(problems, ModelPaths.s3(s.name()), s.violations()));
    lab.resticBackups().forEach(b -> report(problems, ModelPaths.restic(b.name()), b.violations()));
    lab.dataServices().forEach(d -> report(problems, ModelPaths.dataService(d.name()), d.violations()));
    lab.apps().forEach(a -> report(problems, ModelPaths.app(a.name()), a.violations()));
    lab.github().ifPresent(g -> report(problems, ModelPaths.github(), g.violations()));
    lab.dns().ifPresent(d -> report(problems, ModelPaths.dns(), d.violations()));
    lab.storage().forEach(c -> report(problems, ModelPaths.storageClass(c.name()), c.violations()));
    lab.terraformState().ifPresent(t -> report(problems, ModelPaths.terraformState(), t.violations()));
    report(problems, ModelPaths.ROOT, dev.homelab.versions.Versions.violations(lab.versions()));
  }

  private static void report(Problems problems, String path, List<Problem> found) {
    problems.addAll(path, found);
  }

  @Override
  public String toString() {
    return "value-invariants";
  }
}
