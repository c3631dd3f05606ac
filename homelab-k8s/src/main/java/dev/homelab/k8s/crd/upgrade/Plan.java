package dev.homelab.k8s.crd.upgrade;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.homelab.k8s.crd.TypedResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/**
 * system-upgrade-controller's {@code upgrade.cattle.io/v1 Plan}: which nodes to upgrade, to what
 * and how. Fields follow the CRD {@code upgrade.cattle.io_plans.yaml} of
 * rancher/system-upgrade-controller; only the subset the backend sets.
 *
 * @see <a href="https://github.com/rancher/system-upgrade-controller/blob/master/doc/plan.md">Plan</a>
 */
public final class Plan extends TypedResource<Plan.Spec> {

  /** {@code spec}: {@code channel} and {@code version} are exclusive; {@code upgrade} is required. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Integer concurrency,
      LabelSelector nodeSelector,
      String serviceAccountName,
      Boolean cordon,
      Drain drain,
      List<Toleration> tolerations,
      String channel,
      String version,
      Window window,
      Container prepare,
      Container upgrade) {}

  /** A container of the upgrade job; an image without tag gets the resolved version as tag. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Container(String image, List<String> command, List<String> args) {
    /** A container running {@code image} with its own command and arguments. */
    public static Container of(String image) {
      return new Container(image, null, null);
    }
  }

  /** {@code kubectl drain} options; a drain implies a cordon. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Drain(Boolean force, Boolean ignoreDaemonSets, Boolean deleteEmptydirData,
      Integer skipWaitForDeleteTimeout) {}

  /** When jobs may start: {@code days} (e.g. {@code saturday}), {@code HH:MM} times, IANA zone. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Window(List<String> days, String startTime, String endTime, String timeZone) {}

  /** A Plan with {@code metadata} and {@code spec}. */
  public Plan(ObjectMeta metadata, Spec spec) {
    super("upgrade.cattle.io/v1", "Plan", metadata, spec);
  }
}
