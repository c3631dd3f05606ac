package dev.homelab.cli;

import dev.homelab.backend.Backend;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the output goes and which backends render it: shared by render and diff. */
final class OutputOptions {
  @Option(names = {"-o", "--out"}, description = "Output directory (default: ${DEFAULT-VALUE}).", defaultValue = "out")
  Path out;

  @Option(names = {"-b", "--backend"}, split = ",", paramLabel = "NAME",
      description = "Only these backends (default: all of them); the others' files stay as they are.")
  List<String> only = new ArrayList<>();

  /**
   * Whether {@code --out} names a folder a render may fill, else false after printing why: an empty
   * value (an unset variable in {@code --out "$OUT"}) would render into the working directory, and
   * the root of the file system is nobody's output folder.
   */
  boolean isAFolderOfItsOwn(PrintWriter err) {
    if (out.toString().isBlank()) {
      err.println("error: --out is empty, which would render into the working directory. Name the output folder, e.g. --out out");
      return false;
    }
    if (out.toAbsolutePath().normalize().getParent() == null) {
      err.println("error: --out " + out + " is the root of the file system. Name a folder of its own, e.g. --out " + out.toAbsolutePath().normalize().resolve("homelab-out"));
      return false;
    }
    return true;
  }

  /** The backends to render, or null after printing why a name is unknown. */
  List<String> selected(List<Backend> backends, PrintWriter err) {
    List<String> known = backends.stream().map(Backend::name).toList();
    for (String name : only) {
      if (!known.contains(name)) {
        err.println("error: unknown backend '" + name + "'. Choose from " + String.join(", ", known));
        return null;
      }
    }
    return only.isEmpty() ? known : only;
  }
}
