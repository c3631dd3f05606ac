package dev.homelab.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes rendered files under an output directory. Each file is written to a temporary file and
 * moved into place, so a reader never sees half a file. A manifest ({@code .homelab-files}) records
 * what was written; on the next write, files that the previous render wrote and this one does not
 * are removed, but only under the backends written now: rendering one backend keeps the others' files. Files the renderer never wrote are never touched.
 */
public final class OutputWriter {
  static final String MANIFEST = ".homelab-files";
  private final Path root;

  public OutputWriter(Path root) {
    this.root = root;
  }

  /** Writes every backend's files under {@code <root>/<backend>/}; returns the relative paths. */
  public List<String> write(Map<String, RenderedFiles> rendered) throws IOException {
    Set<String> paths = new TreeSet<>();
    rendered.forEach((backend, files) -> files.files().keySet().forEach(p -> paths.add(backend + "/" + p)));
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException(root + " exists and is not a directory");
    }
    Files.createDirectories(root);
    Set<String> previous = readManifest();
    for (Map.Entry<String, RenderedFiles> backend : rendered.entrySet()) {
      for (Map.Entry<String, byte[]> file : backend.getValue().files().entrySet()) {
        writeAtomically(inside(backend.getKey() + "/" + file.getKey()), file.getValue());
      }
    }
    for (String old : previous) {
      // Only a backend written now can have stale files; the others' entries are carried over.
      if (!rendered.containsKey(firstSegment(old))) {
        paths.add(old);
      }
    }
    for (String stale : previous) {
      if (!paths.contains(stale) && isInside(stale)) {
        Files.deleteIfExists(inside(stale));
        deleteEmptyParents(root.resolve(stale).getParent());
      }
    }
    writeAtomically(root.resolve(MANIFEST), (String.join("\n", paths) + "\n").getBytes(StandardCharsets.UTF_8));
    return new ArrayList<>(paths);
  }

  private static String firstSegment(String relative) {
    int slash = relative.indexOf('/');
    return slash < 0 ? relative : relative.substring(0, slash);
  }

  private Set<String> readManifest() throws IOException {
    Path manifest = root.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return Set.of();
    }
    Set<String> lines = new TreeSet<>(Arrays.asList(Files.readString(manifest).split("\n")));
    lines.remove("");
    return lines;
  }

  /** {@code relative} resolved under the root; refuses anything that would land outside it. */
  private Path inside(String relative) throws IOException {
    Path target = root.resolve(relative).normalize();
    if (relative.isEmpty() || !target.startsWith(root.normalize()) || target.equals(root.normalize())) {
      throw new IOException("refusing to write or delete '" + relative + "': it is not inside " + root);
    }
    return target;
  }

  private boolean isInside(String relative) {
    return root.resolve(relative).normalize().startsWith(root.normalize()) && !relative.contains("..");
  }

  private void deleteEmptyParents(Path dir) throws IOException {
    Path normalizedRoot = root.normalize();
    while (dir != null && !dir.normalize().equals(normalizedRoot) && dir.normalize().startsWith(normalizedRoot)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
      return;
    }
    Path tmp = Files.createTempFile(target.getParent(), ".homelab-", ".tmp");
    try {
      Files.write(tmp, content);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
