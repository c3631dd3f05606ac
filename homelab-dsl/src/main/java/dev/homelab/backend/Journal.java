package dev.homelab.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a committed write still has to do, kept in the staging folder next to the staged bytes:
 * the stale files to delete (if unchanged) and the staged files to move into place. Every step can
 * be done again, so a write that was killed is finished by applying its journal once more.
 *
 * <pre>
 * homelab-journal 1
 * delete &lt;sha256&gt;  k8s/old.yaml
 * put &lt;before&gt; &lt;sha256&gt;  k8s/new.yaml
 * end
 * </pre>
 *
 * {@code before} is what the target held when the write was planned (a sha256, or
 * {@link OutputTree#NOTHING}, {@link OutputTree#FOLDER}, {@link OutputTree#OTHER}); the last line
 * {@code end} marks a complete journal: without it the write never started to change the tree.
 */
final class Journal {
  static final String STAGING = ".homelab-staging";
  private static final String FILE = "journal";
  private static final String HEADER = "homelab-journal 1";
  private static final String END = "end";

  record Delete(String path, String hash) {}

  record Put(String path, String before, String after) {}

  /** Called after every step that changes the disk; tests throw from it to simulate a crash. */
  interface Steps {
    Steps NONE = step -> {};

    void done(String step) throws IOException;
  }

  private final List<Delete> deletes;
  private final List<Put> puts;

  Journal(List<Delete> deletes, List<Put> puts) {
    this.deletes = List.copyOf(deletes);
    this.puts = List.copyOf(puts);
  }

  static Path staging(OutputTree tree) {
    return tree.base().resolve(STAGING);
  }

  static Path staged(Path staging, String relative) {
    return staging.resolve("files").resolve(relative);
  }

  /** Writes the journal and then renames it into place: the commit point of a write. */
  void commit(Path staging) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (Delete d : deletes) {
      text.append("delete ").append(d.hash()).append("  ").append(d.path()).append('\n');
    }
    for (Put p : puts) {
      text.append("put ").append(p.before()).append(' ').append(p.after()).append("  ").append(p.path()).append('\n');
    }
    text.append(END).append('\n');
    Path pending = staging.resolve(FILE + ".pending");
    OutputTree.writeDurably(pending, text.toString().getBytes(StandardCharsets.UTF_8), null);
    Files.move(pending, staging.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The committed journal in {@code staging}, or null when there is none or it is incomplete. */
  static Journal read(Path staging) throws IOException {
    Path file = staging.resolve(FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    List<String> lines = List.of(Files.readString(file).split("\n"));
    if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(lines.size() - 1).equals(END)) {
      return null;
    }
    List<Delete> deletes = new ArrayList<>();
    List<Put> puts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      String[] parts = line.split(" ", 5);
      if (parts[0].equals("delete") && parts.length >= 4) {
        String[] d = line.split(" ", 4);
        deletes.add(new Delete(d[3], d[1]));
      } else if (parts[0].equals("put") && parts.length == 5) {
        puts.add(new Put(parts[4], parts[1], parts[2]));
      } else {
        throw new IOException("cannot read " + file + ": unknown line '" + line
            + "'. Delete the folder " + staging + " and render again");
      }
    }
    return new Journal(deletes, puts);
  }

  /**
   * Finishes the write: deletes the stale files that are unchanged, moves every staged file that is
   * still staged into place, then removes the staging folder. A target that changed since the plan
   * (the user edited it after a killed write) stops it before anything changes, unless {@code force}.
   */
  void apply(OutputTree tree, Path staging, boolean force, Steps steps) throws IOException {
    SortedMap<String, ChangedFilesException.Reason> changed = new TreeMap<>();
    for (Put p : puts) {
      if (Files.exists(staged(staging, p.path()), LinkOption.NOFOLLOW_LINKS)) {
        String now = tree.fingerprint(p.path());
        boolean nothingToLose = now.equals(OutputTree.NOTHING) || now.equals(OutputTree.FOLDER);
        if (!nothingToLose && !now.equals(p.before()) && !now.equals(p.after())) {
          changed.put(tree.shown(p.path()), ChangedFilesException.Reason.CHANGED);
        }
      }
    }
    if (!changed.isEmpty() && !force) {
      throw new ChangedFilesException(changed);
    }
    for (Delete d : deletes) {
      tree.deleteIfUnchanged(d.path(), d.hash());
      steps.done("delete " + d.path());
    }
    // A staged folder whose place is free (a fresh render, a new app) moves in one rename, not one
    // per file; what it held is no longer staged, so the loop below skips it, now and in a recovery.
    tree.moveFreeFolders(staging.resolve("files"), steps);
    for (Put p : puts) {
      Path staged = staged(staging, p.path());
      if (Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
        tree.moveInto(staged, p.path());
      }
      steps.done("put " + p.path());
    }
    OutputTree.deleteTree(staging, false);
    steps.done("clean");
  }
}
