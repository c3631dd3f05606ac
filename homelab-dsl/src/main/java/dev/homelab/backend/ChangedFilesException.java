package dev.homelab.backend;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A render would overwrite files the user changed since the last render, or files the renderer did
 * not write; nothing was written. {@link OutputWriter} throws it unless asked to overwrite them.
 */
public final class ChangedFilesException extends IOException {
  /** Why a file counts as the user's. */
  public enum Reason {
    /** The file holds something else than the last render wrote there. */
    CHANGED("changed since the last render"),
    /** The file exists but the renderer never wrote it. */
    NOT_OURS("not written by homelab render");

    private final String text;

    Reason(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final SortedMap<String, Reason> files;

  ChangedFilesException(SortedMap<String, Reason> files) {
    super(describe(files));
    this.files = new TreeMap<>(files);
  }

  /** The files (as the output directory was given, e.g. {@code out/k8s/a.yaml}) and why each is the user's. */
  public SortedMap<String, Reason> files() {
    return new TreeMap<>(files);
  }

  /** One line per file: {@code   out/k8s/a.yaml (changed since the last render)}. */
  public List<String> lines() {
    return files.entrySet().stream().map(f -> "  " + f.getKey() + " (" + f.getValue() + ")").toList();
  }

  private static String describe(SortedMap<String, Reason> files) {
    StringBuilder text = new StringBuilder(files.size() == 1 ? "1 file" : files.size() + " files")
        .append(" would be overwritten; nothing was written:");
    files.forEach((path, reason) -> text.append("\n  ").append(path).append(" (").append(reason).append(')'));
    return text.toString();
  }
}
