package dev.homelab.k8s.traefik;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Services the traefik chart (41.3.0) would render from our values, worked out the way its
 * {@code templates/service.yaml} and {@code _service.tpl} do, since unit tests cannot run Helm:
 * the default Service is {@code service} without {@code additionalServices}, plus one Service
 * {@code traefik-<name>} per additional service not disabled; each gets its own {@code spec} only
 * (an additional Service inherits nothing from {@code service.spec}); the chart's own default
 * {@code service.spec.type: LoadBalancer} (values.yaml) applies to the default Service alone.
 * A Service without {@code type} is a ClusterIP Service.
 */
final class ChartServices {
  private ChartServices() {}

  /** A Service: its name, its spec as the chart writes it and the ports exposed on it. */
  record Service(String name, Map<String, Object> spec, Map<String, Object> ports) {
    String type() {
      return (String) spec.getOrDefault("type", "ClusterIP");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Service> of(Map<String, Object> values) {
    Map<String, Object> service = (Map<String, Object>) values.getOrDefault("service", Map.of());
    Map<String, Object> all = new TreeMap<>((Map<String, Object>) service.getOrDefault("additionalServices", Map.of()));
    Map<String, Object> defaultService = new LinkedHashMap<>(service);
    defaultService.remove("additionalServices");
    Map<String, Object> defaultSpec = new LinkedHashMap<>(Map.of("type", "LoadBalancer")); // the chart's values.yaml
    defaultSpec.putAll((Map<String, Object>) defaultService.getOrDefault("spec", Map.of()));
    defaultService.put("spec", defaultSpec);
    all.put("default", defaultService);

    Map<String, Object> ports = (Map<String, Object>) values.getOrDefault("ports", Map.of());
    Map<String, Service> out = new TreeMap<>();
    all.forEach((name, s) -> {
      Map<String, Object> svc = (Map<String, Object>) s;
      if (Boolean.FALSE.equals(svc.get("enabled"))) {
        return;
      }
      Map<String, Object> exposed = new TreeMap<>();
      ports.forEach((port, config) -> {
        Map<String, Object> expose = (Map<String, Object>) ((Map<String, Object>) config).get("expose");
        // the chart's own ports web and websecure are exposed on the default Service unless told otherwise
        boolean chartDefault = name.equals("default") && (port.equals("web") || port.equals("websecure"));
        if (expose == null ? chartDefault : Boolean.TRUE.equals(expose.get(name))) {
          exposed.put(port, config);
        }
      });
      String fullName = name.equals("default") ? "traefik" : "traefik-" + name;
      out.put(fullName, new Service(fullName, (Map<String, Object>) svc.getOrDefault("spec", Map.of()), exposed));
    });
    return out;
  }
}
