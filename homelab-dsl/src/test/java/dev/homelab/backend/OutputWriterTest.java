package dev.homelab.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {
  @TempDir Path out;

  private static Map<String, RenderedFiles> files(String... pathsAndContents) {
    RenderedFiles.Builder b = RenderedFiles.builder();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      b.add(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return Map.of("k8s", b.build());
  }

  @Test
  void should_write_files_under_the_backend_folder() throws IOException {
    new OutputWriter(out).write(files("apps/a.yaml", "a: 1\n"));

    assertThat(Files.readString(out.resolve("k8s/apps/a.yaml"))).isEqualTo("a: 1\n");
  }

  @Test
  void should_remove_files_it_wrote_before_and_no_longer_renders() throws IOException {
    new OutputWriter(out).write(files("apps/a.yaml", "a\n", "apps/b.yaml", "b\n"));

    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));

    assertThat(out.resolve("k8s/apps/b.yaml")).doesNotExist();
    assertThat(out.resolve("k8s/apps/a.yaml")).exists();
  }

  @Test
  void should_never_delete_a_file_it_did_not_write() throws IOException {
    Files.createDirectories(out.resolve("k8s/apps"));
    Files.writeString(out.resolve("k8s/apps/mine.yaml"), "user file\n");
    Files.writeString(out.resolve("notes.txt"), "keep me\n");

    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));
    new OutputWriter(out).write(files("other/c.yaml", "c\n"));

    assertThat(Files.readString(out.resolve("k8s/apps/mine.yaml"))).isEqualTo("user file\n");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me\n");
    assertThat(out.resolve("k8s/apps/a.yaml")).doesNotExist();
  }

  @Test
  void should_keep_the_files_of_backends_not_written_this_time() throws IOException {
    new OutputWriter(out).write(Map.of(
        "k8s", RenderedFiles.builder().add("apps/a.yaml", "a\n").build(),
        "ansible", RenderedFiles.builder().add("site.yml", "s\n").build()));

    new OutputWriter(out).write(files("apps/b.yaml", "b\n"));

    assertThat(Files.readString(out.resolve("ansible/site.yml"))).isEqualTo("s\n");
    assertThat(out.resolve("k8s/apps/a.yaml")).doesNotExist();
    // The ansible entry is still tracked: rendering ansible alone later removes what it no longer renders.
    new OutputWriter(out).write(Map.of("ansible", RenderedFiles.builder().add("other.yml", "o\n").build()));
    assertThat(out.resolve("ansible/site.yml")).doesNotExist();
    assertThat(Files.readString(out.resolve("k8s/apps/b.yaml"))).isEqualTo("b\n");
  }

  @Test
  void should_refuse_a_backend_name_that_is_not_a_plain_folder_name() {
    for (String name : new String[] {"", "..", "a/b", "/etc", "K8s", "-x"}) {
      Backend bad = new Backend() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public RenderedFiles render(dev.homelab.model.Lab lab) {
          return RenderedFiles.builder().build();
        }
      };
      assertThatThrownBy(() -> Renderer.using(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("backend " + bad.getClass().getName() + " is called '" + name
              + "', which is not a folder name like k8s. Return a name matching [a-z0-9][a-z0-9-]* from name()");
    }
  }

  @Test
  void should_refuse_to_write_outside_the_output_directory_whatever_the_backend_name() throws IOException {
    Path root = Files.createDirectories(out.resolve("root"));
    for (String name : new String[] {"..", ""}) {
      assertThatThrownBy(() -> new OutputWriter(root).write(Map.of(name, RenderedFiles.builder().add("x.txt", "x").build())))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("refusing to write or delete");
    }
    assertThat(out.resolve("x.txt")).doesNotExist();
  }

  @Test
  void should_refuse_an_output_path_that_is_a_file() throws IOException {
    Path file = Files.writeString(out.resolve("taken"), "x");

    assertThatThrownBy(() -> new OutputWriter(file).write(files("a.yaml", "a\n")))
        .isInstanceOf(IOException.class)
        .hasMessage(file + " exists and is not a directory");
  }

  @Test
  void should_refuse_paths_that_escape_the_output_directory() {
    assertThatThrownBy(() -> RenderedFiles.builder().add("../etc/passwd", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsafe output path: ../etc/passwd");
  }
}
