package dev.homelab.cli;

import dev.homelab.backend.RenderPlan;
import dev.homelab.backend.Renderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = HomelabVersion.class,
    description = {"Validate the model, then write every backend's files under --out, all or nothing: "
        + "an interrupted render is finished (or undone) by the next one. Files you added under --out stay.",
        "Prints per backend what it added, changed, removed and left unchanged."})
final class RenderCommand implements Callable<Integer> {
  @CommandLine.ParentCommand private HomelabCli parent;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;
  @Mixin private LabOption lab;
  @Mixin private OutputOptions output;

  @Option(names = "--force", description = "Overwrite files you changed since the last render, and files homelab "
      + "render did not write, where rendered files go (without it such a render stops, writes nothing and exits with 5).")
  private boolean force;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (for scripts).")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> selected = output.selected(parent.backends(), spec.commandLine().getErr());
    if (selected == null || !output.isAFolderOfItsOwn(spec.commandLine().getErr())) {
      return HomelabCli.USAGE;
    }
    // the bring-up guide covers every backend even when only some are rendered
    dev.homelab.model.Lab model = parent.model(lab);
    RenderPlan done = parent.renderer().apply(model, output.out, selected, force);
    if (!quiet) {
      Warnings.print(parent.renderer(), model, spec.commandLine().getErr());
      PlanText.summary(done, parent.style()).forEach(out::println);
      out.println("rendered " + PlanText.files(done.rendered().size()) + " into " + output.out);
    }
    return 0;
  }
}
