package dev.homelab.cli;

import dev.homelab.backend.Renderer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = HomelabVersion.class,
    description = "Check the model and list every problem, the backends' own included.")
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.ParentCommand private HomelabCli parent;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;
  @Mixin private LabOption lab;

  @Override
  public Integer call() {
    // The same check render runs: standard rules plus every backend's own problems.
    dev.homelab.model.Lab model = parent.model(lab);
    parent.renderer().check(model);
    Warnings.print(parent.renderer(), model, spec.commandLine().getErr());
    spec.commandLine().getOut().println("the model is valid");
    return 0;
  }
}
