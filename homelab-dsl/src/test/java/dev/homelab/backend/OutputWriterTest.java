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

  private static String sha256(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  void should_record_a_sorted_hash_per_path_in_the_manifest() throws Exception {
    new OutputWriter(out).write(files("b.yaml", "b\n", "a.yaml", "a\n"));

    assertThat(Files.readString(out.resolve(".homelab-files")))
        .isEqualTo(sha256("a\n") + "  k8s/a.yaml\n" + sha256("b\n") + "  k8s/b.yaml\n");
  }

  @Test
  void should_not_delete_what_an_edited_manifest_points_outside_the_output_directory() throws Exception {
    Path root = Files.createDirectories(out.resolve("root"));
    Path victim = Files.writeString(out.resolve("victim.txt"), "v\n");
    Files.writeString(root.resolve(".homelab-files"), sha256("v\n") + "  k8s/../../victim.txt\n"
        + sha256("v\n") + "  " + victim.toAbsolutePath() + "\n" + sha256("v\n") + "  ../victim.txt\n");

    new OutputWriter(root).write(files("a.yaml", "a\n"));

    assertThat(Files.readString(victim)).isEqualTo("v\n");
  }

  @Test
  void should_not_follow_a_symlinked_folder_out_of_the_output_directory_when_deleting() throws Exception {
    Path root = Files.createDirectories(out.resolve("root"));
    Path elsewhere = Files.createDirectories(out.resolve("elsewhere"));
    Path victim = Files.writeString(elsewhere.resolve("victim.txt"), "v\n");
    Files.createDirectories(root.resolve("k8s"));
    Files.createSymbolicLink(root.resolve("k8s/link"), elsewhere);
    Files.writeString(root.resolve(".homelab-files"), sha256("v\n") + "  k8s/link/victim.txt\n");

    new OutputWriter(root).write(files("a.yaml", "a\n"));

    assertThat(Files.readString(victim)).isEqualTo("v\n");
    assertThat(Files.readString(root.resolve(".homelab-files"))).doesNotContain("victim");
  }

  @Test
  void should_keep_and_forget_a_stale_file_the_user_changed_since_the_last_render() throws IOException {
    new OutputWriter(out).write(files("a.yaml", "a\n", "b.yaml", "b\n"));
    Files.writeString(out.resolve("k8s/b.yaml"), "my edit\n");

    new OutputWriter(out).write(files("a.yaml", "a\n"));

    assertThat(Files.readString(out.resolve("k8s/b.yaml"))).isEqualTo("my edit\n");
    assertThat(Files.readString(out.resolve(".homelab-files"))).doesNotContain("b.yaml");
  }

  @Test
  void should_not_delete_files_listed_by_an_old_manifest_without_hashes() throws IOException {
    Files.createDirectories(out.resolve("k8s"));
    Files.writeString(out.resolve("k8s/old.yaml"), "old\n");
    Files.writeString(out.resolve(".homelab-files"), "k8s/old.yaml\n");

    new OutputWriter(out).write(files("a.yaml", "a\n"));

    assertThat(Files.readString(out.resolve("k8s/old.yaml"))).isEqualTo("old\n");
  }

  @Test
  void should_turn_a_file_into_a_folder_and_back() throws IOException {
    new OutputWriter(out).write(files("apps/a", "file\n"));

    new OutputWriter(out).write(files("apps/a/b.yaml", "b\n"));
    assertThat(Files.readString(out.resolve("k8s/apps/a/b.yaml"))).isEqualTo("b\n");

    new OutputWriter(out).write(files("apps/a", "file again\n"));
    assertThat(Files.readString(out.resolve("k8s/apps/a"))).isEqualTo("file again\n");
  }

  @Test
  void should_still_track_every_written_file_after_a_write_that_failed_half_way() throws IOException {
    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));
    // a user folder where a new file must go: the write fails after apps/b.yaml is written
    Files.createDirectories(out.resolve("k8s/zz/keep"));

    assertThatThrownBy(() -> new OutputWriter(out).write(files("apps/b.yaml", "b\n", "zz/keep", "x\n")))
        .isInstanceOf(IOException.class);

    assertThat(Files.readString(out.resolve(".homelab-files"))).contains("k8s/apps/b.yaml");
    Files.delete(out.resolve("k8s/zz/keep"));
    new OutputWriter(out).write(files("c.yaml", "c\n"));
    assertThat(out.resolve("k8s/apps/b.yaml")).doesNotExist();
    assertThat(out.resolve("k8s/apps/a.yaml")).doesNotExist();
  }

  @Test
  void should_give_written_files_rw_r_r_permissions() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(out).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));

    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));

    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out.resolve("k8s/apps/a.yaml")))).isEqualTo("rw-r--r--");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out.resolve(".homelab-files")))).isEqualTo("rw-r--r--");
  }

  @Test
  void should_keep_the_permissions_a_user_gave_a_file_it_replaces() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(out).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class));
    new OutputWriter(out).write(files("a.yaml", "a\n"));
    Files.setPosixFilePermissions(out.resolve("k8s/a.yaml"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));

    new OutputWriter(out).write(files("a.yaml", "changed\n"));

    assertThat(Files.readString(out.resolve("k8s/a.yaml"))).isEqualTo("changed\n");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(out.resolve("k8s/a.yaml")))).isEqualTo("rw-r-----");
  }

  @Test
  void should_not_rewrite_unchanged_files() throws IOException {
    new OutputWriter(out).write(files("a.yaml", "a\n"));
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out.resolve("k8s/a.yaml"), old);

    new OutputWriter(out).write(files("a.yaml", "a\n"));

    assertThat(Files.getLastModifiedTime(out.resolve("k8s/a.yaml"))).isEqualTo(old);
  }

  @Test
  void should_refuse_an_output_path_that_is_a_file() throws IOException {
    Path file = Files.writeString(out.resolve("taken"), "x");

    assertThatThrownBy(() -> new OutputWriter(file).write(files("a.yaml", "a\n")))
        .isInstanceOf(IOException.class)
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessage(file + ": exists and is not a directory");
  }

  @Test
  void should_refuse_paths_that_escape_the_output_directory() {
    assertThatThrownBy(() -> RenderedFiles.builder().add("../etc/passwd", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsafe output path: ../etc/passwd");
  }
}
