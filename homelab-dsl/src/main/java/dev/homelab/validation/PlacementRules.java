package dev.homelab.validation;

import dev.homelab.internal.Quantities;
import dev.homelab.model.Lab;
import dev.homelab.model.app.App;
import dev.homelab.model.host.Arch;
import dev.homelab.model.host.Hardware;
import dev.homelab.model.host.Node;
import dev.homelab.model.host.NodeClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where apps run: a class of nodes ({@code runsOn(nodesLabelled(...))}) some node belongs to, and
 * nodes with {@link Hardware} that can hold the requests of the apps placed there. The scheduler
 * would leave the pods Pending otherwise, which the model can say before anything is deployed.
 * Only what the model places is counted: apps pinned with {@code runsOn(node)} (each replica), not
 * the platform's pods, which the system reserve of {@link Hardware#allocatableCpu} leaves room beside.
 */
final class PlacementRules {
  private static final BigDecimal GI = BigDecimal.valueOf(1024L * 1024 * 1024);

  private PlacementRules() {}

  static List<Rule> all() {
    return List.of(runsOnClassKnown(), pinnedCapacity(), classCapacity());
  }

  /** A class no node has (or none of the app's architectures) leaves the pods Pending. */
  static Rule runsOnClassKnown() {
    return Rule.of(Checks.RUNS_ON_CLASS_KNOWN, (lab, r) -> {
      lab.monitoring().flatMap(m -> m.runsOn()).filter(c -> members(lab, c).isEmpty()).ifPresent(c ->
          r.report(ModelPaths.monitoring(), "runsOn(nodesLabelled(\"" + c.key() + "\", \"" + c.value() + "\")) matches no node",
              "Label a node with .label(\"" + c.key() + "\", \"" + c.value() + "\"), or place the stack elsewhere"));
      appsOnKnownClasses(lab, r);
      lab.dataServices().forEach(d -> d.runsOnNodes().filter(c -> members(lab, c).isEmpty()).ifPresent(c ->
          r.report(ModelPaths.dataService(d.name()), "runsOn(nodesLabelled(\"" + c.key() + "\", \"" + c.value() + "\")) matches no node",
              "Label a node with .label(\"" + c.key() + "\", \"" + c.value() + "\"), or place the service elsewhere")));
    });
  }

  private static void appsOnKnownClasses(Lab lab, Rule.Reporter r) {
    lab.apps().forEach(a -> a.runsOnNodes().ifPresent(c -> {
      List<Node> members = members(lab, c);
      if (members.isEmpty()) {
        r.report(ModelPaths.app(a.name()), "runsOn(nodesLabelled(\"" + c.key() + "\", \"" + c.value() + "\")) matches no node",
            "Label a node with .label(\"" + c.key() + "\", \"" + c.value() + "\"), or place the app elsewhere");
      } else if (!a.arches().isEmpty() && members.stream().noneMatch(n -> a.arches().contains(n.arch()))) {
        r.report(ModelPaths.app(a.name()), "runsOn(nodesLabelled(\"" + c.key() + "\", \"" + c.value() + "\")) matches only "
                + names(members) + ", none of them " + arches(a),
            "Label an " + arches(a) + " node " + c + ", or fix .arches(...)");
      }
    }));
  }

  /** The apps pinned to one node, all replicas, must fit what its hardware leaves for pods. */
  static Rule pinnedCapacity() {
    return Rule.of(Checks.NODE_CAPACITY, (lab, r) -> lab.nodes().forEach(n -> n.hardware().ifPresent(hw -> {
      List<App> pinned = lab.apps().stream().filter(a -> a.runsOn().filter(n.name()::equals).isPresent()).toList();
      BigDecimal cpu = pinned.stream().map(a -> cpu(a).multiply(BigDecimal.valueOf(a.replicas()))).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal memory = pinned.stream().map(a -> memory(a).multiply(BigDecimal.valueOf(a.replicas()))).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (!pinned.isEmpty() && !fits(n, hw, cpu, memory)) {
        r.report(ModelPaths.node(n.name()), "the apps pinned here (" + pinned.stream().map(App::name).collect(Collectors.joining(", "))
                + ") request " + cores(cpu) + " CPU and " + gi(memory) + " of memory, more than the " + room(n, hw),
            "Pin an app elsewhere with .runsOn(...), or lower its .resources(...)");
      }
    })));
  }

  /**
   * A pod of an app placed on a class must fit on some node of it beside the apps pinned there;
   * classes with a node without hardware are not checked (its room is unknown).
   */
  static Rule classCapacity() {
    return Rule.of(Checks.NODE_CAPACITY, (lab, r) -> lab.apps().forEach(a -> a.runsOnNodes().ifPresent(c -> {
      List<Node> members = members(lab, c).stream().filter(n -> a.arches().isEmpty() || a.arches().contains(n.arch())).toList();
      if (members.isEmpty() || members.stream().anyMatch(n -> n.hardware().isEmpty())) {
        return;
      }
      boolean fitsSomewhere = members.stream().anyMatch(n -> {
        List<App> pinned = lab.apps().stream().filter(p -> p.runsOn().filter(n.name()::equals).isPresent()).toList();
        BigDecimal cpu = cpu(a).add(pinned.stream().map(p -> cpu(p).multiply(BigDecimal.valueOf(p.replicas()))).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal memory = memory(a).add(pinned.stream().map(p -> memory(p).multiply(BigDecimal.valueOf(p.replicas()))).reduce(BigDecimal.ZERO, BigDecimal::add));
        return fits(n, n.hardware().get(), cpu, memory);
      });
      if (!fitsSomewhere) {
        r.report(ModelPaths.app(a.name()), "a pod requests " + cores(cpu(a)) + " CPU and " + gi(memory(a)) + " of memory, and no node of "
                + c + " (" + names(members) + ") has that much left beside the apps pinned to it",
            "Add a larger node to the class, or lower .resources(...)");
      }
    })));
  }

  private static boolean fits(Node n, Hardware hw, BigDecimal cpu, BigDecimal memory) {
    return cpu.compareTo(hw.allocatableCpu(n.role())) <= 0 && memory.compareTo(hw.allocatableMemory(n.role())) <= 0;
  }

  private static String room(Node n, Hardware hw) {
    return cores(hw.allocatableCpu(n.role()).max(BigDecimal.ZERO)) + " CPU and " + gi(hw.allocatableMemory(n.role()).max(BigDecimal.ZERO))
        + " " + n.name() + " (" + hw.model() + ") leaves to pods after the " + (n.isControlPlane() ? "server" : "agent") + " reserve";
  }

  private static List<Node> members(Lab lab, NodeClass c) {
    return lab.nodes().stream().filter(c::matches).toList();
  }

  private static BigDecimal cpu(App a) {
    return Quantities.value(a.resources().cpuRequest()).orElse(BigDecimal.ZERO);
  }

  private static BigDecimal memory(App a) {
    return Quantities.value(a.resources().memoryRequest()).orElse(BigDecimal.ZERO);
  }

  private static String cores(BigDecimal cpu) {
    return cpu.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static String gi(BigDecimal bytes) {
    return bytes.divide(GI, 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "Gi";
  }

  private static String names(List<Node> nodes) {
    return nodes.stream().map(Node::name).collect(Collectors.joining(", "));
  }

  private static String arches(App a) {
    return a.arches().stream().map(Arch::label).sorted().collect(Collectors.joining(" or "));
  }
}
