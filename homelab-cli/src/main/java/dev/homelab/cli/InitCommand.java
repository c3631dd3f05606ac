package dev.homelab.cli;

import dev.homelab.cli.init.InstallStep;
import dev.homelab.cli.init.Scaffold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

// The first description line is also init's entry in homelab --help; the others are one line each, at
// most 80 columns (picocli's width), since picocli breaks a longer one inside names such as ./lab.
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = HomelabVersion.class,
    description = {"Create a new infra repository in FOLDER (empty or new): a pom that depends on "
        + "homelab-cli, a .gitignore, a lab class with a main (MyLab.java), a test of its properties, and a "
        + "GitHub Actions workflow that builds, validates and checks with diff that the committed out/ is what "
        + "the model renders.",
        "",
        "While homelab is a -SNAPSHOT (not on Maven Central), install it into ~/.m2",
        "first, in the homelab checkout (init prints the command with its path):",
        "  cd <homelab checkout> && " + InstallStep.COMMAND,
        "Then the new repository builds and renders as it is:",
        "  mvn -B verify && ./lab render     (./lab starts the jar fast; see its README)"})
final class InitCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = ".",
      description = "Where to create it (default: the current folder).")
  private Path folder;

  @Option(names = "--package", defaultValue = "com.example.homelab",
      description = {"Java package of the lab class", "(default: ${DEFAULT-VALUE})."})
  private String javaPackage;

  @Option(names = "--name", description = {"The lab's name, also the artifact id", "(default: the folder's name)."})
  private String name;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    List<String> present = present(folder);
    if (!present.isEmpty()) {
      err.println("error: " + folder + " is not empty (" + String.join(", ", present)
          + "). init writes only into a new or empty folder: choose another one");
      return HomelabCli.USAGE;
    }
    String labName = name == null ? Scaffold.nameOf(folder) : name;
    if (!labName.matches("[a-z]([a-z0-9-]{0,61}[a-z0-9])?")) {
      err.println("error: --name " + labName + " is not a DNS label like my-lab. Use lower-case letters, digits and '-'");
      return HomelabCli.USAGE;
    }
    Scaffold scaffold;
    try {
      scaffold = new Scaffold(labName, javaPackage);
    } catch (IllegalArgumentException e) {
      err.println("error: --package " + e.getMessage());
      return HomelabCli.USAGE;
    }
    scaffold.writeTo(folder);
    PrintWriter out = spec.commandLine().getOut();
    scaffold.files().keySet().forEach(f -> out.println("  " + f));
    out.println("created the infra repository " + labName + " in " + folder + ". Next:");
    nextSteps(folder, HomelabVersion.current(), InstallStep.checkout()).forEach(out::println);
    return 0;
  }

  /**
   * The steps after init, one printed line each: while {@code version} is a snapshot, installing
   * homelab from {@code checkout} (or from a clone, when init does not run from one) comes first.
   */
  static List<String> nextSteps(Path folder, String version, Optional<Path> checkout) {
    String build = "cd " + folder + " && mvn -B verify && ./lab render && git init && git add -A";
    if (!InstallStep.needed(version)) {
      return List.of("  " + build);
    }
    String where = checkout.map(c -> "in the homelab checkout this init came from:").orElse(
        "in a clone of https://github.com/" + InstallStep.REPOSITORY + " at this version:");
    String install = checkout.map(c -> "cd " + c + " && ").orElse("") + InstallStep.COMMAND;
    return List.of(
        "  1. homelab " + version + " is not on Maven Central: install it into your local Maven repository",
        "     (~/.m2) first, " + where,
        "       " + install,
        "  2. build, render and commit the new repository:",
        "       " + build);
  }

  /** What is in the folder already, but a .git. */
  private static List<String> present(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    if (!Files.isDirectory(folder)) {
      return List.of("a file");
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".git")).sorted().limit(5).toList();
    }
  }
}
