package dev.homelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Services the HelmCharts of a render create, by namespace, for the charts the kit knows: a
 * route or reference to one of them resolves only when the name is one the chart really creates
 * with the release name and values the backend renders. The names follow each chart's templates at
 * the version the project pins (see each method); a chart the kit does not know stays unchecked.
 */
final class ChartServices {
  private final Map<String, SortedSet<String>> byNamespace = new TreeMap<>();
  private final SortedSet<String> uncheckedNamespaces = new TreeSet<>();

  ChartServices(Iterable<K8sObject> helmCharts) {
    for (K8sObject chart : helmCharts) {
      String ns = chart.text("spec.targetNamespace").orElse(chart.namespace());
      String release = chart.name();
      String name = chart.text("spec.chart").orElse("");
      // OCI charts are named by their reference; the chart's name is its last segment.
      name = name.substring(name.lastIndexOf('/') + 1);
      JsonNode values = values(chart);
      SortedSet<String> services = byNamespace.computeIfAbsent(ns, k -> new TreeSet<>());
      switch (name) {
        case "traefik" -> traefik(release, values, services);
        case "kube-prometheus-stack" -> kubePrometheusStack(release, values, services);
        case "crowdsec" -> crowdsec(release, values, services);
        default -> uncheckedNamespaces.add(ns);
      }
    }
  }

  /**
   * @return the chart-made Service {@code namespace/name} resolves to: {@code HelmChart release
   *     (chart)} when a known chart creates it, a note when an unknown chart's namespace holds it, or
   *     empty when no chart creates it
   */
  Optional<String> resolve(String namespace, String name) {
    if (byNamespace.getOrDefault(namespace, new TreeSet<>()).contains(name)) {
      return Optional.of("a Service a HelmChart creates in " + namespace);
    }
    if (uncheckedNamespaces.contains(namespace)) {
      return Optional.of("a HelmChart's release in " + namespace + " (a chart the kit does not know: unchecked)");
    }
    return Optional.empty();
  }

  /** @return the known chart-made Services of a namespace */
  SortedSet<String> in(String namespace) {
    return byNamespace.getOrDefault(namespace, new TreeSet<>());
  }

  /**
   * traefik/traefik 41.3.0: templates/service.yaml creates one Service per entry of
   * {@code service.additionalServices} plus {@code default}, named by templates/_service.tpl
   * ({@code <fullname>-<name>}, the default one {@code service.nameOverride} or {@code <fullname>});
   * fullname from templates/_helpers.tpl.
   */
  private static void traefik(String release, JsonNode values, SortedSet<String> out) {
    String fullname = fullname(release, values, "traefik", 63);
    JsonNode service = values.path("service");
    if (service.path("enabled").asBoolean(true)) {
      out.add(service.path("nameOverride").asText(fullname));
    }
    service.path("additionalServices").fields().forEachRemaining(e -> {
      if (e.getValue().path("enabled").asBoolean(true)) {
        out.add(fullname + "-" + e.getKey());
      }
    });
  }

  /**
   * prometheus-community/kube-prometheus-stack 88.5.3: templates/prometheus/service.yaml and
   * templates/alertmanager/service.yaml name theirs {@code <fullname>-prometheus} and
   * {@code <fullname>-alertmanager} (fullname truncated to 26 characters, templates/_helpers.tpl);
   * the grafana subchart's charts/grafana/templates/service.yaml names its {@code grafana.fullname}
   * (release name and {@code grafana}, charts/grafana/templates/_helpers.tpl).
   */
  private static void kubePrometheusStack(String release, JsonNode values, SortedSet<String> out) {
    String fullname = fullname(release, values, "kube-prometheus-stack", 26);
    if (values.path("prometheus").path("enabled").asBoolean(true)
        && values.path("prometheus").path("service").path("enabled").asBoolean(true)) {
      out.add(fullname + "-prometheus");
    }
    if (values.path("alertmanager").path("enabled").asBoolean(true)
        && values.path("alertmanager").path("service").path("enabled").asBoolean(true)) {
      out.add(fullname + "-alertmanager");
    }
    JsonNode grafana = values.path("grafana");
    if (grafana.path("enabled").asBoolean(true) && grafana.path("service").path("enabled").asBoolean(true)) {
      out.add(fullname(release, grafana, "grafana", 63));
    }
  }

  /**
   * crowdsecurity/helm-charts crowdsec 0.24.0: templates/lapi-service.yaml ({@code <release>-service},
   * when {@code lapi.enabled}, the default), templates/appsec-service.yaml
   * ({@code <release>-appsec-service}, when {@code appsec.enabled}) and templates/agent-service.yaml
   * ({@code <release>-agent-service}, when the agent has ports or metrics).
   */
  private static void crowdsec(String release, JsonNode values, SortedSet<String> out) {
    if (values.path("lapi").path("enabled").asBoolean(true)) {
      out.add(release + "-service");
    }
    if (values.path("appsec").path("enabled").asBoolean(false)) {
      out.add(release + "-appsec-service");
    }
    JsonNode agent = values.path("agent");
    if (agent.path("enabled").asBoolean(true)
        && (agent.path("service").path("ports").size() > 0 || agent.path("metrics").path("enabled").asBoolean(false))) {
      out.add(release + "-agent-service");
    }
  }

  /** The usual Helm {@code <chart>.fullname}: fullnameOverride, else the release name when it contains the chart's name, else both. */
  private static String fullname(String release, JsonNode values, String chart, int max) {
    String full;
    if (values.hasNonNull("fullnameOverride") && !values.path("fullnameOverride").asText().isEmpty()) {
      full = values.path("fullnameOverride").asText();
    } else {
      String name = values.path("nameOverride").asText("");
      name = name.isEmpty() ? chart : name;
      full = release.contains(name) ? release : release + "-" + name;
    }
    full = full.length() > max ? full.substring(0, max) : full;
    while (full.endsWith("-")) {
      full = full.substring(0, full.length() - 1);
    }
    return full;
  }

  private static JsonNode values(K8sObject chart) {
    for (JsonNode doc : LabRender.yamlDocuments(chart.text("spec.valuesContent").orElse(""))) {
      if (doc != null && doc.isObject()) {
        return doc;
      }
    }
    return MissingNode.getInstance();
  }
}
