package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's DSL snippet compiling and valid: it must be ReadmeLab.java, word for word. */
class ReadmeLabTest {

  @Test
  void should_show_in_the_readme_exactly_the_class_that_compiles() throws IOException {
    String source = Files.readString(Path.of("src/main/java/dev/homelab/examples/ReadmeLab.java"));
    String readme = Files.readString(Path.of("../README.md"));

    assertThat(readme).contains(source.substring(source.indexOf("import static")));
  }

  @Test
  void should_give_the_readme_the_true_file_count_of_the_reference_render(@org.junit.jupiter.api.io.TempDir Path out)
      throws IOException {
    // what render --out writes: every backend's files and the top-level bring-up guide
    int files = dev.homelab.backend.Renderer.using(dev.homelab.cli.StandardBackends.all())
        .write(ReferenceHomelab.lab(), out).size();

    assertThat(Files.readString(Path.of("../README.md"))).contains("(" + files + " files for the reference lab)");
  }

  @Test
  void should_be_a_valid_lab() {
    assertThat(Validator.standard().problems(ReadmeLab.lab())).isEmpty();
  }
}
