package dev.homelab.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes rendered files under an output directory, all or nothing. Written files are
 * {@code rw-r--r--} (or keep the permissions of the file they replace); unchanged files are not
 * rewritten.
 *
 * <p>A manifest ({@code .homelab-files}, one {@code <sha256>  <path>} line per file, sorted)
 * records what was written. A file that the previous render wrote under a backend written now, and
 * that this render does not produce, is removed, but only when it still has the bytes we wrote: a
 * file the user changed is left alone and forgotten. Rendering a subset of the backends keeps the
 * other backends' files. Files the renderer never wrote are never deleted: manifest entries outside
 * the output directory, under a symlink leading out of it, or without a hash (older manifests) are
 * left alone.
 *
 * <p><b>Your changes.</b> A rendered file whose target holds other bytes than the manifest
 * recorded (you edited it), or that the renderer never wrote (your own {@code README.md} under
 * {@code --out .}), is not overwritten: the write throws {@link ChangedFilesException} naming them,
 * before anything changes, unless the writer was made with {@code force}. A folder holding your
 * files where a rendered file goes, or a file where a rendered folder goes, stops the write the same
 * way (as an {@link IOException}; force does not delete them).
 *
 * <p><b>All or nothing.</b> Files the user added inside the output directory stay, so the tree is
 * not swapped as a whole; instead a write
 * <ol>
 *   <li>finishes or discards an earlier interrupted write (below), and removes temporary files
 *       older versions left next to the files;
 *   <li>plans every change and checks it (changed files, folders in the way, symbolic links) while
 *       nothing is changed yet;
 *   <li>stages the new bytes of every changed file, and the new manifest, in
 *       {@code <out>/.homelab-staging/files/}, each forced to disk;
 *   <li>commits: writes {@code .homelab-staging/journal} (stale files to delete, staged files to move)
 *       and renames it into place;
 *   <li>applies the journal: deletes the stale files that are unchanged, moves every staged file
 *       into place (a rename, so no reader sees half a file), the manifest last, and removes the
 *       staging folder.
 * </ol>
 * If the write stops anywhere (an error, a kill), the next write first looks at the
 * staging folder: without a committed journal it is deleted and the tree is the old one untouched;
 * with one, every step of the journal is done again (each can be repeated) and the tree is the new
 * one. So after that recovery the tree, manifest included, is either the whole old render or the
 * whole new one, and files the renderer did not write are never deleted or overwritten. Between the
 * commit and that recovery a reader can see a mix; the name {@code .homelab-staging} at the top of
 * the output directory is the renderer's. Two renders into the same directory at the same time are
 * not supported. A power cut is covered as far as the disk keeps order: the staged bytes and the
 * journal are forced to disk before the commit, but folder entries (the renames) are not.
 */
final class OutputWriter {
  static final String MANIFEST = ".homelab-files";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final OutputTree tree;
  private final boolean force;
  private final Journal.Steps steps;

  /** A writer that refuses to overwrite files the user changed or did not let the renderer write. */
  OutputWriter(Path root) {
    this(root, false);
  }

  /** With {@code force}, files the user changed, and files the renderer did not write, are overwritten. */
  OutputWriter(Path root, boolean force) {
    this(root, force, Journal.Steps.NONE);
  }

  OutputWriter(Path root, boolean force, Journal.Steps steps) {
    this.tree = new OutputTree(root);
    this.force = force;
    this.steps = steps;
  }

  /** Writes every backend's files under {@code <root>/<backend>/}; returns the relative paths written. */
  List<String> write(Map<String, RenderedFiles> rendered) throws IOException {
    return write(rendered, new TreeMap<>());
  }

  /**
   * Writes every backend's files under {@code <root>/<backend>/} and {@code topLevel} (plain file
   * names, no folders: the renderer's own files such as the bring-up guide) directly under the
   * root; returns the relative paths written.
   */
  List<String> write(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> topLevel) throws IOException {
    return apply(rendered, topLevel).rendered();
  }

  /**
   * What {@link #write(Map, SortedMap)} would do, file by file, without changing anything: not even
   * an interrupted earlier write is finished (the plan says so). A folder in the way throws as the
   * write would; files the user changed do not throw, the plan names them.
   */
  RenderPlan plan(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> topLevel) throws IOException {
    SortedMap<String, byte[]> next = collect(rendered, topLevel);
    checkBase();
    boolean interrupted = Files.exists(Journal.staging(tree), LinkOption.NOFOLLOW_LINKS);
    return planned(rendered, next, topLevel.isEmpty()).plan(interrupted);
  }

