package dev.homelab.cli;

import dev.homelab.backend.RenderPlan;
import dev.homelab.backend.RenderPlan.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The per-backend summary lines of a render plan, as render and diff print them. */
final class PlanText {
  private PlanText() {}

  /** {@code   k8s: 1 added, 2 changed, 0 removed, 230 unchanged}, one line per backend. */
  static List<String> summary(RenderPlan plan, Style style) {
    int width = plan.summary().keySet().stream().mapToInt(String::length).max().orElse(0);
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Map<Change, Integer>> group : plan.summary().entrySet()) {
      Map<Change, Integer> counts = group.getValue();
      List<String> parts = new ArrayList<>();
      for (Change change : Change.values()) {
        int count = counts.get(change);
        String part = count + " " + change.word();
        parts.add(count == 0 ? part : switch (change) {
          case ADDED -> style.added(part);
          case CHANGED -> style.changed(part);
          case REMOVED -> style.removed(part);
          case UNCHANGED -> part;
        });
      }
      String name = group.getKey() + ":";
      lines.add("  " + name + " ".repeat(width + 1 - name.length() + 1) + String.join(", ", parts));
    }
    return lines;
  }

  static String files(int count) {
    return count == 1 ? "1 file" : count + " files";
  }
}
