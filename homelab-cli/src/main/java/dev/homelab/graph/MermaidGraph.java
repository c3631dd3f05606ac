package dev.homelab.graph;

import dev.homelab.graph.Topology.Box;
import dev.homelab.graph.Topology.Group;
import dev.homelab.graph.Topology.Link;
import java.util.Optional;

/** A topology as a Mermaid flowchart (GitHub renders it in Markdown inside a {@code mermaid} block). */
public final class MermaidGraph {
  private MermaidGraph() {}

  /** The flowchart, left to right, one statement a line, ending with a line break. */
  public static String of(Topology topology) {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (Box box : topology.boxesIn(Optional.empty())) {
      out.append("  ").append(box(box)).append('\n');
    }
    for (Group group : topology.groupsIn(Optional.empty())) {
      group(topology, group, "  ", out);
    }
    for (Link link : topology.links()) {
      String arrow = link.line() == Topology.Line.DASHED ? " -.->" : " -->";
      out.append("  ").append(link.from()).append(arrow).append("|\"").append(text(link.label())).append("\"| ")
          .append(link.to()).append('\n');
    }
    return out.toString();
  }

  private static void group(Topology topology, Group group, String indent, StringBuilder out) {
    // "g_": a subgraph and a box may share a name (etcd), which Mermaid would merge
    out.append(indent).append("subgraph g_").append(group.id()).append("[\"").append(text(group.label())).append("\"]\n");
    for (Group inner : topology.groupsIn(Optional.of(group.id()))) {
      group(topology, inner, indent + "  ", out);
    }
    for (Box box : topology.boxesIn(Optional.of(group.id()))) {
      out.append(indent).append("  ").append(box(box)).append('\n');
    }
    out.append(indent).append("end\n");
  }

  private static String box(Box box) {
    String label = "\"" + String.join("<br/>", box.label().stream().map(MermaidGraph::text).toList()) + "\"";
    return box.id() + switch (box.shape()) {
      case ENTRY -> "((" + label + "))";
      case HOST -> "[" + label + "]";
      case SERVICE -> "{{" + label + "}}";
      case APP -> "(" + label + ")";
      case STORE -> "[(" + label + ")]";
    };
  }

  /** Text inside a quoted label: Mermaid's entity codes for the characters that would end or mark it up. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '#' -> out.append("#35;");
        case '&' -> out.append("#amp;");
        case '|' -> out.append("#124;");
        case '`' -> out.append("#96;");
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }
}
