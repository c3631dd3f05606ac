package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.RenderedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares rendered files with committed golden files under {@code src/test/resources/golden/<name>}.
 * With {@code -Dgolden.update=true} it rewrites them instead; review the result with {@code git diff}.
 */
public final class Golden {
  private Golden() {}

  /**
   * Asserts that two renders give the same paths and the same bytes. Golden files catch order
   * leaking across JVM runs; this catches state leaking between renders in one run.
   */
  public static void assertDeterministic(java.util.function.Supplier<RenderedFiles> render) {
    RenderedFiles first = render.get();
    RenderedFiles second = render.get();
    assertThat(second.files().keySet()).as("rendered paths").containsExactlyElementsOf(first.files().keySet());
    first.files().forEach((path, bytes) -> assertThat(second.files().get(path)).as(path).isEqualTo(bytes));
  }

  /** Asserts that {@code files} equal, byte for byte and file for file, the golden directory {@code name}. */
  public static void assertMatches(String name, RenderedFiles files) {
    assertMatches(Path.of("src/test/resources/golden").resolve(name), files);
  }

  /** As {@link #assertMatches(String, RenderedFiles)}, against the golden directory {@code dir}. */
  static void assertMatches(Path dir, RenderedFiles files) {
    try {
      if (Boolean.getBoolean("golden.update")) {
        rewrite(dir, files);
        return;
      }
      assertThat(Files.isDirectory(dir))
          .as("golden directory %s is missing; run mvn verify -Dgolden.update=true and review it", dir)
          .isTrue();
      Set<String> expected = list(dir);
      assertThat(files.files().keySet()).as("rendered files vs %s", dir).containsExactlyElementsOf(expected);
      for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
        byte[] want = Files.readAllBytes(dir.resolve(f.getKey()));
        if (Arrays.equals(want, f.getValue())) {
          continue;
        }
        // The bytes differ: compare the decoded text first for a readable diff. Decoding hides what
        // it cannot show (a BOM, invalid UTF-8 replaced by U+FFFD), so equal texts still fail below.
        assertThat(new String(f.getValue(), StandardCharsets.UTF_8))
            .as("%s differs from golden %s (update with -Dgolden.update=true)", f.getKey(), dir)
            .isEqualTo(new String(want, StandardCharsets.UTF_8));
        assertThat(f.getValue())
            .as("%s differs from golden %s in bytes that decode to the same text (encoding, BOM, invalid UTF-8)", f.getKey(), dir)
            .isEqualTo(want);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> list(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static void rewrite(Path dir, RenderedFiles files) throws IOException {
    if (Files.isDirectory(dir)) {
      for (String old : list(dir)) {
        Files.delete(dir.resolve(old));
      }
    }
    for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
      Path target = dir.resolve(f.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, f.getValue());
    }
  }
}
