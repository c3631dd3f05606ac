package dev.homelab.ansible;

import dev.homelab.model.Lab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One system site.yml sets up outside Kubernetes: the inventory groups it adds, its variables
 * file {@code vars/<id>.yml} and its play. Variables live in a vars file loaded by the play, not
 * in the inventory: every host is also a k3s node, and k3s-ansible treats inventory variables it
 * does not know as typos.
 */
abstract class HostSystem {
  protected final Lab lab;
  private final String id;
  private final String title;

  /** {@code id}: file stem of the vars file and tag, e.g. {@code restic}; {@code title}: the play's name. */
  HostSystem(Lab lab, String id, String title) {
    this.lab = lab;
    this.id = id;
    this.title = title;
  }

  final String id() {
    return id;
  }

  final String title() {
    return title;
  }

  /** Inventory groups this system adds (name to hosts, declaration order); empty: none of its own. */
  abstract Map<String, List<String>> groups();

  /** The variables of {@code vars/<id>.yml}. */
  abstract Map<String, Object> vars();

  /** Local roles under {@code roles/} the play applies, in order. */
  abstract List<String> roles();

  /** Whether the lab has anything for this system. */
  boolean present() {
    return groups().values().stream().anyMatch(h -> !h.isEmpty());
  }

  /** The play's host pattern: the union of its non-empty groups. */
  String hosts() {
    List<String> names = new ArrayList<>();
    groups().forEach((group, members) -> {
      if (!members.isEmpty()) {
        names.add(group);
      }
    });
    return String.join(":", names);
  }

  String varsFile() {
    return "vars/" + id() + ".yml";
  }

  /** The play: name, hosts, become, a tag to rerun it alone, the vars file and the roles. */
  Map<String, Object> play() {
    Map<String, Object> play = new LinkedHashMap<>();
    play.put("name", title());
    play.put("hosts", hosts());
    play.put("become", true);
    play.put("tags", List.of(id()));
    play.put("vars_files", List.of(varsFile()));
    play.put("roles", roles());
    return play;
  }

  static Map<String, List<String>> group(String name, List<String> hosts) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put(name, hosts);
    return groups;
  }
}
