package dev.homelab.graph;

import dev.homelab.graph.Topology.Box;
import dev.homelab.graph.Topology.Group;
import dev.homelab.graph.Topology.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A topology as a text tree, as {@code show} prints it: each group a branch, each box one line
 * (its label joined by {@code  · }), each of its links below it as {@code → target (label)}.
 */
public final class TopologyTree {
  private TopologyTree() {}

  /** The tree text of {@code topology}, title first. */
  public static String of(Topology topology) {
    List<Item> top = items(topology, Optional.empty());
    StringBuilder out = new StringBuilder(topology.title()).append('\n');
    write(top, "", out);
    return out.toString();
  }

  private record Item(String text, List<Item> children) {}

  private static List<Item> items(Topology topology, Optional<String> group) {
    List<Item> items = new ArrayList<>();
    for (Group inner : topology.groupsIn(group)) {
      items.add(new Item(inner.label(), items(topology, Optional.of(inner.id()))));
    }
    for (Box box : topology.boxesIn(group)) {
      List<Item> links = new ArrayList<>();
      for (Link link : topology.linksFrom(box.id())) {
        links.add(new Item("→ " + topology.box(link.to()).label().get(0) + " (" + link.label() + ")", List.of()));
      }
      items.add(new Item(String.join(" · ", box.label()), links));
    }
    return items;
  }

  private static void write(List<Item> items, String indent, StringBuilder out) {
    for (int i = 0; i < items.size(); i++) {
      boolean last = i == items.size() - 1;
      out.append(indent).append(last ? "└── " : "├── ").append(items.get(i).text()).append('\n');
      write(items.get(i).children(), indent + (last ? "    " : "│   "), out);
    }
  }
}
