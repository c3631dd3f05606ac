package dev.homelab.model.monitoring;

import static dev.homelab.internal.Arguments.required;
import static dev.homelab.internal.Arguments.requiredEach;
import dev.homelab.validation.ModelPaths;

import dev.homelab.model.storage.NfsStorageClass;
import dev.homelab.model.HomelabStyle;
import dev.homelab.internal.Names;
import dev.homelab.model.SecretRef;
import dev.homelab.model.host.NodeClass;
import dev.homelab.internal.Texts;
import dev.homelab.validation.Problem;
import dev.homelab.validation.Checks;
import dev.homelab.validation.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * kube-prometheus-stack: Prometheus Operator, Prometheus, Grafana (internal), Alertmanager.
 *
 * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
 */
@Value.Immutable
@HomelabStyle
public abstract class Monitoring {
  Monitoring() {}

  /**
   * Host name of Grafana on the internal side. Default: {@code grafana}.
   *
   * @see <a href="https://grafana.com/docs/grafana/latest/">Grafana documentation</a>
   */
  @Value.Default
  public String grafanaHost() {
    return "grafana";
  }

  /**
   * Grafana's admin password; the same secret holds the user under {@code admin-user}. Default:
   * {@code secret("grafana-admin", "admin-password")}.
   *
   * @see <a href="https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/">Grafana configuration</a>
   */
  @Value.Default
  public SecretRef grafanaAdmin() {
    return SecretRef.of("grafana-admin", "admin-password");
  }

  /**
   * Alertmanager receivers; the first one is the default route. Default: none.
   *
   * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
   */
  public abstract List<AlertReceiver> receivers();

  /**
   * Built-in alert rules. Default: all of them.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/">alerting rules</a>
   */
  @Value.Default
  public Set<BuiltInAlert> alerts() {
    return EnumSet.allOf(BuiltInAlert.class);
  }

  /**
   * Prometheus retention. Default: {@code 15d}.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/">Prometheus storage</a>
   */
  @Value.Default
  public String retention() {
    return "15d";
  }

  /**
   * Prometheus volume size. Default: {@code 20Gi}.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/">Prometheus storage</a>
   */
  @Value.Default
  public String storageSize() {
    return "20Gi";
  }

  /**
   * Storage class of Prometheus' volume, when named. Default: none, node-local ({@code local-path}):
   * Prometheus does not support its TSDB on NFS.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/#operational-aspects">Prometheus storage: non-POSIX file systems</a>
   */
  public abstract Optional<String> storageClass();

  /**
   * The nodes Prometheus, Alertmanager and Grafana run on, by label. Default: none, any node.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   */
  public abstract Optional<NodeClass> runsOn();

  /**
   * The stack; prefer {@link dev.homelab.Homelab#monitoring}. Default: all built-in alerts, no
   * receivers, Grafana at {@code grafana}, retention {@code 15d}, {@code 20Gi}, chart version from the versions file ({@code VersionKey.CHART_KUBE_PROMETHEUS_STACK}).
   *
   * @see <a href="https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack">kube-prometheus-stack</a>
   */
  public static Monitoring defaults() {
    return ImmutableMonitoring.of();
  }

  /**
   * Host name (below the domain) of Grafana on the internal side. Default: {@code grafana}.
   *
   * @see <a href="https://grafana.com/docs/grafana/latest/">Grafana documentation</a>
   */
  public Monitoring grafanaHost(String host) {
    required(host, ModelPaths.monitoring(), ".grafanaHost(host)", "a host name below the domain", ".grafanaHost(\"grafana\")");
    return copy().withGrafanaHost(host);
  }

  /**
   * Where Grafana's admin password lives. Default: {@code secret("grafana-admin", "admin-password")}.
   *
   * @see <a href="https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/">Grafana configuration</a>
   */
  public Monitoring grafanaAdmin(SecretRef secret) {
    required(secret, ModelPaths.monitoring(), ".grafanaAdmin(secret)", "a secret reference", ".grafanaAdmin(secret(\"grafana-admin\", \"password\"))");
    return copy().withGrafanaAdmin(secret);
  }

  /**
   * Adds an Alertmanager receiver. Default: none.
   *
   * @see <a href="https://prometheus.io/docs/alerting/latest/configuration/#receiver">Alertmanager receivers</a>
   */
  public Monitoring receiver(String name, AlertReceiver.Kind kind, SecretRef secret) {
    required(name, ModelPaths.monitoring(), ".receiver(name, …)", "the receiver's name", ".receiver(\"ops\", AlertReceiver.Kind.SLACK, secret(\"alertmanager-slack\", \"url\"))");
    required(kind, ModelPaths.monitoring(), ".receiver(…, kind, …)", "a receiver kind", ".receiver(\"ops\", AlertReceiver.Kind.SLACK, secret(\"alertmanager-slack\", \"url\"))");
    required(secret, ModelPaths.monitoring(), ".receiver(…, secret)", "a secret reference", ".receiver(\"ops\", AlertReceiver.Kind.SLACK, secret(\"alertmanager-slack\", \"url\"))");
    List<AlertReceiver> all = new ArrayList<>(receivers());
    all.add(AlertReceiver.of(name, kind, secret));
    return copy().withReceivers(all);
  }

