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
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Automatic k3s upgrades through the system-upgrade-controller: a server plan, then an agent plan.
 *
 * @see <a href="https://docs.k3s.io/upgrades/automated">k3s automated upgrades</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class AutoUpgrade {
  AutoUpgrade() {}

  /**
   * k3s release channel ({@code stable}, {@code latest}, {@code v1.33}). Default: {@code stable} unless pinned.
   *
   * @see <a href="https://docs.k3s.io/upgrades/manual">k3s release channels</a>
   */
  public abstract Optional<String> channel();

  /**
   * A pinned version; disables channel polling. Default: none.
   *
   * @see <a href="https://github.com/k3s-io/k3s/releases">k3s releases</a>
   */
  public abstract Optional<String> version();

  /**
   * Nodes upgraded at once. Default: 1.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Default
  public int concurrency() {
    return 1;
  }

  /**
   * Drain nodes (else only cordon) before upgrading. Default: true.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  @Value.Default
  public boolean drain() {
    return true;
  }

  /**
   * When upgrades may run. Default: any time.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  public abstract Optional<UpgradeWindow> window();

  /**
   * Automatic upgrades; prefer {@link dev.homelab.Homelab#autoUpgrade}. Default: stable channel, one
   * node at a time, drained, any time.
   *
   * @see <a href="https://docs.k3s.io/upgrades/automated">k3s automated upgrades</a>
   */
  public static AutoUpgrade defaults() {
    return ImmutableAutoUpgrade.of();
  }

  /**
   * Follows a k3s channel and drops a pinned version: {@code stable}, {@code latest}, {@code testing}
   * or a minor such as {@code v1.34}, not below the cluster's (its plans would downgrade). Default: {@code stable}.
   *
   * @see <a href="https://docs.k3s.io/upgrades/manual">k3s release channels</a>
   */
  public AutoUpgrade channel(String channel) {
    required(channel, ModelPaths.cluster() + "/upgrades", ".channel(channel)", "a release channel", ".channel(\"stable\")");
    return copy().withChannel(channel).withVersion(Optional.empty());
  }

  /**
   * Pins a version such as {@code v1.33.4+k3s1} and drops the channel. Default: follow the stable channel.
   *
   * @see <a href="https://github.com/k3s-io/k3s/releases">k3s releases</a>
   */
  public AutoUpgrade version(String version) {
    required(version, ModelPaths.cluster() + "/upgrades", ".version(version)", "a k3s release", ".version(\"v1.33.4+k3s1\")");
    return copy().withVersion(version).withChannel(Optional.empty());
  }

  /**
   * Nodes upgraded at once. Default: 1.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  public AutoUpgrade concurrency(int nodes) {
    return copy().withConcurrency(nodes);
  }

  /**
   * Only cordons nodes instead of draining them. Default: drain.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  public AutoUpgrade withoutDrain() {
    return copy().withDrain(false);
  }

  /**
   * Upgrades only on {@code days} between {@code start} and {@code end} in {@code timeZone} (an IANA
   * zone), e.g. {@code .window(LocalTime.of(3, 0), LocalTime.of(6, 0), "Europe/Paris", SATURDAY, SUNDAY)}.
   * Default: any time.
   *
   * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">system-upgrade-controller Plan</a>
   */
  public AutoUpgrade window(LocalTime start, LocalTime end, String timeZone, DayOfWeek... days) {
    String example = ".window(LocalTime.of(3, 0), LocalTime.of(6, 0), \"Europe/Paris\", SATURDAY, SUNDAY)";
    required(start, ModelPaths.cluster() + "/upgrades", ".window(start, …)", "a start time", example);
    required(end, ModelPaths.cluster() + "/upgrades", ".window(…, end, …)", "an end time", example);
    required(timeZone, ModelPaths.cluster() + "/upgrades", ".window(…, timeZone, …)", "an IANA time zone", example);
    requiredEach(days, ModelPaths.cluster() + "/upgrades", ".window(…, days)", "a day", example);
    return copy().withWindow(UpgradeWindow.of(start, end, timeZone, days));
  }

  /** The channel URL polled by the plans. */
  public String channelUrl() {
    return "https://update.k3s.io/v1-release/channels/" + channel().orElse("stable");
  }

  /** Broken invariants of the upgrade plan and its window; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(concurrency() < 1, Checks.UPGRADE_CONCURRENCY, () -> "upgrade concurrency is " + concurrency() + ", at least 1 is needed",
            "Call autoUpgrade().concurrency(1)");
    version().ifPresent(p -> v.when(K3sVersion.parse(p).isEmpty(), Checks.UPGRADE_VERSION,
        () -> "pinned upgrade version " + K3sVersion.problem(p),
        "Pin a tag from https://github.com/k3s-io/k3s/releases with autoUpgrade().version(...)"));
    channel().ifPresent(c -> v.when(!c.matches("stable|latest|testing|v\\d+\\.\\d+"), Checks.UPGRADE_VERSION,
        () -> "upgrade channel " + Texts.quote(c) + " is not stable, latest, testing or a minor like v1.33",
        "Call autoUpgrade().channel(\"stable\")"));
    window().ifPresent(w -> v.addAll(w.violations()));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableAutoUpgrade copy() {
    return (ImmutableAutoUpgrade) this;
  }
}
