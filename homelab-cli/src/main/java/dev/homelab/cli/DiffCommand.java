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

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = HomelabVersion.class,
    description = {"Show what render would add, change and remove under --out, without writing anything: "
        + "a unified diff per file (paths under a/ and b/, so patch -p1 -d OUT applies it), then a summary per backend.",
        "Exits with 0 when the output is up to date and with 6 when a render would change it, "
            + "so CI can check that the committed output matches the model."})
final class DiffCommand implements Callable<Integer> {
  @CommandLine.ParentCommand private HomelabCli parent;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;
  @Mixin private LabOption lab;
  @Mixin private OutputOptions output;

  @Option(names = "--stat", description = "Only the summary per backend, no file diffs.")
  private boolean stat;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing; only the exit code tells (0 up to date, 6 not).")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> selected = output.selected(parent.backends(), spec.commandLine().getErr());
    if (selected == null) {
      return HomelabCli.USAGE;
    }
    RenderPlan plan = parent.renderer().plan(parent.model(lab), output.out, selected);
    if (plan.interrupted()) {
      spec.commandLine().getErr().println("note: " + output.out.resolve(".homelab-staging")
          + " holds an interrupted render; the next render finishes or drops it before writing");
    }
    if (quiet) {
      return plan.isEmpty() ? 0 : HomelabCli.OUT_OF_DATE;
    }
    Style style = parent.style();
    if (!stat) {
      plan.changes().forEach(file -> UnifiedDiffText.of(file, style).forEach(out::println));
    }
    PlanText.summary(plan, style).forEach(out::println);
    if (plan.isEmpty()) {
      out.println(output.out + " is up to date");
      return 0;
    }
    out.println(PlanText.files(plan.changes().size()) + " would change in " + output.out + "; render to apply");
    int users = plan.usersFiles().size();
    if (users > 0) {
      out.println(style.changed("of these, " + PlanText.files(users) + " you changed since the last render or homelab render"
          + " did not write (marked #): render stops unless --force"));
    }
    return HomelabCli.OUT_OF_DATE;
  }
}
