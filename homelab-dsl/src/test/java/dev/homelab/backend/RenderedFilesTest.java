package dev.homelab.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderedFilesTest {
  @Test
  void should_print_its_paths_and_sizes_sorted() {
    RenderedFiles files = RenderedFiles.builder().add("k8s/b.yaml", "bb").add("k8s/a.yaml", "").build();

    assertThat(files).hasToString("2 files\nk8s/a.yaml (0 B)\nk8s/b.yaml (2 B)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/k8s/a.yaml", "k8s/", "k8s//a.yaml", "../etc/passwd", "k8s/..", "a..b", "k8s/a b.yaml",
      "k8s\\a.yaml", "k8s/ä.yaml", "k8s/a.yaml\n"})
  void should_refuse_a_path_that_could_leave_the_output_folder_or_is_not_portable(String path) {
    assertThatThrownBy(() -> RenderedFiles.builder().add(path, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsafe output path: " + path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "k8s/apps/nextcloud/deployment-nextcloud.yaml", ".homelab/x", "a-b_c.D/9"})
  void should_take_relative_paths_of_portable_names(String path) {
    assertThat(RenderedFiles.builder().add(path, "x").build().files()).containsOnlyKeys(path);
  }

  /** The loop accepts exactly what the grammar in its javadoc, written as a regular expression, accepts. */
  @Property(tries = 3000)
  void should_judge_paths_as_the_grammar_does(@ForAll("paths") String path) {
    boolean grammar = Pattern.matches("([A-Za-z0-9._-]+/)*[A-Za-z0-9._-]+", path) && !path.contains("..");

    assertThat(RenderedFiles.Builder.isSafe(path)).as(path).isEqualTo(grammar);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("aZ09._-/ \\\nä").ofMaxLength(12);
  }
}
