package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homelab.backend.RenderedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTest {
  @TempDir Path dir;

  private void golden(String path, byte[] content) throws IOException {
    Files.write(dir.resolve(path), content);
  }

  @org.junit.jupiter.api.BeforeEach
  void compare_mode_only() {
    // With -Dgolden.update=true the helper rewrites instead of comparing; these tests check comparing.
    org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("golden.update"));
  }

  @Test
  void should_accept_identical_bytes() throws IOException {
    golden("a.yaml", "key: value\n".getBytes(StandardCharsets.UTF_8));
    assertThatCode(() -> Golden.assertMatches(dir, RenderedFiles.builder().add("a.yaml", "key: value\n").build()))
        .doesNotThrowAnyException();
  }

  @Test
  void should_show_a_text_diff_when_the_text_differs() throws IOException {
    golden("a.yaml", "key: value\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> Golden.assertMatches(dir, RenderedFiles.builder().add("a.yaml", "key: other\n").build()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("key: other").hasMessageContaining("a.yaml differs from golden");
  }

  @Test
  void should_reject_bytes_that_decode_to_the_same_text() throws IOException {
    // Two different invalid UTF-8 bytes both decode to U+FFFD: equal strings, different files.
    golden("a.bin", new byte[] {'x', (byte) 0xFF});
    assertThatThrownBy(() -> Golden.assertMatches(dir, RenderedFiles.builder().add("a.bin", new byte[] {'x', (byte) 0xFE}).build()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("bytes that decode to the same text");
  }
}
