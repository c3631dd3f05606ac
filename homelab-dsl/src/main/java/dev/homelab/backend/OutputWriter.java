package dev.homelab.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes rendered files under an output directory. Each file is written to a temporary file and
 * moved into place, so a reader never sees half a file; written files are {@code rw-r--r--} (or
 * keep the permissions of the file they replace). Unchanged files are not rewritten.
 *
 * <p>A manifest ({@code .homelab-files}, one {@code <sha256>  <path>} line per file, sorted)
 * records what was written. On the next write, a file that the previous render wrote under a
 * backend written now, and that this render does not produce, is removed, but only when it still
 * has the bytes we wrote: a file the user changed is left alone and forgotten. Rendering a subset
 * of the backends keeps the other backends' files. Files the renderer never wrote are never
 * touched: manifest entries outside the output directory, under a symlink leading out of it, or
 * without a hash (older manifests) are never deleted.
 *
 * <p>Crash safety: before any file is written, the manifest lists the old and the new files, so an
 * interrupted write never loses track of a file it wrote; the final manifest is written last.
 */
public final class OutputWriter {
  static final String MANIFEST = ".homelab-files";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<PosixFilePermission> RW_R_R = PosixFilePermissions.fromString("rw-r--r--");

  private final Path root;

  public OutputWriter(Path root) {
    this.root = root;
  }

  /** Writes every backend's files under {@code <root>/<backend>/}; returns the relative paths written. */
  public List<String> write(Map<String, RenderedFiles> rendered) throws IOException {
    return write(rendered, new TreeMap<>());
  }

  /**
   * Writes every backend's files under {@code <root>/<backend>/} and {@code topLevel} (plain file
   * names, no folders: the renderer's own files such as the bring-up guide) directly under the
   * root; returns the relative paths written.
   */
  public List<String> write(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> topLevel) throws IOException {
    SortedMap<String, byte[]> next = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : topLevel.entrySet()) {
      if (file.getKey().contains("/") || rendered.containsKey(file.getKey())) {
        throw new IOException("refusing to write '" + file.getKey() + "' at the top of " + root
            + ": top-level files are plain file names that are no backend's folder");
      }
      inside(file.getKey());
      next.put(file.getKey(), file.getValue());
    }
    for (Map.Entry<String, RenderedFiles> backend : rendered.entrySet()) {
      for (Map.Entry<String, byte[]> file : backend.getValue().files().entrySet()) {
        String path = backend.getKey() + "/" + file.getKey();
        inside(path);
        next.put(path, file.getValue());
      }
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new FileSystemException(root.toString(), null, "exists and is not a directory");
    }
    Files.createDirectories(root);
    Path realRoot = root.toRealPath();

    // path -> sha256, or null when an older manifest recorded no hash (never deleted).
    SortedMap<String, String> previous = readManifest();
    SortedMap<String, String> kept = new TreeMap<>();
    SortedMap<String, String> stale = new TreeMap<>();
    previous.forEach((path, hash) -> {
      if (!rendered.containsKey(firstSegment(path))) {
        kept.put(path, hash); // another backend's file: carried over untouched
      } else if (!next.containsKey(path)) {
        stale.put(path, hash);
      }
    });
    SortedMap<String, String> written = new TreeMap<>();
    next.forEach((path, bytes) -> written.put(path, sha256(bytes)));

    SortedMap<String, String> during = new TreeMap<>(kept);
    during.putAll(stale);
    during.putAll(written);
    writeManifest(during);

    // Stale files go first: a file may have to make room for a folder of the same name, or back.
    for (Map.Entry<String, String> old : stale.entrySet()) {
      deleteIfUnchanged(realRoot, old.getKey(), old.getValue());
    }
    for (Map.Entry<String, byte[]> file : next.entrySet()) {
      writeAtomically(realRoot, inside(file.getKey()), file.getValue());
    }

