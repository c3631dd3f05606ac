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
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } else {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
