package dev.homelab.backend;

import dev.homelab.model.Lab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The output's top-level {@code README.md}: every backend's {@link Backend#bringUp} steps in one
 * numbered order, so that a person following it literally on fresh hosts gets a working lab.
 * Each backend's own README keeps the details; this page keeps the order across backends.
 */
public final class BringUpGuide {
  /** The file name, at the root of the output directory. */
  public static final String FILE = "README.md";

  private BringUpGuide() {}

  /** The guide for {@code lab} from the steps of {@code backends}, in stage then backend order. */
  public static String render(Lab lab, List<Backend> backends) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < backends.size(); i++) {
      Backend b = backends.get(i);
      for (BringUpStep step : b.bringUp(lab)) {
        entries.add(new Entry(step, b.name(), i, entries.size()));
      }
    }
    // stable: within a stage, backends keep their order, and a backend its steps' order
    entries.sort(Comparator.comparing((Entry e) -> e.step.stage()).thenComparingInt(e -> e.backendIndex).thenComparingInt(e -> e.seq));

    StringBuilder sb = new StringBuilder();
    sb.append("# Bringing up homelab `").append(lab.name()).append("`\n\n")
        .append("Rendered by the homelab DSL; change the model and render again instead of editing these files.\n")
        .append("Follow the steps in order on fresh hosts: each needs the ones before it. Every folder has a\n")
        .append("README with the details; commands run from the folder a step names.\n\n");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      sb.append("## ").append(i + 1).append(". ").append(e.step.title())
          .append(" (`").append(e.backend).append("/`)\n\n")
          .append(e.step.body().strip()).append("\n\n");
    }
    if (entries.isEmpty()) {
      sb.append("No backend contributed a step.\n");
    }
    return sb.toString().stripTrailing() + "\n";
  }

  private record Entry(BringUpStep step, String backend, int backendIndex, int seq) {}
}
