package dev.homelab.cli;

import dev.homelab.graph.DotGraph;
import dev.homelab.graph.LabTopology;
import dev.homelab.graph.MermaidGraph;
import dev.homelab.graph.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = HomelabVersion.class,
    description = {"Draw the lab: hosts with architecture and role, the k3s servers and etcd quorum, the ways in "
        + "(internet → Traefik public → CrowdSec → app; LAN and VPN → Traefik internal → app), apps and data services, "
        + "what uses what, storage and backups.",
        "Mermaid (GitHub renders it in Markdown) or Graphviz DOT (dot -Tsvg graph.dot -o graph.svg)."})
final class GraphCommand implements Callable<Integer> {
  enum Format {
    mermaid,
    dot
  }

  @CommandLine.ParentCommand private HomelabCli parent;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;
  @Mixin private LabOption lab;

  @Option(names = {"-f", "--format"}, defaultValue = "mermaid",
      description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
  private Path file;

  @Override
  public Integer call() throws IOException {
    Topology topology = LabTopology.of(parent.model(lab));
    String text = format == Format.dot ? DotGraph.of(topology) : MermaidGraph.of(topology);
    if (file != null) {
      String refusal = refusal(file);
      if (refusal != null) {
        spec.commandLine().getErr().println(refusal);
        return HomelabCli.USAGE;
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /**
   * Why {@code --out} may not be written, or null: a folder, or a file that is not a graph this
   * command wrote (a lab's source, notes): replacing it would lose what the user wrote there.
   */
  static String refusal(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      return "error: --out " + file + " is a folder. Name the graph's file, e.g. --out " + file.resolve("lab.mmd");
    }
    if (!Files.exists(file) || Files.size(file) == 0) {
      return null;
    }
    String first;
    try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      first = in.readLine();
    } catch (java.nio.charset.CharacterCodingException e) {
      first = null;
    }
    // the first line of every graph MermaidGraph and DotGraph write
    if ("flowchart LR".equals(first) || "digraph homelab {".equals(first)) {
      return null;
    }
    return "error: --out " + file + " exists and is not a graph homelab drew; nothing was written. "
        + "Choose another file, or delete it first";
  }
}
