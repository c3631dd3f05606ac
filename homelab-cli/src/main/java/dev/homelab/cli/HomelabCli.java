package dev.homelab.cli;

import dev.homelab.backend.Backend;
import dev.homelab.backend.ChangedFilesException;
import dev.homelab.backend.Renderer;
import dev.homelab.model.Lab;
import dev.homelab.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
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
    footer = {"",
        "Exit codes:",
        "  0  success",
        "  1  the model is invalid (every problem is listed)",
        "  2  wrong command line usage",
        "  3  a file or folder cannot be written",
        "  4  internal error: a bug in homelab DSL or a backend; please report it",
        "  5  rendering would overwrite files you changed since the last render, or files it did not",
        "     write (each is listed); nothing was written. Keep your changes elsewhere, or render --force"},
    subcommands = {HomelabCli.Render.class, HomelabCli.Validate.class, HomelabCli.Show.class})
public final class HomelabCli implements Callable<Integer> {
  /** Exit code of an invalid model. */
  public static final int INVALID_MODEL = 1;
  /** Exit code of an I/O failure. */
  public static final int IO_FAILURE = 3;
  /** Exit code of an unexpected exception: a bug. */
  public static final int INTERNAL_ERROR = 4;
  /** Exit code of a render that would overwrite files the user changed (or did not let it write); nothing was written. */
  public static final int CHANGED_FILES = 5;

  private final Supplier<Lab> lab;
  private final List<Backend> backends;
  private final Renderer renderer;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  private HomelabCli(Supplier<Lab> lab, Renderer renderer) {
    this.lab = lab;
    this.backends = renderer.backends();
    this.renderer = renderer;
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

  /**
   * Runs the command line with this renderer: its backends and its validator, e.g.
   * {@code Renderer.using(StandardBackends.all()).validatedBy(Validator.standard().with(myRule))}.
   */
  public static int run(Supplier<Lab> lab, Renderer renderer, String... args) {
    return run(lab, renderer, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs with explicit output streams (tests). */
  public static int run(Supplier<Lab> lab, List<Backend> backends, PrintWriter out, PrintWriter err, String... args) {
    return run(lab, Renderer.using(backends), out, err, args);
  }

  /** Runs with a renderer and explicit output streams (tests). */
  public static int run(Supplier<Lab> lab, Renderer renderer, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new HomelabCli(lab, renderer));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Exception cause = e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : e;
      // A null passed to the DSL is a ValidationException too (dev.homelab.model.Arguments), so it is a
      // model problem here; a NullPointerException is left to the internal error below, a bug.
      if (cause instanceof ValidationException) {
        commandLine.getErr().println(cause.getMessage());
        return INVALID_MODEL;
      }
      if (cause instanceof ChangedFilesException) {
        commandLine.getErr().println(changedFiles((ChangedFilesException) cause));
        return CHANGED_FILES;
      }
      if (cause instanceof IOException) {
        commandLine.getErr().println(cannotWrite((IOException) cause));
        return IO_FAILURE;
      }
      commandLine.getErr().println("error: internal error (" + cause.getClass().getName() + ": " + cause.getMessage()
          + "). This is a bug; please report it.");
      return INTERNAL_ERROR;
    });
    return cli.execute(args);
  }

  /** The files that would be overwritten, one a line, and the two ways on. */
  static String changedFiles(ChangedFilesException e) {
    int count = e.files().size();
    return "error: rendering would overwrite " + (count == 1 ? "1 file" : count + " files")
        + " you changed since the last render or that homelab render did not write; nothing was written:\n"
        + String.join("\n", e.lines()) + "\n"
        + "Keep your changes elsewhere (or put them into the model) and render again, or render --force to overwrite them";
  }

  /** {@code error: cannot write <path>: <reason>. <what to do>} */
  static String cannotWrite(IOException e) {
    if (e instanceof FileSystemException) {
      FileSystemException fs = (FileSystemException) e;
      String path = fs.getFile() == null ? "the output" : fs.getFile();
      String reason;
      String todo;
      if (fs instanceof NoSuchFileException) {
        reason = "a folder on the way does not exist";
        todo = "Create it, or choose another --out";
      } else if (fs instanceof AccessDeniedException) {
        reason = "permission denied";
        todo = "Give yourself write access to it, or choose another --out";
      } else if (fs instanceof FileAlreadyExistsException) {
        reason = "a file is in the way of a folder";
        todo = "Move that file away, or choose another --out";
      } else {
        reason = fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
        todo = "Check that path, or choose another --out";
      }
      return "error: cannot write " + path + ": " + reason + ". " + todo;
    }
    return "error: cannot write the output: " + e.getMessage() + ". Fix it, or choose another --out";
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  Lab model() {
    return lab.get();
  }

  @Command(name = "render", description = "Validate the model, then write every backend's files under --out, all or nothing: "
      + "an interrupted render is finished (or undone) by the next one. Files you added under --out stay.")
  static final class Render implements Callable<Integer> {
    @CommandLine.ParentCommand private HomelabCli parent;
    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--out"}, description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    private Path out;

    @Option(names = "--force", description = "Overwrite files you changed since the last render, and files homelab "
        + "render did not write, where rendered files go (without it such a render stops, writes nothing and exits with 5).")
    private boolean force;

    @Option(names = {"-b", "--backend"}, split = ",", description = "Only these backends (default: all of them).")
    private List<String> only = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      List<String> known = parent.backends.stream().map(Backend::name).collect(Collectors.toList());
      for (String name : only) {
        if (!known.contains(name)) {
          spec.commandLine().getErr().println("error: unknown backend '" + name + "'. Choose from " + String.join(", ", known));
          return CommandLine.ExitCode.USAGE;
        }
      }
      // the bring-up guide covers every backend even when only some are rendered
      List<String> written = parent.renderer.write(parent.model(), out, only.isEmpty() ? known : only, force);
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
      // The same check render runs: the renderer's validator plus every backend's own problems.
      parent.renderer.check(parent.model());
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
