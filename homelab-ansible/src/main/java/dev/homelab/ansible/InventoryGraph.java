package dev.homelab.ansible;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code ansible-inventory -i inventory.yml --graph} prints for the rendered inventory (shown
 * in README.md): child groups and hosts sorted by name, {@code ungrouped} always under
 * {@code all}. Computed from the same data as the inventory, so the docs cannot drift from it.
 */
final class InventoryGraph {
  private InventoryGraph() {}

  @SuppressWarnings("unchecked")
  static String of(Map<String, Object> inventory) {
    Map<String, Map<String, Object>> groups = new TreeMap<>();
    collect(inventory, groups);
    groups.putIfAbsent("ungrouped", Map.of());
    StringBuilder out = new StringBuilder("@all:\n");
    TreeSet<String> top = new TreeSet<>(inventory.keySet());
    top.add("ungrouped");
    for (String name : top) {
      write(name, groups, "  ", out);
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  private static void collect(Map<String, Object> level, Map<String, Map<String, Object>> groups) {
    level.forEach((name, body) -> {
      Map<String, Object> group = body == null ? Map.of() : (Map<String, Object>) body;
      groups.put(name, group);
      Object children = group.get("children");
      if (children instanceof Map<?, ?> c) {
        collect((Map<String, Object>) c, groups);
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static void write(String name, Map<String, Map<String, Object>> groups, String indent, StringBuilder out) {
    out.append(indent).append("|--@").append(name).append(":\n");
    Map<String, Object> group = groups.getOrDefault(name, Map.of());
    String inner = indent + "|  ";
    if (group.get("children") instanceof Map<?, ?> children) {
      for (String child : new TreeSet<>(((Map<String, Object>) children).keySet())) {
        write(child, groups, inner, out);
      }
    }
    if (group.get("hosts") instanceof Map<?, ?> hosts) {
      for (Object host : new TreeSet<>(new ArrayList<>(hosts.keySet()))) {
        out.append(inner).append("|--").append(host).append('\n');
      }
    }
  }
}