  /**
   * Keeps only these built-in alerts. Default: all.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/">alerting rules</a>
   */
  public Monitoring alerts(BuiltInAlert... alerts) {
    requiredEach(alerts, ModelPaths.monitoring(), ".alerts(alerts)", "a built-in alert", ".alerts(BuiltInAlert.values())");
    Set<BuiltInAlert> set = EnumSet.noneOf(BuiltInAlert.class);
    set.addAll(List.of(alerts));
    return copy().withAlerts(set);
  }

  /**
   * Prometheus retention, e.g. {@code 30d}. Default: {@code 15d}.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/">Prometheus storage</a>
   */
  public Monitoring retention(String retention) {
    required(retention, ModelPaths.monitoring(), ".retention(retention)", "a Prometheus retention", ".retention(\"15d\")");
    return copy().withRetention(retention);
  }

  /**
   * Prometheus volume size on the node-local {@code local-path} class (Prometheus' TSDB does not
   * support NFS). Default: {@code 20Gi}.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/">Prometheus storage</a>
   */
  public Monitoring storage(String size) {
    required(size, ModelPaths.monitoring(), ".storage(size)", "a size", ".storage(\"20Gi\")");
    return copy().withStorageSize(size);
  }

  /**
   * Prometheus volume size on an NFS class of the lab. Default: {@code 20Gi} on {@code local-path}.
   *
   * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/">Prometheus storage</a>
   */
  public Monitoring storage(String size, NfsStorageClass storageClass) {
    required(size, ModelPaths.monitoring(), ".storage(size, …)", "a size", ".storage(\"20Gi\", nfsData)");
    required(storageClass, ModelPaths.monitoring(), ".storage(…, storageClass)", "an NFS StorageClass of the lab", ".storage(\"20Gi\", nfsData)");
    return copy().withStorageSize(size).withStorageClass(storageClass.name());
  }

  /**
   * Runs Prometheus, Alertmanager and Grafana on any node with a label, e.g. {@code
   * .runsOn(nodesLabelled("homelab.dev/class", "compute"))}. Their claims are node-local on
   * {@code local-path}, so they stay on the node they first start on: this keeps Prometheus' writes
   * (up to its volume's size) off the disks the etcd of a control-plane Pi lives on. Default: any node.
   *
   * @see <a href="https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodeselector">nodeSelector</a>
   * @see <a href="https://github.com/rancher/local-path-provisioner">local-path: volumes pinned to their node</a>
   */
  public Monitoring runsOn(NodeClass nodes) {
    required(nodes, ModelPaths.monitoring(), ".runsOn(nodes)", "a class of nodes", ".runsOn(nodesLabelled(\"homelab.dev/class\", \"compute\"))");
    return copy().withRunsOn(nodes);
  }

  /** Broken invariants of the monitoring stack; empty when it is sound. Never throws. */
  public List<Problem> violations() {
    Problems v = new Problems()
        .when(!retention().matches("[1-9]\\d*(ms|s|m|h|d|w|y)"), Checks.PROMETHEUS_RETENTION,
            () -> "Prometheus retention " + Texts.quote(retention()) + " is not a duration like 15d", "Call .retention(\"15d\")")
        .when(!Names.isSize(storageSize()), Checks.SIZE_QUANTITY, () -> "size " + Texts.quote(storageSize()) + " is not a quantity like 20Gi",
            "Write the size like .storage(\"20Gi\", ...)");
    receivers().forEach(r -> v.when(!r.name().matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"), Checks.RECEIVER_NAME,
        () -> "alert receiver name " + Texts.quote(r.name()) + " is not a DNS label",
        "Use lower-case letters, digits and '-', e.g. .receiver(\"ops\", ...)"));
    java.util.Set<String> names = new java.util.HashSet<>();
    receivers().forEach(r -> v.when(!names.add(r.name()), Checks.RECEIVER_UNIQUE, () -> "two alert receivers are called " + r.name(),
        "Give each .receiver(...) its own name"));
    return v.list();
  }

  /** Every instance is the generated class (the constructor is package-private); its withers back the setters. */
  private ImmutableMonitoring copy() {
    return (ImmutableMonitoring) this;
  }
}
