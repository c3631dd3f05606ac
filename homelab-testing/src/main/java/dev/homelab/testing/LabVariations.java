package dev.homelab.testing;

import static dev.homelab.Homelab.app;
import static dev.homelab.Homelab.node;

import dev.homelab.internal.AddressRange;
import dev.homelab.internal.Ipv4;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.cluster.K3s;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.NodeClass;
import dev.homelab.model.monitoring.Monitoring;
import dev.homelab.model.network.AddressPool;
import dev.homelab.model.security.CrowdSec;
import dev.homelab.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The changes {@link Labs#variationsOf(Lab)} draws; each keeps a valid lab valid. */
final class LabVariations {
  private LabVariations() {}

  static Arbitrary<Lab> of(Lab lab) {
    List<Arbitrary<Lab>> changes = new ArrayList<>();
    List<Node> removable = removableNodes(lab);
    if (!removable.isEmpty()) {
      changes.add(Arbitraries.of(removable).map(n -> without(lab, n)));
    }
    List<String> freeIps = freeIps(lab);
    if (!freeIps.isEmpty()) {
      changes.add(Arbitraries.of(Arch.class).map(arch -> withNode(lab, arch, freeIps.get(0))));
    }
    changes.add(Arbitraries.integers().between(1, 3).map(n -> withApps(lab, n)));
    return Arbitraries.oneOf(changes);
  }

  /**
   * Workers the model names nowhere else: no disks, no host PostgreSQL, no app or data service
   * pinned, no volume, backup or VPN on them, not the last node of a class an app, a data service or
   * the monitoring stack runs on, and whose removal gives the lab no new problem.
   */
  static List<Node> removableNodes(Lab lab) {
    Set<String> referenced = new HashSet<>();
    lab.apps().forEach(a -> a.runsOn().ifPresent(referenced::add));
    lab.dataServices().forEach(d -> d.runsOn().ifPresent(referenced::add));
    lab.storage().forEach(s -> referenced.add(s.node()));
    lab.staticVolumes().forEach(v -> referenced.add(v.node()));
    lab.resticBackups().forEach(r -> referenced.add(r.node()));
    lab.vpn().flatMap(v -> v.gateway()).ifPresent(referenced::add);
    Set<String> before = problems(lab);
    return lab.agents().stream()
        .filter(n -> n.disks().isEmpty() && n.postgres().isEmpty() && !referenced.contains(n.name()))
        // An app limited to one arch needs a node of it: keep the last node of each arch.
        .filter(n -> lab.nodes().stream().filter(o -> o != n && o.arch() == n.arch()).count() > 0
            || lab.apps().stream().noneMatch(a -> a.arches().equals(Set.of(n.arch()))))
        .filter(n -> !lastOfAClass(lab, n))
        .filter(n -> noNewProblems(before, without(lab, n)))
        .toList();
  }

  /**
   * Whether {@code changed} has no problem but those of {@code before}: the net under the checks above, for
   * rules across nodes such as {@code node-capacity} (an app on a class whose pod fits only on the
   * node removed, when every node of the class declares its hardware).
   */
  private static boolean noNewProblems(Set<String> before, Lab changed) {
    return before.containsAll(problems(changed));
  }

  /** The lab's problems under the standard rules, as their lines. */
  private static Set<String> problems(Lab lab) {
    Set<String> lines = new HashSet<>();
    Validator.standard().problems(lab).forEach(p -> lines.add(p.toString()));
    return lines;
  }

  /**
   * Whether {@code node} is the only node left for a class: of monitoring's {@code runsOn(...)}, or
   * of an app's {@code runsOn(nodesLabelled(...))} among the nodes of the app's arches.
   */
  private static boolean lastOfAClass(Lab lab, Node node) {
    boolean monitoring = lab.monitoring().flatMap(Monitoring::runsOn)
        .filter(c -> onlyMember(lab, node, c, n -> true)).isPresent();
    boolean dataService = lab.dataServices().stream().anyMatch(d -> d.runsOnNodes()
        .filter(c -> onlyMember(lab, node, c, n -> true)).isPresent());
    return monitoring || dataService || lab.apps().stream().anyMatch(a -> a.runsOnNodes()
        .filter(c -> onlyMember(lab, node, c, n -> a.arches().isEmpty() || a.arches().contains(n.arch()))).isPresent());
  }

  private static boolean onlyMember(Lab lab, Node node, NodeClass c, Predicate<Node> fits) {
    return c.matches(node) && fits.test(node)
        && lab.nodes().stream().noneMatch(o -> !o.name().equals(node.name()) && c.matches(o) && fits.test(o));
  }

  private static Lab without(Lab lab, Node node) {
    LabParts parts = LabParts.of(lab);
    parts.nodes.remove(node);
    return parts.build();
  }

  private static Lab withNode(Lab lab, Arch arch, String ip) {
    Set<String> names = new HashSet<>();
    lab.nodes().forEach(n -> names.add(n.name()));
    int i = 1;
    while (names.contains("extra" + i)) {
      i++;
    }
    Node node = node("extra" + i).worker().ip(ip);
    return lab.nodes(arch == Arch.ARM64 ? node.arm64() : node.amd64());
  }

  private static Lab withApps(Lab lab, int count) {
    Set<String> names = new HashSet<>();
    lab.apps().forEach(a -> names.add(a.name()));
    lab.dataServices().forEach(d -> names.add(d.name()));
    Lab out = lab;
    int i = 1;
    for (int added = 0; added < count; i++) {
      String name = "extra-app-" + i;
      if (!names.contains(name)) {
        App app = app(name, LabShape.IMAGE_REGISTRY + name + ":1.0.0").healthPath("/healthz");
        out = out.apps(app);
        added++;
      }
    }
    return out;
  }

  /**
   * LAN addresses that no node, no MetalLB pool and no other address of the model uses (the k3s API
   * VIP and endpoint, the fixed LoadBalancer IPs), from the middle of the LAN.
   */
  static List<String> freeIps(Lab lab) {
    List<String> free = new ArrayList<>();
    AddressRange lan = lab.lan().flatMap(AddressRange::parseCidr).orElse(null);
    if (lan == null) {
      return free;
    }
    Set<Long> used = new HashSet<>();
    reservedIps(lab).forEach(ip -> Ipv4.parse(ip).ifPresent(used::add));
    List<AddressRange> pools = new ArrayList<>();
    for (AddressPool p : lab.loadBalancer()) {
      p.addresses().forEach(a -> AddressRange.parse(a).ifPresent(pools::add));
    }
    AddressRange hosts = lan.hosts();
    for (long ip = hosts.first() + (hosts.last() - hosts.first()) / 2; ip <= hosts.last() && free.size() < 1; ip++) {
      long candidate = ip;
      boolean inPool = pools.stream().anyMatch(r -> r.first() <= candidate && candidate <= r.last());
      if (!used.contains(ip) && !inPool) {
        free.add(Ipv4.format(ip));
      }
    }
    return free;
  }

  /** The single addresses the model gives: nodes', the API VIP and endpoint, Traefik's, CrowdSec's LAPI and data services'. */
  private static List<String> reservedIps(Lab lab) {
    List<String> ips = new ArrayList<>();
    lab.nodes().forEach(n -> n.ip().ifPresent(ips::add));
    lab.cluster().flatMap(K3s::apiVip).ifPresent(ips::add);
    lab.cluster().flatMap(K3s::apiEndpoint).ifPresent(ips::add);
    lab.ingress().ifPresent(t -> {
      t.publicIp().ifPresent(ips::add);
      t.internalIp().ifPresent(ips::add);
    });
    lab.security().flatMap(CrowdSec::lapiIp).ifPresent(ips::add);
    lab.dataServices().forEach(d -> d.loadBalancerIp().ifPresent(ips::add));
    return ips;
  }
}
