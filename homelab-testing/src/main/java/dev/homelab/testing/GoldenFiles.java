package dev.homelab.testing;

import dev.homelab.backend.RenderedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares rendered files with committed golden files, byte for byte and file for file, and fails
 * with a readable line diff of the first file that differs.
 *
 * <p><b>Update switch:</b> run the tests with the system property {@code golden.update=true}
 * (Maven: {@code mvn verify -Dgolden.update=true}; Surefire 3.x passes {@code -D} properties of the
 * command line on to the forked test JVM, nothing to configure) and the golden directory is
 * rewritten from the render instead; review the change with {@code git diff} and commit it.
 *
 * <pre>{@code
 * GoldenFiles.assertMatches(Path.of("src/test/resources/golden/my-lab"), LabRender.of(MyLab.lab()));
 * }</pre>
 */
public final class GoldenFiles {
  /** The system property that switches from comparing to rewriting. */
  public static final String UPDATE_PROPERTY = "golden.update";

  private static final int CONTEXT = 3;

  private GoldenFiles() {}

  /**
   * Asserts that every backend's files equal the golden directory's {@code <backend>/...} files.
   *
   * @param dir the golden directory, e.g. {@code src/test/resources/golden/my-lab}
   * @param render the render to compare
   */
  public static void assertMatches(Path dir, LabRender render) {
    SortedMap<String, byte[]> all = new TreeMap<>();
    render.byBackend().forEach((backend, files) -> files.files().forEach((p, b) -> all.put(backend + "/" + p, b)));
    assertMatches(dir, all);
  }

  /**
   * Asserts that one backend's files equal the golden directory's files.
   *
   * @param dir the golden directory
   * @param files the rendered files
   */
  public static void assertMatches(Path dir, RenderedFiles files) {
    assertMatches(dir, files.files());
  }

  /**
   * Asserts that {@code files} (relative path to bytes) equal the files under {@code dir}; with
   * {@code -Dgolden.update=true}, rewrites {@code dir} instead.
   *
   * @param dir the golden directory
   * @param files relative {@code /}-separated paths to content
   * @throws AssertionError naming the missing, extra or different files, with a line diff
   */
  public static void assertMatches(Path dir, Map<String, byte[]> files) {
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        rewrite(dir, files);
        return;
      }
      if (!Files.isDirectory(dir)) {
        throw new AssertionError("golden directory " + dir + " is missing; run the tests with -D" + UPDATE_PROPERTY
            + "=true to write it, then review it with git diff");
      }
      TreeSet<String> expected = list(dir);
      TreeSet<String> missing = new TreeSet<>(expected);
      missing.removeAll(files.keySet());
      TreeSet<String> extra = new TreeSet<>(files.keySet());
      extra.removeAll(expected);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        throw new AssertionError("rendered files differ from golden " + dir + "\n  not rendered any more: " + missing
            + "\n  new: " + extra + "\n(update with -D" + UPDATE_PROPERTY + "=true and review with git diff)");
      }
      for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
        byte[] want = Files.readAllBytes(dir.resolve(f.getKey()));
        if (!Arrays.equals(want, f.getValue())) {
          throw new AssertionError(f.getKey() + " differs from golden " + dir + " (update with -D" + UPDATE_PROPERTY
              + "=true and review with git diff)\n" + diff(want, f.getValue()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A readable diff: the lines around the first difference, {@code -} golden, {@code +} rendered.
   *
   * @param golden the golden bytes
   * @param rendered the rendered bytes
   * @return the diff, or a note on bytes that decode to the same text (encoding, BOM, line ends)
   */
  public static String diff(byte[] golden, byte[] rendered) {
    String[] want = new String(golden, StandardCharsets.UTF_8).split("\n", -1);
    String[] got = new String(rendered, StandardCharsets.UTF_8).split("\n", -1);
    int first = 0;
    while (first < want.length && first < got.length && want[first].equals(got[first])) {
      first++;
    }
    if (first == want.length && first == got.length) {
      return "the bytes differ but decode to the same text (encoding, BOM, invalid UTF-8)";
    }
    int endWant = want.length - 1;
    int endGot = got.length - 1;
    while (endWant >= first && endGot >= first && want[endWant].equals(got[endGot])) {
      endWant--;
      endGot--;
    }
    StringBuilder out = new StringBuilder("@@ line " + (first + 1) + " @@\n");
    for (int i = Math.max(0, first - CONTEXT); i < first; i++) {
      out.append("  ").append(want[i]).append('\n');
    }
    for (int i = first; i <= endWant; i++) {
      out.append("- ").append(want[i]).append('\n');
    }
    for (int i = first; i <= endGot; i++) {
      out.append("+ ").append(got[i]).append('\n');
    }
    for (int i = endWant + 1; i < Math.min(want.length, endWant + 1 + CONTEXT); i++) {
      out.append("  ").append(want[i]).append('\n');
    }
    return out.toString();
  }

  private static TreeSet<String> list(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void rewrite(Path dir, Map<String, byte[]> files) throws IOException {
    if (Files.isDirectory(dir)) {
      for (String old : list(dir)) {
        Files.delete(dir.resolve(old));
      }
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
  }
}
