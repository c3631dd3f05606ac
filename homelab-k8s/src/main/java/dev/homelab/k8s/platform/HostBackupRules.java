package dev.homelab.k8s.platform;

import dev.homelab.internal.HostBackupUnits;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code BackupStale} for the backups the hosts run outside Kubernetes (restic backups and checks,
 * btrbk snapshots, k3s etcd snapshots: {@link HostBackupUnits}). Each unit leaves, for node-exporter's
 * textfile collector, its last success and the time Ansible installed it; this rule expects one
 * unit per model unit, as a constant series recorded here with its maximum age, so a host that
 * reports nothing is noticed too.
 *
 * <ul>
 *   <li>{@code HostBackupStale}: the last success (or, before the first one, the install time) is
 *       older than twice the unit's schedule period. Counting from the install time keeps a new
 *       unit quiet during its first period and still fires when it never succeeds.</li>
 *   <li>{@code HostBackupMetricMissing}: node-exporter reports neither series of an expected unit
 *       for an hour: the host playbook has not installed it, node-exporter does not read the
 *       directory, or the node is down (left to NodeDown when the lab has that alert).</li>
 * </ul>
 */
final class HostBackupRules {
  private HostBackupRules() {}

  /** The recorded constant: one series per expected unit, labels {@code node} and {@code unit}, value its maximum age. */
  static final String MAX_AGE = "homelab:host_backup_max_age_seconds";

  /**
   * A node NodeDown covers: its units' metrics are gone with its node-exporter, and one alert per
   * unit on top of NodeDown would only repeat it (kube-state-metrics' {@code node} label is the
   * node's name, as the units' own {@code node} label).
   */
  static final String UNLESS_NODE_DOWN = " unless on (node) (kube_node_status_condition{condition=\"Ready\",status=\"true\"} == 0)";

  /**
   * The rule for {@code units}, which must not be empty; {@code nodeDownAlerted}: the lab alerts on
   * a node that is not Ready (NODE_DOWN), so a missing metric of a node that is down is left to it.
   */
  static PrometheusRule rule(List<HostBackupUnits.Unit> units, boolean nodeDownAlerted) {
    List<Rule> rules = new ArrayList<>();
    for (HostBackupUnits.Unit u : units) {
      Map<String, String> labels = new TreeMap<>();
      labels.put("node", u.node());
      labels.put("unit", u.unit());
      rules.add(new RuleBuilder()
          .withRecord(MAX_AGE)
          .withExpr(new IntOrString("vector(" + u.maxAgeSeconds() + ")"))
          .withLabels(labels)
          .build());
    }
    String success = HostBackupUnits.LAST_SUCCESS_METRIC;
    String installed = HostBackupUnits.INSTALLED_METRIC;
    rules.add(new RuleBuilder()
        .withAlert("HostBackupStale")
        // the last success where there is one, else the install time; `or` keeps the left side's
        // series of a (node, unit) that has both
        .withExpr(new IntOrString("time() - (max by (node, unit) (" + success + ") or max by (node, unit) (" + installed + "))"
            + " > on (node, unit) " + MAX_AGE))
        .withFor("1h")
        .withLabels(Map.of("severity", "warning"))
        .withAnnotations(BuiltInAlertRules.annotations("Host backup {{ $labels.unit }} on {{ $labels.node }} is stale",
            "{{ $labels.unit }} on {{ $labels.node }} has not succeeded for {{ $value | humanizeDuration }} (or not since"
                + " the host playbook installed it that long ago), more than twice its schedule's period. On"
                + " {{ $labels.node }} run systemctl status {{ $labels.unit }} and journalctl -u {{ $labels.unit }}."))
        .build());
    rules.add(new RuleBuilder()
        .withAlert("HostBackupMetricMissing")
        .withExpr(new IntOrString(MAX_AGE + " unless on (node, unit) (" + success + " or " + installed + ")"
            + (nodeDownAlerted ? UNLESS_NODE_DOWN : "")))
        .withFor("1h")
        .withLabels(Map.of("severity", "warning"))
        .withAnnotations(BuiltInAlertRules.annotations("No backup metric of {{ $labels.unit }} on {{ $labels.node }}",
            "node-exporter on {{ $labels.node }} reports neither a last success nor an install time of {{ $labels.unit }}:"
                + " the host playbook has not installed it (run ansible-playbook -i inventory.yml site.yml), node-exporter"
                + " does not read " + HostBackupUnits.TEXTFILE_DIR + " (check node_textfile_scrape_error), or the node is down."
                + " On {{ $labels.node }} run ls " + HostBackupUnits.TEXTFILE_DIR + " and systemctl status {{ $labels.unit }}."))
        .build());
    return BuiltInAlertRules.rule("host-backup-stale", "host-backups", rules.toArray(Rule[]::new));
  }
}
