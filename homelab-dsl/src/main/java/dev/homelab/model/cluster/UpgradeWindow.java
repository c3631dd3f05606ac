package dev.homelab.model.cluster;

import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import dev.homelab.validation.Problem;
import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.internal.Texts;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * When automatic upgrades may run: days of the week and a time span in a time zone.
 *
 * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">Plan window</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class UpgradeWindow {
  private static final String PATH = ModelPaths.cluster() + "/upgrades/window";
  private static final String EXAMPLE = "UpgradeWindow.of(LocalTime.of(3, 0), LocalTime.of(6, 0), \"Europe/Paris\", SATURDAY, SUNDAY)";

  UpgradeWindow() {}

  /**
   * Days of the week, Monday first. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract Set<DayOfWeek> days();

  /**
   * Start, in whole minutes. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract LocalTime startTime();

  /**
   * End, in whole minutes. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract LocalTime endTime();

  /**
   * IANA time zone of the window. Required.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Parameter
  public abstract String timeZone();

  /** Broken invariants of the window; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    return new Problems()
        .when(days().isEmpty(), Checks.UPGRADE_WINDOW, () -> "upgrade window has no days",
            "Name the days, e.g. .window(LocalTime.of(3, 0), LocalTime.of(6, 0), \"Europe/Paris\", SATURDAY, SUNDAY)")
        .when(!isWholeMinute(startTime()), Checks.UPGRADE_WINDOW, () -> "upgrade window start " + startTime() + " has seconds, but a plan's window takes hours and minutes",
            "Pass LocalTime.of(" + startTime().getHour() + ", " + startTime().getMinute() + ")")
        .when(!isWholeMinute(endTime()), Checks.UPGRADE_WINDOW, () -> "upgrade window end " + endTime() + " has seconds, but a plan's window takes hours and minutes",
            "Pass LocalTime.of(" + endTime().getHour() + ", " + endTime().getMinute() + ")")
        .when(!Names.isTimeZone(timeZone()), Checks.UPGRADE_WINDOW, () -> "upgrade window time zone " + Texts.quote(timeZone()) + " is unknown",
            "Use an IANA zone such as \"Europe/Paris\"")
        .list();
  }

  private static boolean isWholeMinute(LocalTime time) {
    return time.getSecond() == 0 && time.getNano() == 0;
  }

  /**
   * A window; prefer {@link AutoUpgrade#window}. Required: start, end, time zone and at least one day;
   * nothing has a default.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  public static UpgradeWindow of(LocalTime start, LocalTime end, String timeZone, DayOfWeek... days) {
    required(start, PATH, "UpgradeWindow.of(start, …)", "a start time", EXAMPLE);
    required(end, PATH, "UpgradeWindow.of(…, end, …)", "an end time", EXAMPLE);
    required(timeZone, PATH, "UpgradeWindow.of(…, timeZone, …)", "an IANA time zone", EXAMPLE);
    requiredEach(days, PATH, "UpgradeWindow.of(…, days)", "a day", EXAMPLE);
    return ImmutableUpgradeWindow.of(new java.util.LinkedHashSet<>(List.of(days)), start, end, timeZone);
  }
}
