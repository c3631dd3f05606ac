package dev.homelab.model.cluster;

import static dev.homelab.model.Arguments.required;
import static dev.homelab.model.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.model.Names;
import dev.homelab.model.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.List;
import org.immutables.value.Value;

/**
 * When automatic upgrades may run: days of the week and a time span.
 *
 * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">Plan window</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class UpgradeWindow {
  UpgradeWindow() {}

  /**
   * Lower-case day names, e.g. {@code saturday}. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract List<String> days();

  /**
   * Start, {@code HH:MM}. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract String startTime();

  /**
   * End, {@code HH:MM}. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract String endTime();

  /**
   * IANA time zone of the window. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract String timeZone();

  /** Broken invariants of the window; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(days().isEmpty(), Checks.UPGRADE_WINDOW, () -> "upgrade window has no days", "List days such as List.of(\"saturday\")")
        .when(!Names.isClockTime(startTime()), Checks.UPGRADE_WINDOW, () -> "upgrade window start " + Texts.quote(startTime()) + " is not HH:MM",
            "Write it like \"03:00\"")
        .when(!Names.isClockTime(endTime()), Checks.UPGRADE_WINDOW, () -> "upgrade window end " + Texts.quote(endTime()) + " is not HH:MM",
            "Write it like \"06:00\"")
        .when(!Names.isTimeZone(timeZone()), Checks.UPGRADE_WINDOW, () -> "upgrade window time zone " + Texts.quote(timeZone()) + " is unknown",
            "Use an IANA zone such as \"Europe/Paris\"");
    days().forEach(d -> v.when(!Names.isDay(d), Checks.UPGRADE_WINDOW, () -> "upgrade window day " + Texts.quote(d) + " is not a day name",
        "Use lower-case names such as \"saturday\""));
    return v.list();
  }

  /**
   * A window; prefer {@link AutoUpgrade#window}. Required: days, start, end and time zone; nothing has
   * a default.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  public static UpgradeWindow of(List<String> days, String start, String end, String timeZone) {
    requiredEach(days, ModelPaths.k3s() + "/upgrades/window", "UpgradeWindow.of(days, …)", "a day", "UpgradeWindow.of(List.of(\"sat\", \"sun\"), \"02:00\", \"05:00\", \"Europe/Paris\")");
    required(start, ModelPaths.k3s() + "/upgrades/window", "UpgradeWindow.of(…, start, …)", "a start time", "UpgradeWindow.of(List.of(\"sat\", \"sun\"), \"02:00\", \"05:00\", \"Europe/Paris\")");
    required(end, ModelPaths.k3s() + "/upgrades/window", "UpgradeWindow.of(…, end, …)", "an end time", "UpgradeWindow.of(List.of(\"sat\", \"sun\"), \"02:00\", \"05:00\", \"Europe/Paris\")");
    required(timeZone, ModelPaths.k3s() + "/upgrades/window", "UpgradeWindow.of(…, timeZone)", "an IANA time zone", "UpgradeWindow.of(List.of(\"sat\", \"sun\"), \"02:00\", \"05:00\", \"Europe/Paris\")");
    return ImmutableUpgradeWindow.of(days, start, end, timeZone);
  }
}
