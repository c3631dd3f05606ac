package dev.homelab.cli.source;

import dev.homelab.model.Lab;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the lab of a single file, so a quick experiment needs no Maven project:
 * <ul>
 *   <li>{@code MyLab.java}: a class named after the file with a {@code static Lab lab()} method
 *       (the shape of a scaffolded or README lab class), compiled in memory against the CLI's own
 *       classpath;
 *   <li>{@code lab.jsh}: a JShell script, run after the imports of {@code homelab.jsh} (the DSL's
 *       static methods and the model types), that declares a variable {@code lab} of type {@code Lab}.
 * </ul>
 */
public final class LabSources {
  /** Exit code of a file whose code is wrong. */
  static final int INVALID = 1;
  /** Exit code of a wrong command line: no such file, unknown kind. */
  static final int USAGE = 2;

  private LabSources() {}

  /** The lab the file builds; throws {@link LabSourceException} with a readable message otherwise. */
  public static Lab load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LabSourceException(USAGE, "error: --lab " + file + ": no such file. Pass a MyLab.java or lab.jsh file");
    }
    String name = file.getFileName().toString();
    if (name.endsWith(".java")) {
      return JavaLabSource.load(file);
    }
    if (name.endsWith(".jsh")) {
      return JShellLabSource.load(file);
    }
    throw new LabSourceException(USAGE, "error: --lab " + file
        + ": not a Java source (.java) or JShell script (.jsh). Pass a MyLab.java or lab.jsh file");
  }
}
