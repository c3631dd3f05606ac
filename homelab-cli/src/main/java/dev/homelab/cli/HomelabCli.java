package dev.homelab.cli;

import dev.homelab.backend.Backend;
import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import dev.homelab.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line a user's {@code main} hands its model to:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(HomelabCli.run(MyLab::lab, args));
 * }
 * }</pre>
 *
 * Commands: {@code render} (validate and write every backend's files), {@code validate},
 * {@code show} (the model as text). Errors are one clear message each, never a stack trace.
 */
@Command(
    name = "homelab",
    mixinStandardHelpOptions = true,
    version = "homelab 0.1.0",
    description = "Validates a homelab model and renders it to Kubernetes, Ansible, Terraform and GitHub Actions files.",
    subcommands = {HomelabCli.Render.class, HomelabCli.Validate.class, HomelabCli.Show.class})
public final class HomelabCli implements Callable<Integer> {
  /** Exit code of an invalid model. */
  public static final int INVALID_MODEL = 1;
  /** Exit code of an I/O failure. */
  public static final int IO_FAILURE = 3;

  private final Supplier<Lab> lab;
  private final List<Backend> backends;

  private HomelabCli(Supplier<Lab> lab, List<Backend> backends) {
    this.lab = lab;
    this.backends = backends;
  }

  /** Runs the command line on a model with the standard backends; returns the exit code. */
  public static int run(Supplier<Lab> lab, String... args) {
    return run(lab, StandardBackends.all(), args);
  }

  /** Runs the command line on an already built model. */
  public static int run(Lab lab, String... args) {
    return run(() -> lab, args);
  }

  /** Runs the command line with these backends (add your own or customised ones). */
  public static int run(Supplier<Lab> lab, List<Backend> backends, String... args) {
    return run(lab, backends, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs with explicit output streams (tests). */
  public static int run(Supplier<Lab> lab, List<Backend> backends, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new HomelabCli(lab, backends));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println(describe(e));
      return e instanceof ValidationException ? INVALID_MODEL : IO_FAILURE;
    });
    return cli.execute(args);
  }

  private static String describe(Exception e) {
    if (e instanceof ValidationException) {
      return e.getMessage();
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return "error: cannot write the output: " + e.getMessage();
    }
    if (e instanceof NullPointerException && e.getMessage() != null && e.getMessage().matches("[A-Za-z]+")) {
      // Immutables names the attribute a factory or setter received as null.
      return "error: the model got null for '" + e.getMessage() + "'. Pass a value to the call that sets "
          + e.getMessage() + " (required parts are factory arguments)";
    }
    return "error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  Lab model() {
    return lab.get();
  }

  @Command(name = "render", description = "Validate the model, then write every backend's files under --out.")
  static final class Render implements Callable<Integer> {
    @CommandLine.ParentCommand private HomelabCli parent;
    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--out"}, description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    private Path out;

    @Option(names = {"-b", "--backend"}, split = ",", description = "Only these backends (default: all of them).")
    private List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      List<Backend> chosen = new ArrayList<>();
      for (Backend b : parent.backends) {
        if (only.isEmpty() || only.contains(b.name())) {
          chosen.add(b);
        }
      }
      List<String> known = parent.backends.stream().map(Backend::name).collect(Collectors.toList());
      for (String name : only) {
        if (!known.contains(name)) {
          spec.commandLine().getErr().println("error: unknown backend '" + name + "'. Choose from " + String.join(", ", known));
          return CommandLine.ExitCode.USAGE;
        }
      }
      List<String> written = Renderer.using(chosen).write(parent.model(), out);
      spec.commandLine().getOut().println("rendered " + written.size() + " files into " + out);
      return 0;
    }
  }

  @Command(name = "validate", description = "Check the model and list every problem, the backends' own included.")
  static final class Validate implements Callable<Integer> {
    @CommandLine.ParentCommand private HomelabCli parent;
    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      // The same check render runs: standard rules plus every backend's own problems.
      Renderer.using(parent.backends).check(parent.model());
      spec.commandLine().getOut().println("the model is valid");
      return 0;
    }
  }

  @Command(name = "show", description = "Print the model.")
  static final class Show implements Callable<Integer> {
    @CommandLine.ParentCommand private HomelabCli parent;
    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(parent.model());
      return 0;
    }
  }
}