  /** Like {@link #write(Map, SortedMap)}, and returns what it did, file by file. */
  RenderPlan apply(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> topLevel) throws IOException {
    SortedMap<String, byte[]> next = collect(rendered, topLevel);
    Path base = tree.base();
    checkBase();
    if (Files.isDirectory(base)) {
      recover();
      Set<String> everything = new TreeSet<>(readManifest().keySet());
      everything.addAll(next.keySet());
      tree.deleteOldTemporaryFiles(everything);
    }
    Planned planned = planned(rendered, next, topLevel.isEmpty());
    if (!planned.changed().isEmpty() && !force) {
      throw new ChangedFilesException(planned.changed());
    }
    List<Journal.Put> puts = planned.puts();
    List<Journal.Delete> deletes = planned.deletes();
    if (puts.isEmpty() && deletes.isEmpty()) {
      return planned.plan(false);
    }

    // Every folder a file moves into or leaves must be writable, or the journal would stop halfway.
    java.util.Set<Path> writable = new java.util.HashSet<>();
    for (Journal.Put put : puts) {
      tree.checkWritable(put.path(), writable);
    }
    for (Journal.Delete delete : deletes) {
      tree.checkWritable(delete.path(), writable);
    }
    Files.createDirectories(base);
    Path staging = Journal.staging(tree);
    Files.createDirectory(staging); // recover() removed any earlier one
    // The manifest is moved last, so the journal lists it last.
    puts.sort((a, b) -> Boolean.compare(a.path().equals(MANIFEST), b.path().equals(MANIFEST)));
    Journal journal = new Journal(deletes, puts);
    try {
      List<Stager.File> staged = new ArrayList<>(puts.size());
      for (Journal.Put put : puts) {
        // Only a file that was there has permissions to keep: no need to look for the others.
        Path replaced = put.before().equals(OutputTree.NOTHING) ? null : tree.real(put.path());
        staged.add(new Stager.File(Journal.staged(staging, put.path()), planned.targets().get(put.path()), replaced));
      }
      new Stager(staging).stage(staged);
      for (Journal.Put put : puts) {
        steps.done("stage " + put.path());
      }
      journal.commit(staging);
    } catch (IOException | RuntimeException e) {
      // Not committed: the tree is untouched, and the staged bytes go (a kill leaves them to the next write).
      try {
        OutputTree.deleteTree(staging, false);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    steps.done("commit");
    journal.apply(tree, staging, force, steps);
    return planned.plan(false);
  }

  private void checkBase() throws IOException {
    Path base = tree.base();
    if (Files.exists(base) && !Files.isDirectory(base)) {
      throw new FileSystemException(tree.shownRoot(), null, "exists and is not a directory");
    }
  }

  /** Every change of a write, planned and checked while nothing is changed yet. */
  private record Planned(SortedMap<String, byte[]> targets, List<Journal.Delete> deletes, List<Journal.Put> puts,
      SortedMap<String, ChangedFilesException.Reason> changed, List<RenderPlan.File> files, List<String> groups) {
    RenderPlan plan(boolean interrupted) {
      return new RenderPlan(files, groups, interrupted);
    }
  }

  private Planned planned(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> next, boolean noTopLevel)
      throws IOException {
    // path -> sha256, or null when an older manifest recorded no hash (never deleted).
    SortedMap<String, String> previous = readManifest();
    SortedMap<String, String> after = new TreeMap<>();
    List<Journal.Delete> deletes = new ArrayList<>();
    Set<String> goingAway = new TreeSet<>();
    List<RenderPlan.File> files = new ArrayList<>();
    for (Map.Entry<String, String> old : previous.entrySet()) {
      String path = old.getKey();
      if (!rendered.containsKey(firstSegment(path))) {
        after.put(path, old.getValue()); // another backend's file (or top-level one): carried over untouched
      } else if (!next.containsKey(path) && old.getValue() != null && tree.isPlainRelative(path)) {
        deletes.add(new Journal.Delete(path, old.getValue()));
        if (old.getValue().equals(tree.fingerprint(path))) {
          goingAway.add(path);
          files.add(new RenderPlan.File(path, RenderPlan.Change.REMOVED, tree.read(path), Optional.empty(), Optional.empty()));
        }
      }
    }
    next.forEach((path, bytes) -> after.put(path, OutputTree.sha256(bytes)));
    SortedMap<String, byte[]> targets = new TreeMap<>(next);
    targets.put(MANIFEST, manifest(after));

    // Plan and check everything before the first change.
    List<Journal.Put> puts = new ArrayList<>();
    SortedMap<String, ChangedFilesException.Reason> changed = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : targets.entrySet()) {
      String path = file.getKey();
      // each file's hash is in the manifest already (hashing is a tenth of a large render's CPU)
      String hash = path.equals(MANIFEST) ? OutputTree.sha256(file.getValue()) : after.get(path);
      tree.checkFolders(path, goingAway);
      String now = tree.fingerprint(path);
      Optional<byte[]> bytes = Optional.of(file.getValue());
      if (now.equals(hash)) {
        if (!path.equals(MANIFEST)) {
          files.add(new RenderPlan.File(path, RenderPlan.Change.UNCHANGED, Optional.empty(), bytes, Optional.empty()));
        }
        continue; // unchanged: not rewritten
      }
      Optional<ChangedFilesException.Reason> reason = Optional.empty();
      if (now.equals(OutputTree.FOLDER)) {
        tree.checkFolderInTheWay(path, goingAway);
      } else if (!now.equals(OutputTree.NOTHING) && !path.equals(MANIFEST) && !now.equals(previous.get(path))) {
        reason = Optional.of(previous.containsKey(path)
            ? ChangedFilesException.Reason.CHANGED : ChangedFilesException.Reason.NOT_OURS);
        changed.put(tree.shown(path), reason.get());
      }
      puts.add(new Journal.Put(path, now, hash));
      if (!path.equals(MANIFEST)) {
        RenderPlan.Change change = now.equals(OutputTree.NOTHING) ? RenderPlan.Change.ADDED : RenderPlan.Change.CHANGED;
        files.add(new RenderPlan.File(path, change, tree.read(path), bytes, reason));
      }
    }
    List<String> groups = new ArrayList<>(rendered.keySet());
    if (!noTopLevel) {
      groups.add(RenderPlan.TOP_LEVEL);
    }
    return new Planned(targets, deletes, puts, changed, files, groups);
  }

  /**
   * Finishes a write that was interrupted after its commit, or discards one interrupted before it
   * (see the class comment). Every write does this first.
   */
  void recover() throws IOException {
    Path staging = Journal.staging(tree);
    if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(staging); // the name is the renderer's; a link is removed, never followed
      return;
    }
    Journal journal = Journal.read(staging);
    if (journal != null) {
      journal.apply(tree, staging, force, steps);
    }
    OutputTree.deleteTree(staging, false);
  }

