package dev.homelab.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderedFilesTest {
  @Test
  void should_print_its_paths_and_sizes_sorted() {
    RenderedFiles files = RenderedFiles.builder().add("k8s/b.yaml", "bb").add("k8s/a.yaml", "").build();

    assertThat(files).hasToString("2 files\nk8s/a.yaml (0 B)\nk8s/b.yaml (2 B)");
  }
}
