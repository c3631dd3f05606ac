package dev.homelab.backend;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output directory as the writer sees it: paths relative to it, what is at a path (links never
 * followed), and the few changes the writer makes, each refusing to reach outside the directory.
 */
final class OutputTree {
  /** What is at a path that is no regular file, or nothing. Hashes are 64 hex digits, so these never clash. */
  static final String NOTHING = "-";
  static final String FOLDER = "folder";
  static final String OTHER = "link";

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final Set<PosixFilePermission> RW_R_R = PosixFilePermissions.fromString("rw-r--r--");
  /** The temporary files older versions made next to each file (Files.createTempFile names). */
  private static final Pattern OLD_TEMP = Pattern.compile("\\.homelab-[0-9]+\\.tmp");

  private final Path shown;
  private final Path base;

  OutputTree(Path root) {
    this.shown = root;
    // Relative roots are made absolute first: "." normalizes to the empty path, of which no path
    // "startsWith", so every file would look outside the output directory.
    this.base = root.toAbsolutePath().normalize();
  }

  Path base() {
    return base;
  }

  /** {@code relative} as the user named the output directory, for messages: {@code out/k8s/a.yaml}. */
  String shown(String relative) {
    return shown.resolve(relative).toString();
  }

  /** The output directory as the user named it. */
  String shownRoot() {
    return shown.toString().isEmpty() ? "." : shown.toString();
  }

  Path realBase() throws IOException {
    return base.toRealPath();
  }

  /** {@code relative} resolved under the root; refuses anything that would land outside it. */
  Path inside(String relative) throws IOException {
    if (!isPlainRelative(relative)) {
      throw new IOException("refusing to write or delete '" + relative + "': it is not inside " + shownRoot());
    }
    return base.resolve(relative);
  }

  boolean isPlainRelative(String relative) {
    if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
      return false;
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    Path target = base.resolve(relative).normalize();
    return target.startsWith(base) && !target.equals(base);
  }

  /**
   * Where {@code relative} really is (its folder resolved through links, the name itself not), or
   * null when its folder does not exist or leads out of the output directory.
   */
  Path real(String relative) throws IOException {
    if (!isPlainRelative(relative)) {
      return null;
    }
    Path target = base.resolve(relative).normalize();
    Path parent = target.getParent();
    if (!Files.isDirectory(parent)) {
      return null;
    }
    Path realParent = parent.toRealPath();
    if (!realParent.startsWith(realBase())) {
      return null;
    }
    return realParent.resolve(target.getFileName().toString());
  }

  /** The sha256 of the regular file at {@code relative}, or {@link #NOTHING}, {@link #FOLDER}, {@link #OTHER}. */
  String fingerprint(String relative) throws IOException {
    Path real = real(relative);
    if (real == null || !Files.exists(real, NOFOLLOW)) {
      return NOTHING;
    }
    if (Files.isRegularFile(real, NOFOLLOW)) {
      return sha256(Files.readAllBytes(real));
    }
    return Files.isDirectory(real, NOFOLLOW) ? FOLDER : OTHER;
  }

  /** The bytes of the regular file at {@code relative} (links not followed), if there is one. */
  Optional<byte[]> read(String relative) throws IOException {
    Path real = real(relative);
    if (real == null || !Files.isRegularFile(real, NOFOLLOW)) {
      return Optional.empty();
    }
    return Optional.of(Files.readAllBytes(real));
  }

  /**
   * Refuses a file whose folders cannot be made: a symbolic link on the way that leads out of the
   * output directory, or a file in the way of a folder (unless it is in {@code goingAway}).
   */
  void checkFolders(String relative, Collection<String> goingAway) throws IOException {
    String[] segments = relative.split("/");
    String prefix = "";
    for (int i = 0; i < segments.length - 1; i++) {
      prefix = prefix.isEmpty() ? segments[i] : prefix + "/" + segments[i];
      Path at = base.resolve(prefix);
      if (!Files.exists(at, NOFOLLOW)) {
        return; // this folder and the ones below it are made
      }
      if (Files.isSymbolicLink(at)) {
        if (!Files.isDirectory(at) || !at.toRealPath().startsWith(realBase())) {
          throw new IOException("refusing to write " + shown(relative) + ": " + shown(prefix)
              + " leads out of the output directory through a symbolic link. Remove the link or choose another --out");
        }
      } else if (!Files.isDirectory(at, NOFOLLOW)) {
        if (goingAway.contains(prefix)) {
          return; // a file we wrote, removed first to make room
        }
        throw new FileAlreadyExistsException(shown(prefix), null, "a file is in the way of a folder");
      }
    }
  }