  private SortedMap<String, byte[]> collect(Map<String, RenderedFiles> rendered, SortedMap<String, byte[]> topLevel)
      throws IOException {
    SortedMap<String, byte[]> next = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : topLevel.entrySet()) {
      String name = file.getKey();
      if (name.contains("/") || rendered.containsKey(name) || name.equals(MANIFEST) || name.startsWith(".homelab-")) {
        throw new IOException("refusing to write '" + name + "' at the top of " + tree.shownRoot()
            + ": top-level files are plain file names that are no backend's folder and not the renderer's own");
      }
      tree.inside(name);
      next.put(name, file.getValue());
    }
    for (Map.Entry<String, RenderedFiles> backend : rendered.entrySet()) {
      for (Map.Entry<String, byte[]> file : backend.getValue().files().entrySet()) {
        String path = backend.getKey() + "/" + file.getKey();
        tree.inside(path);
        next.put(path, file.getValue());
      }
    }
    return next;
  }

  private static String firstSegment(String relative) {
    int slash = relative.indexOf('/');
    return slash < 0 ? relative : relative.substring(0, slash);
  }

  private SortedMap<String, String> readManifest() throws IOException {
    Path manifest = tree.base().resolve(MANIFEST);
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

  private static byte[] manifest(SortedMap<String, String> entries) {
    StringBuilder text = new StringBuilder();
    entries.forEach((path, hash) -> text.append(hash == null ? path : hash + "  " + path).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
