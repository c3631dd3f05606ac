package dev.homelab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --lab FILE}: the model from a single file instead of the program's own lab. */
final class LabOption {
  @Option(names = "--lab", paramLabel = "FILE", description = {
      "Build the model from this file instead of the program's own lab: a Java source whose class (named after the file)"
          + " has a static Lab lab() method (MyLab.java), or a JShell script that declares Lab lab (lab.jsh); both are"
          + " compiled against homelab's own classpath, with no build."})
  Path file;
}
