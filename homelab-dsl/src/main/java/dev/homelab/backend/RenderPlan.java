package dev.homelab.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a render does to an output directory, file by file, as {@link OutputWriter} plans it from
 * its manifest: which rendered files are added, changed or unchanged, and which files it wrote
 * earlier are removed. {@code render} reports it after writing; {@code diff} prints it instead of
 * writing. The manifest itself ({@code .homelab-files}) is bookkeeping and not listed.
 */
public final class RenderPlan {
  /** What happens to one file. */
  public enum Change {
    /** Rendered now, absent before. */
    ADDED("added"),
    /** Rendered now with other bytes than on disk. */
    CHANGED("changed"),
    /** Written by an earlier render, not rendered now: deleted. */
    REMOVED("removed"),
    /** Rendered now with the bytes already on disk: not rewritten. */
    UNCHANGED("unchanged");

    private final String word;

    Change(String word) {
      this.word = word;
    }

    /** The word shown in summaries: {@code added}. */
    public String word() {
      return word;
    }
  }

  /**
   * One file: its path relative to the output directory, what happens to it, its bytes before (a
   * regular file that is changed or removed) and after (a rendered file), and, for a changed file
   * that is the user's, why render stops unless forced.
   */
  public record File(String path, Change change, Optional<byte[]> before, Optional<byte[]> after,
      Optional<ChangedFilesException.Reason> usersFile) {
    /** The group the file belongs to: its backend's folder, or {@link #TOP_LEVEL}. */
    public String group() {
      int slash = path.indexOf('/');
      return slash < 0 ? TOP_LEVEL : path.substring(0, slash);
    }
  }

  /** The group of the renderer's own files at the top of the output directory (the bring-up guide). */
  public static final String TOP_LEVEL = "(top level)";

  private final List<File> files;
  private final List<String> groups;
  private final boolean interrupted;

  RenderPlan(List<File> files, List<String> groups, boolean interrupted) {
    List<File> sorted = new ArrayList<>(files);
    sorted.sort((a, b) -> a.path().compareTo(b.path()));
    this.files = List.copyOf(sorted);
    this.groups = List.copyOf(groups);
    this.interrupted = interrupted;
  }

  /** Every file the render touches or keeps, sorted by path. */
  public List<File> files() {
    return files;
  }

  /** The files that are added, changed or removed, sorted by path. */
  public List<File> changes() {
    return files.stream().filter(f -> f.change() != Change.UNCHANGED).toList();
  }

  /** True when the render changes nothing. */
  public boolean isEmpty() {
    return files.stream().allMatch(f -> f.change() == Change.UNCHANGED);
  }

  /** The paths of the rendered files (added, changed, unchanged), sorted. */
  public List<String> rendered() {
    return files.stream().filter(f -> f.change() != Change.REMOVED).map(File::path).toList();
  }

  /**
   * True when a write into this directory was interrupted and not yet finished: the next render
   * finishes (or drops) it first, so the tree on disk is not yet the one this plan compares with.
   */
  public boolean interrupted() {
    return interrupted;
  }

  /**
   * Per group (the rendered backends in render order, then {@link #TOP_LEVEL}), how many files each
   * change counts; every change is present, zero included.
   */
  public Map<String, Map<Change, Integer>> summary() {
    Map<String, Map<Change, Integer>> summary = new LinkedHashMap<>();
    groups.forEach(group -> summary.put(group, zeros()));
    files.forEach(file -> summary.computeIfAbsent(file.group(), g -> zeros()).merge(file.change(), 1, Integer::sum));
    summary.replaceAll((group, counts) -> Collections.unmodifiableMap(counts));
    return Collections.unmodifiableMap(summary);
  }

  private static Map<Change, Integer> zeros() {
    Map<Change, Integer> counts = new EnumMap<>(Change.class);
    for (Change change : Change.values()) {
      counts.put(change, 0);
    }
    return counts;
  }

  /** The files that render would refuse to overwrite without {@code --force}, and why. */
  public SortedMap<String, ChangedFilesException.Reason> usersFiles() {
    SortedMap<String, ChangedFilesException.Reason> out = new TreeMap<>();
    files.forEach(f -> f.usersFile().ifPresent(r -> out.put(f.path(), r)));
    return out;
  }
}
