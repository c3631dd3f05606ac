package dev.homelab.validation;

import dev.homelab.model.cluster.K3s;
import java.util.List;
import java.util.regex.Pattern;

/** The k3s cluster. */
final class ClusterRules {
  static final Pattern K3S_VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+\\+k3s\\d+");

  private ClusterRules() {}

  static List<Rule> all() {
    return List.of(
        Rule.of("k3s-present", (lab, r) -> {
          if (lab.k3s().isEmpty()) {
            r.report(ModelPaths.of("k3s"), "no k3s cluster is defined", "Call homelab.cluster(k3s(\"v1.33.4+k3s1\"))");
          }
        }),
        Rule.of("k3s-version", (lab, r) -> lab.k3s().map(K3s::version).ifPresent(v -> {
          if (!K3S_VERSION.matcher(v).matches()) {
            r.report(ModelPaths.of("k3s"), "version '" + v + "' is not a k3s release like v1.33.4+k3s1",
                "Use a tag from https://github.com/k3s-io/k3s/releases");
          }
        })),
        Rule.of("etcd-odd-servers", (lab, r) -> lab.k3s().filter(K3s::isHa).ifPresent(k -> {
          int servers = lab.servers().size();
          if (servers > 0 && servers % 2 == 0) {
            r.report(ModelPaths.of("k3s"), "HA with embedded etcd needs an odd number of servers, found " + servers,
                "Make " + (servers + 1) + " or " + (servers - 1) + " nodes controlPlane()");
          } else if (servers == 1) {
            r.report(ModelPaths.of("k3s"), "HA with embedded etcd needs at least 3 servers, found 1",
                "Make 3 nodes controlPlane(), or drop .ha()");
          }
        })));
  }
}