    SortedMap<String, String> after = new TreeMap<>(kept);
    after.putAll(written);
    writeManifest(after);
    return new ArrayList<>(next.keySet());
  }

  private static String firstSegment(String relative) {
    int slash = relative.indexOf('/');
    return slash < 0 ? relative : relative.substring(0, slash);
  }

  /** {@code relative} resolved under the root; refuses anything that would land outside it. */
  private Path inside(String relative) throws IOException {
    if (!isPlainRelative(relative)) {
      throw new IOException("refusing to write or delete '" + relative + "': it is not inside " + root);
    }
    return root.resolve(relative).normalize();
  }

  private boolean isPlainRelative(String relative) {
    if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
      return false;
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    Path target = root.resolve(relative).normalize();
    return target.startsWith(root.normalize()) && !target.equals(root.normalize());
  }

  /**
   * Deletes a file we wrote, if it is really inside the output directory (symlinks resolved), is a
   * plain file (not a link) and still has the bytes we wrote. Anything else is left alone.
   */
  private void deleteIfUnchanged(Path realRoot, String relative, String hash) throws IOException {
    if (hash == null || !isPlainRelative(relative)) {
      return;
    }
    Path target = root.resolve(relative).normalize();
    Path parent = target.getParent();
    if (!Files.isDirectory(parent)) {
      return;
    }
    Path realParent = parent.toRealPath();
    if (!realParent.startsWith(realRoot)) {
      return; // a symlinked folder leads out of the output directory
    }
    Path file = realParent.resolve(target.getFileName().toString());
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !hash.equals(sha256(Files.readAllBytes(file)))) {
      return; // gone, replaced by a link or folder, or changed by the user since we wrote it
    }
    Files.delete(file); // deletes the entry itself; it is not a link, and links are never followed
    deleteEmptyParents(realRoot, realParent);
  }

  private static void deleteEmptyParents(Path realRoot, Path dir) throws IOException {
    while (dir != null && !dir.equals(realRoot) && dir.startsWith(realRoot)
        && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  private SortedMap<String, String> readManifest() throws IOException {
    Path manifest = root.resolve(MANIFEST);
    SortedMap<String, String> entries = new TreeMap<>();
    if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
      return entries;
    }
    for (String line : Files.readString(manifest).split("\n")) {
      int gap = line.indexOf("  ");
      if (gap == 64 && SHA256.matcher(line.substring(0, gap)).matches()) {
        entries.put(line.substring(gap + 2), line.substring(0, gap));
      } else if (!line.isBlank()) {
        entries.put(line, null); // older manifest without hashes: tracked, never deleted
      }
    }
    return entries;
  }

  private void writeManifest(SortedMap<String, String> entries) throws IOException {
    StringBuilder text = new StringBuilder();
    entries.forEach((path, hash) -> text.append(hash == null ? path : hash + "  " + path).append('\n'));
    Path realRoot = root.toRealPath();
    writeAtomically(realRoot, root.resolve(MANIFEST), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path realRoot, Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path realParent = target.getParent().toRealPath();
    if (!realParent.startsWith(realRoot)) {
      throw new IOException("refusing to write " + target + ": " + target.getParent()
          + " leads out of the output directory through a symbolic link. Remove the link or choose another --out");
    }
    Path real = realParent.resolve(target.getFileName().toString());
    boolean existing = Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS);
    if (existing && Arrays.equals(Files.readAllBytes(real), content)) {
      return;
    }
    Path tmp = Files.createTempFile(realParent, ".homelab-", ".tmp");
    try {
      Files.write(tmp, content);
      permissions(tmp, existing ? real : null);
      try {
        Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** createTempFile makes 0600 files; output is meant to be read (by git, CI, Ansible): rw-r--r--. */
  private static void permissions(Path tmp, Path replaced) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> perms = replaced == null
        ? RW_R_R
        : Files.getPosixFilePermissions(replaced, LinkOption.NOFOLLOW_LINKS);
    Files.setPosixFilePermissions(tmp, perms);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
