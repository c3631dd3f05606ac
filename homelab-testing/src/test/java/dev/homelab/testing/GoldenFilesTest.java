package dev.homelab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFilesTest {
  @TempDir Path dir;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void should_show_the_changed_lines_with_context() {
    assertThat(GoldenFiles.diff(utf8("a\nb\nc\nd\ne\n"), utf8("a\nb\nC\nd\ne\n")))
        .isEqualTo("@@ line 3 @@\n  a\n  b\n- c\n+ C\n  d\n  e\n  \n");
  }

  @Test
  void should_name_the_file_that_differs_and_how_to_update() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "replicas: 1\n");
    assertThatThrownBy(() -> GoldenFiles.assertMatches(dir, Map.of("a.yaml", utf8("replicas: 2\n"))))
        .hasMessageStartingWith("a.yaml differs from golden " + dir + " (update with -Dgolden.update=true and review with git diff)")
        .hasMessageContaining("- replicas: 1\n+ replicas: 2");
  }

  @Test
  void should_list_missing_and_new_files() throws Exception {
    Files.writeString(dir.resolve("old.yaml"), "x\n");
    assertThatThrownBy(() -> GoldenFiles.assertMatches(dir, Map.of("new.yaml", utf8("x\n"))))
        .hasMessageContaining("not rendered any more: [old.yaml]")
        .hasMessageContaining("new: [new.yaml]");
  }

  @Test
  void should_pass_on_equal_files() throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "x\n");
    GoldenFiles.assertMatches(dir, Map.of("a.yaml", utf8("x\n")));
  }
}
