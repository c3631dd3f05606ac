package dev.homelab.graph;

/** Test access to the package-private escaping of {@link MermaidGraph}. */
public final class MermaidGraphAccess {
  private MermaidGraphAccess() {}

  public static String text(String text) {
    return MermaidGraph.text(text);
  }
}
