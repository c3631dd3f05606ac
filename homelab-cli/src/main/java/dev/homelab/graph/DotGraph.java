package dev.homelab.graph;

import dev.homelab.graph.Topology.Box;
import dev.homelab.graph.Topology.Group;
import dev.homelab.graph.Topology.Link;
import java.util.Optional;

/** A topology as a Graphviz DOT digraph ({@code dot -Tsvg}); groups become clusters. */
public final class DotGraph {
  private DotGraph() {}

  /** The DOT text of {@code topology}. */
  public static String of(Topology topology) {
    StringBuilder out = new StringBuilder();
    out.append("digraph homelab {\n");
    out.append("  label=").append(quote(topology.title())).append(";\n");
    out.append("  rankdir=LR;\n");
    out.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (Box box : topology.boxesIn(Optional.empty())) {
      out.append("  ").append(box(box)).append('\n');
    }
    for (Group group : topology.groupsIn(Optional.empty())) {
      group(topology, group, "  ", out);
    }
    for (Link link : topology.links()) {
      out.append("  ").append(link.from()).append(" -> ").append(link.to()).append(" [label=").append(quote(link.label()))
          .append(link.line() == Topology.Line.DASHED ? ", style=dashed" : "").append("];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static void group(Topology topology, Group group, String indent, StringBuilder out) {
    out.append(indent).append("subgraph cluster_").append(group.id()).append(" {\n");
    out.append(indent).append("  label=").append(quote(group.label())).append(";\n");
    for (Group inner : topology.groupsIn(Optional.of(group.id()))) {
      group(topology, inner, indent + "  ", out);
    }
    for (Box box : topology.boxesIn(Optional.of(group.id()))) {
      out.append(indent).append("  ").append(box(box)).append('\n');
    }
    out.append(indent).append("}\n");
  }

  private static String box(Box box) {
    String shape = switch (box.shape()) {
      case ENTRY -> "ellipse";
      case HOST -> "box3d";
      case SERVICE -> "hexagon";
      case APP -> "box, style=rounded";
      case STORE -> "cylinder";
    };
    return box.id() + " [label=" + quote(String.join("\n", box.label())) + ", shape=" + shape + "];";
  }

  /** A DOT string: quotes and backslashes escaped, line breaks as {@code \n}. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.append('"').toString();
  }
}
