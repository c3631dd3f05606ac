package dev.homelab.model.cluster;

import dev.homelab.model.HomelabStyle;
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

  /** Lower-case day names, e.g. {@code saturday}. */
  @Value.Parameter
  public abstract List<String> days();

  /** {@code HH:MM}. */
  @Value.Parameter
  public abstract String startTime();

  /** {@code HH:MM}. */
  @Value.Parameter
  public abstract String endTime();

  /** IANA time zone. */
  @Value.Parameter
  public abstract String timeZone();

  public static UpgradeWindow of(List<String> days, String start, String end, String timeZone) {
    return ImmutableUpgradeWindow.of(days, start, end, timeZone);
  }
}
