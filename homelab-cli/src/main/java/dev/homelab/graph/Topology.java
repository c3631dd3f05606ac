package dev.homelab.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lab as a graph, independent of any drawing format: groups (nested), boxes in them and links
 * between boxes, each in the order the model declares them, so a drawing of the same model is the
 * same text. {@link LabTopology} builds it; {@link MermaidGraph}, {@link DotGraph} and
 * {@link TopologyTree} write it.
 */
public record Topology(String title, List<Group> groups, List<Box> boxes, List<Link> links) {
  /** What a box is, which picks its shape. */
  public enum Shape {
    /** Where traffic comes from: the internet, the LAN, VPN peers. */
    ENTRY,
    /** A host. */
    HOST,
    /** A piece of the platform in the path of traffic: Traefik, CrowdSec, etcd. */
    SERVICE,
    /** An app. */
    APP,
    /** Something that keeps data: a data service, a storage class, a backup target. */
    STORE
  }

  /** How a link is drawn: traffic and use solid, storage and backups dashed. */
  public enum Line {
    /** A solid arrow: traffic or use. */
    SOLID,
    /** A dashed arrow: storage or backups. */
    DASHED
  }

  /** A labelled group of boxes, inside {@code parent} when present. */
  public record Group(String id, String label, Optional<String> parent) {}

  /** A box: its label is one line per element; {@code group} holds it, if any. */
  public record Box(String id, List<String> label, Shape shape, Optional<String> group) {}

  /** An arrow from one box to another. */
  public record Link(String from, String to, String label, Line line) {}

  /** A topology; copies the lists. */
  public Topology {
    groups = List.copyOf(groups);
    boxes = List.copyOf(boxes);
    links = List.copyOf(links);
  }

  /** The groups directly inside {@code parent} (top-level ones for an empty parent). */
  public List<Group> groupsIn(Optional<String> parent) {
    return groups.stream().filter(g -> g.parent().equals(parent)).toList();
  }

  /** The boxes directly inside {@code group} (outside every group for an empty one). */
  public List<Box> boxesIn(Optional<String> group) {
    return boxes.stream().filter(b -> b.group().equals(group)).toList();
  }

  /** The links that start at {@code box}. */
  public List<Link> linksFrom(String box) {
    List<Link> out = new ArrayList<>();
    links.forEach(l -> {
      if (l.from().equals(box)) {
        out.add(l);
      }
    });
    return out;
  }

  /** The box called {@code id}. */
  public Box box(String id) {
    return boxes.stream().filter(b -> b.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no box " + id));
  }
}