  /** Refuses a folder where a file goes, unless everything in it is a file in {@code goingAway}. */
  void checkFolderInTheWay(String relative, Collection<String> goingAway) throws IOException {
    Path folder = real(relative);
    try (Stream<Path> entries = Files.walk(folder)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (Files.isDirectory(entry, NOFOLLOW)) {
          continue;
        }
        String inside = relative + "/" + folder.relativize(entry).toString().replace('\\', '/');
        if (!Files.isRegularFile(entry, NOFOLLOW) || !goingAway.contains(inside)) {
          throw new FileSystemException(shown(relative), null,
              "a folder holding files homelab render did not write is where a rendered file goes");
        }
      }
    }
  }

  /**
   * Deletes a file we wrote, if it is really inside the output directory (symlinks resolved), is a
   * plain file (not a link) and still has the bytes we wrote. Anything else is left alone.
   */
  void deleteIfUnchanged(String relative, String hash) throws IOException {
    Path file = real(relative);
    if (hash == null || file == null) {
      return;
    }
    if (!Files.isRegularFile(file, NOFOLLOW) || !hash.equals(sha256(Files.readAllBytes(file)))) {
      return; // gone, replaced by a link or folder, or changed by the user since we wrote it
    }
    Files.delete(file); // deletes the entry itself; it is not a link, and links are never followed
    deleteEmptyFolders(file.getParent());
  }

  private void deleteEmptyFolders(Path dir) throws IOException {
    Path realBase = realBase();
    while (dir != null && !dir.equals(realBase) && dir.startsWith(realBase) && Files.isDirectory(dir, NOFOLLOW)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  /**
   * Refuses a file whose folder this process may not write: a rename into a folder, and a delete
   * from it, need write access to the folder itself, so a read-only folder found halfway would
   * leave the output half old, half new. The folder checked is the nearest one that exists, where
   * the missing ones would be made; {@code checked} remembers the folders found writable.
   */
  void checkWritable(String relative, java.util.Set<Path> checked) throws IOException {
    Path folder = base.resolve(relative).getParent();
    while (folder != null && !Files.isDirectory(folder)) {
      folder = folder.getParent();
    }
    if (folder == null || checked.contains(folder)) {
      return;
    }
    if (!Files.isWritable(folder)) {
      String relativeFolder = base.relativize(folder).toString();
      throw new java.nio.file.AccessDeniedException(relativeFolder.isEmpty() ? shownRoot() : shown(relativeFolder));
    }
    checked.add(folder);
  }

  /** Moves a staged file to {@code relative}, making its folders; a folder in the way must hold only folders. */
  void moveInto(Path staged, String relative) throws IOException {
    checkFolders(relative, List.of());
    Files.createDirectories(base.resolve(relative).getParent());
    Path target = real(relative);
    if (target == null) {
      throw new IOException("refusing to write " + shown(relative) + ": it is not inside " + shownRoot());
    }
    if (Files.isDirectory(target, NOFOLLOW)) {
      deleteTree(target, true); // checked before: nothing but empty folders are left in it
    }
    try {
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      // Another file system under the output directory: copy and delete. The journal still lists
      // this file, so a crash in between repeats the move.
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Moves every folder under {@code stagedRoot} whose place under the output directory is free
   * (nothing there, not even a link) into that place, one rename each; the folders of a place that
   * is a folder already (not a link) are looked at in turn. Files, and folders whose place holds
   * anything else, stay staged for {@link #moveInto}.
   */
  void moveFreeFolders(Path stagedRoot, Journal.Steps steps) throws IOException {
    moveFreeFolders(stagedRoot, "", steps);
  }

  private void moveFreeFolders(Path stagedDir, String relative, Journal.Steps steps) throws IOException {
    if (!Files.isDirectory(stagedDir, NOFOLLOW)) {
      return;
    }
    List<Path> folders;
    try (Stream<Path> entries = Files.list(stagedDir)) {
      folders = entries.filter(entry -> Files.isDirectory(entry, NOFOLLOW)).sorted().toList();
    }
    for (Path folder : folders) {
      String inside = relative.isEmpty() ? folder.getFileName().toString() : relative + "/" + folder.getFileName();
      if (!isPlainRelative(inside)) {
        continue;
      }
      Path target = base.resolve(inside);
      if (!Files.exists(target, NOFOLLOW)) {
        // Its parent is the output directory or a folder (no link) found here: the move stays inside.
        try {
          Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          continue; // another file system is mounted there: its files move one by one
        }
        steps.done("put folder " + inside);
      } else if (Files.isDirectory(target, NOFOLLOW)) {
        moveFreeFolders(folder, inside, steps);
      }
    }
  }

  /** Removes the old versions' temporary files from the folders of {@code paths} (and the root). */
  void deleteOldTemporaryFiles(Collection<String> paths) throws IOException {
    Set<String> folders = new TreeSet<>();
    folders.add("");
    for (String path : paths) {
      int slash = path.lastIndexOf('/');
      if (slash > 0) {
        folders.add(path.substring(0, slash));
      }
    }
    Path realBase = realBase();
    for (String folder : folders) {
      Path dir = folder.isEmpty() ? base : base.resolve(folder).normalize();
      if (!folder.isEmpty() && !isPlainRelative(folder) || !Files.isDirectory(dir)
          || !dir.toRealPath().startsWith(realBase)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          if (OLD_TEMP.matcher(entry.getFileName().toString()).matches() && Files.isRegularFile(entry, NOFOLLOW)) {
            Files.delete(entry);
          }
        }
      }
    }
  }

  /** Deletes a folder and what is in it, links themselves and never what they point to. */
  static void deleteTree(Path dir, boolean foldersOnly) throws IOException {
    if (!Files.exists(dir, NOFOLLOW)) {
      return;
    }
    try (Stream<Path> entries = Files.walk(dir)) {
      for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
        if (foldersOnly && !Files.isDirectory(entry, NOFOLLOW)) {
          continue; // left in place: deleting its folder then fails, and nothing of the user's is lost
        }
        Files.deleteIfExists(entry);
      }
    }
  }

  /**
   * Writes {@code content} to a new file and forces it to disk, so a journal written after it never
   * names bytes that a power cut could still lose.
   */
  static void writeDurably(Path file, byte[] content, Path permissionsOf) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    permissions(file, permissionsOf);
  }

  /** Written files are rw-r--r-- (read by git, CI, Ansible), or keep the permissions of the file they replace. */
  private static void permissions(Path file, Path replaced) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    boolean keep = replaced != null && Files.isRegularFile(replaced, NOFOLLOW);
    Files.setPosixFilePermissions(file, keep ? Files.getPosixFilePermissions(replaced, NOFOLLOW) : RW_R_R);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
