package dev.homelab.cli;

import dev.homelab.graph.LabTopology;
import dev.homelab.graph.TopologyTree;
import dev.homelab.model.Lab;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = HomelabVersion.class,
    description = {"Print the model as a tree: hosts and the k3s cluster, the ways in, apps and data services, storage "
        + "and backups, each with what it links to.",
        "With --json, every attribute of the model as JSON (sorted keys; the same model gives the same bytes)."})
final class ShowCommand implements Callable<Integer> {
  @CommandLine.ParentCommand private HomelabCli parent;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;
  @Mixin private LabOption lab;

  @Option(names = "--json", description = "The whole model as JSON instead of the tree.")
  private boolean json;

  @Override
  public Integer call() {
    Lab model = parent.model(lab);
    spec.commandLine().getOut().print(json ? ModelJson.of(model) : TopologyTree.of(LabTopology.of(model)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
