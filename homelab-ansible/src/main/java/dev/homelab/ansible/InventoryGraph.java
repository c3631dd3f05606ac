package dev.homelab.ansible;

import java.util.Map;

/**
 * What {@code ansible-inventory -i inventory.yml --graph} (ansible-core 2.14) prints for the
 * rendered inventory, shown in README.md: {@code ungrouped} first, then groups and hosts in file
 * order. Computed from the same data as the inventory, so the docs cannot drift from it.
 */
final class InventoryGraph {
  private InventoryGraph() {}

  static String of(Map<String, Object> inventory) {
    StringBuilder out = new StringBuilder("@all:\n");
    out.append("  |--@ungrouped:\n");
    inventory.forEach((name, group) -> write(name, group, "  ", out));
    return out.toString();
  }

  private static void write(String name, Object group, String indent, StringBuilder out) {
    out.append(indent).append("|--@").append(name).append(":\n");
    String inner = indent + "|  ";
    if (group instanceof Map<?, ?> body) {
      if (body.get("children") instanceof Map<?, ?> children) {
        children.forEach((child, childGroup) -> write(String.valueOf(child), childGroup, inner, out));
      }
      if (body.get("hosts") instanceof Map<?, ?> hosts) {
        hosts.keySet().forEach(host -> out.append(inner).append("|--").append(host).append('\n'));
      }
    }
  }
}
