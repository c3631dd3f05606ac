package dev.homelab.cli;

import dev.homelab.backend.Backend;
import dev.homelab.backend.ChangedFilesException;
import dev.homelab.backend.Renderer;
import dev.homelab.cli.source.LabSourceException;
import dev.homelab.cli.source.LabSources;
import dev.homelab.model.Lab;
import dev.homelab.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line a user's {@code main} hands its model to:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   System.exit(HomelabCli.run(MyLab::lab, args));
 * }
 * }</pre>
 *
 * Commands: {@code render} (validate and write every backend's files), {@code diff} (what a render
 * would change), {@code validate}, {@code show} (the model as a tree or JSON), {@code graph} (the
 * topology as Mermaid or Graphviz DOT), {@code init} (a new infra repository). Every model command
 * also takes {@code --lab MyLab.java} or {@code --lab lab.jsh} instead of the program's own lab.
 * Errors are one clear message each, never a stack trace.
 */
@Command(
    name = "homelab",
    mixinStandardHelpOptions = true,
    versionProvider = HomelabVersion.class,
    description = "Validates a homelab model and renders it to Kubernetes, Ansible, Terraform and GitHub Actions files.",
    footer = {"",
        "Exit codes:",
        "  0  success; for diff: the output is up to date",
        // One line each, at most 80 columns (picocli's width): picocli would wrap a longer one unindented.
        "  1  the model is invalid (every problem is listed), or the --lab file does not",
        "     compile or fails",
        "  2  wrong command line usage",
        "  3  a file or folder cannot be written",
        "  4  internal error: a bug in homelab DSL or a backend; please report it",
        "  5  rendering would overwrite files you changed since the last render, or files",
        "     it did not write (each is listed); nothing was written. Keep your changes",
        "     elsewhere, or render --force",
        "  6  diff: a render would change the output (the differences are printed);",
        "     render to apply them"})
public final class HomelabCli implements Callable<Integer> {
  /**
   * The subcommands, in the order help lists them. Added by {@link #run} rather than named in
   * {@code @Command}: picocli builds the model of every subcommand it is given by reflection, a
   * visible part of a short run's start-up, so a run that names one gets only that one.
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(RenderCommand.class, DiffCommand.class, ValidateCommand.class,
      ShowCommand.class, GraphCommand.class, InitCommand.class);

  /** Exit code of an invalid model. */
  public static final int INVALID_MODEL = 1;
  /** Exit code of a wrong command line. */
  public static final int USAGE = CommandLine.ExitCode.USAGE;
  /** Exit code of an I/O failure. */
  public static final int IO_FAILURE = 3;
  /** Exit code of an unexpected exception: a bug. */
  public static final int INTERNAL_ERROR = 4;
  /** Exit code of a render that would overwrite files the user changed (or did not let it write); nothing was written. */
  public static final int CHANGED_FILES = 5;
  /** Exit code of {@code diff} when a render would change the output directory. */
  public static final int OUT_OF_DATE = 6;

  private final Supplier<Lab> lab;
  private final List<Backend> backends;
  private final Renderer renderer;
  private final Style style;
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  private HomelabCli(Supplier<Lab> lab, Renderer renderer, Style style) {
    this.lab = lab;
    this.backends = renderer.backends();
    this.renderer = renderer;
    this.style = style;
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
    // Colour only for a person at a terminal; never in pipes, files or CI logs, nor with NO_COLOR.
    Style style = Style.forConsole(System.console(), System.getenv());
    return run(lab, backends, new PrintWriter(System.out, true), new PrintWriter(System.err, true), style, args);
  }

  /**
   * Runs the command line with this renderer: its backends and its validator, e.g.
   * {@code Renderer.using(StandardBackends.all()).validatedBy(Validator.standard().with(myRule))}.
   */
  public static int run(Supplier<Lab> lab, Renderer renderer, String... args) {
    Style style = Style.forConsole(System.console(), System.getenv());
    return run(lab, renderer, new PrintWriter(System.out, true), new PrintWriter(System.err, true), style, args);
  }

  /** Runs with explicit output streams (tests); plain text, no colour. */
  public static int run(Supplier<Lab> lab, List<Backend> backends, PrintWriter out, PrintWriter err, String... args) {
    return run(lab, Renderer.using(backends), out, err, Style.PLAIN, args);
  }

  /** Runs with a renderer and explicit output streams (tests); plain text, no colour. */
  public static int run(Supplier<Lab> lab, Renderer renderer, PrintWriter out, PrintWriter err, String... args) {
    return run(lab, renderer, out, err, Style.PLAIN, args);
  }

  /** {@code lab} may be null (the standalone {@link Main}): model commands then need {@code --lab}. */
  static int run(Supplier<Lab> lab, List<Backend> backends, PrintWriter out, PrintWriter err, Style style, String... args) {
    return run(lab, Renderer.using(backends), out, err, style, args);
  }

  static int run(Supplier<Lab> lab, Renderer renderer, PrintWriter out, PrintWriter err, Style style, String... args) {
    CommandLine cli = new CommandLine(new HomelabCli(lab, renderer, style));
    subcommandsFor(args).forEach(cli::addSubcommand);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      Exception cause = e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : e;
      // A null passed to the DSL is a ValidationException too (dev.homelab.internal.Arguments), so it is a
      // model problem here; a NullPointerException is left to the internal error below, a bug.
      if (cause instanceof LabSourceException) {
        commandLine.getErr().println(cause.getMessage());
        return ((LabSourceException) cause).exitCode();
      }
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

  /**
   * Only the subcommand the arguments start with (the top level has no option that takes a value, so
   * a first argument that names a subcommand is that subcommand); every one for anything else, so
   * help, errors and suggestions see them all.
   */
  static List<Class<?>> subcommandsFor(String... args) {
    if (args.length > 0) {
      for (Class<?> command : SUBCOMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(args[0])) {
          return List.of(command);
        }
      }
    }
    return SUBCOMMANDS;
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
      // a move names its source first: the target is what the user can do something about
      String path = fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile() == null ? "the output" : fs.getFile();
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

  /** The model: from {@code --lab FILE} when given, else the program's own lab. */
  Lab model(LabOption option) {
    if (option.file != null) {
      return LabSources.load(option.file);
    }
    if (lab == null) {
      throw new LabSourceException(USAGE, "error: no lab to work on. Pass --lab MyLab.java (a class with a static "
          + "Lab lab() method) or --lab lab.jsh (a JShell script that declares Lab lab)");
    }
    return NullLab.of(lab);
  }

  List<Backend> backends() {
    return backends;
  }

  /** The renderer every command uses: the chosen backends and validator. */
  Renderer renderer() {
    return renderer;
  }

  Style style() {
    return style;
  }
}
