package dev.homelab.backend;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files a backend produced: relative paths ({@code /}-separated) to bytes, sorted by path. */
public final class RenderedFiles {
  private final SortedMap<String, byte[]> files;

  private RenderedFiles(SortedMap<String, byte[]> files) {
    this.files = Collections.unmodifiableSortedMap(files);
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Path to content, sorted by path. */
  public SortedMap<String, byte[]> files() {
    return files;
  }

  /** The file at {@code path} as UTF-8 text; throws {@link IllegalArgumentException} when there is none. */
  public String text(String path) {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new IllegalArgumentException("no rendered file " + path + "; files: " + files.keySet());
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Every path with its size in bytes, one per line, e.g. {@code k8s/kustomization.yaml (312 B)}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(files.size() + " files");
    files.forEach((path, bytes) -> out.append('\n').append(path).append(" (").append(bytes.length).append(" B)"));
    return out.toString();
  }

  /** Collects files; a path may be added once. */
  public static final class Builder {
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    private Builder() {}

    /** Adds a UTF-8 text file at {@code path} ({@code /}-separated, relative, no {@code ..}). */
    public Builder add(String path, String content) {
      return put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a file at {@code path} ({@code /}-separated, relative, no {@code ..}); a path already added or an unsafe one throws. */
    public Builder add(String path, byte[] content) {
      return put(path, content.clone());
    }

    /** Takes {@code content} as it is: only for arrays nobody else holds (a copy costs a lab of 100,000 apps gigabytes). */
    private Builder put(String path, byte[] content) {
      if (!isSafe(path)) {
        throw new IllegalArgumentException("unsafe output path: " + path);
      }
      if (files.putIfAbsent(path, content) != null) {
        throw new IllegalStateException("two rendered files at " + path);
      }
      return this;
    }

    /**
     * Whether {@code path} is {@code /}-separated non-empty names of {@code A-Z a-z 0-9 . _ -},
     * without {@code ..} anywhere. A loop, not a regular expression: it runs once per rendered file,
     * and the expression was 4% of a warm render.
     */
    static boolean isSafe(String path) {
      if (path.isEmpty() || path.contains("..")) {
        return false;
      }
      char previous = '/';
      for (int i = 0; i < path.length(); i++) {
        char c = path.charAt(i);
        boolean nameChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '_' || c == '-';
        if (!nameChar && !(c == '/' && previous != '/')) {
          return false;
        }
        previous = c;
      }
      return previous != '/';
    }

    /** Adds every file of {@code more}, by the rules of {@link #add(String, byte[])}. */
    public Builder addAll(Map<String, byte[]> more) {
      more.forEach(this::add);
      return this;
    }

    /** The files added so far. */
    public RenderedFiles build() {
      return new RenderedFiles(new TreeMap<>(files));
    }
  }
}
