package dev.homelab.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
  void should_change_nothing_when_a_folder_it_must_write_into_is_read_only() throws IOException {
    // root writes anywhere: the check can only be seen failing as another user
    org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "runs as root");
    new OutputWriter(out).write(Map.of("k8s", RenderedFiles.builder().add("a/one.yaml", "1\n").add("b/two.yaml", "2\n").build()));
    Path b = out.resolve("k8s/b");
    Files.setPosixFilePermissions(b, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> new OutputWriter(out).write(Map.of("k8s",
          RenderedFiles.builder().add("a/one.yaml", "1 changed\n").add("b/two.yaml", "2 changed\n").build())))
          .isInstanceOf(java.nio.file.AccessDeniedException.class)
          .hasMessage(out.resolve("k8s/b").toString());

      // not half old, half new: a/ sorts first and was not touched either
      assertThat(Files.readString(out.resolve("k8s/a/one.yaml"))).isEqualTo("1\n");
      assertThat(out.resolve(".homelab-staging")).doesNotExist();
    } finally {
      Files.setPosixFilePermissions(b, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
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
  void should_write_nothing_when_a_user_folder_is_where_a_rendered_file_goes() throws IOException {
    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));
    String manifest = Files.readString(out.resolve(".homelab-files"));
    Files.createDirectories(out.resolve("k8s/zz/keep"));
    Files.writeString(out.resolve("k8s/zz/keep/mine.txt"), "mine\n");

    assertThatThrownBy(() -> new OutputWriter(out, true).write(files("apps/b.yaml", "b\n", "zz/keep", "x\n")))
        .isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessage(out.resolve("k8s/zz/keep") + ": a folder holding files homelab render did not write is where a rendered file goes");

    assertThat(out.resolve("k8s/apps/b.yaml")).doesNotExist();
    assertThat(Files.readString(out.resolve("k8s/apps/a.yaml"))).isEqualTo("a\n");
    assertThat(Files.readString(out.resolve("k8s/zz/keep/mine.txt"))).isEqualTo("mine\n");
    assertThat(Files.readString(out.resolve(".homelab-files"))).isEqualTo(manifest);
    assertThat(out.resolve(".homelab-staging")).doesNotExist();
  }

  @Test
  void should_write_nothing_when_a_user_file_is_where_a_rendered_folder_goes() throws IOException {
    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));
    Files.writeString(out.resolve("k8s/zz"), "mine\n");

    assertThatThrownBy(() -> new OutputWriter(out, true).write(files("apps/a.yaml", "a2\n", "zz/b.yaml", "b\n")))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class)
        .hasMessage(out.resolve("k8s/zz") + ": a file is in the way of a folder");

    assertThat(Files.readString(out.resolve("k8s/apps/a.yaml"))).isEqualTo("a\n");
    assertThat(Files.readString(out.resolve("k8s/zz"))).isEqualTo("mine\n");
  }

  @Test
  void should_refuse_to_overwrite_files_the_user_changed_or_did_not_let_it_write_and_write_nothing() throws IOException {
    new OutputWriter(out).write(files("a.yaml", "a\n", "b.yaml", "b\n", "c.yaml", "c\n"));
    Files.writeString(out.resolve("k8s/b.yaml"), "my edit\n");
    Files.writeString(out.resolve("k8s/new.yaml"), "my own file\n");
    String manifest = Files.readString(out.resolve(".homelab-files"));

    assertThatThrownBy(() -> new OutputWriter(out).write(files("a.yaml", "a2\n", "b.yaml", "b2\n", "new.yaml", "n\n")))
        .isInstanceOf(ChangedFilesException.class)
        .hasMessage("2 files would be overwritten; nothing was written:\n"
            + "  " + out.resolve("k8s/b.yaml") + " (changed since the last render)\n"
            + "  " + out.resolve("k8s/new.yaml") + " (not written by homelab render)");

    assertThat(Files.readString(out.resolve("k8s/a.yaml"))).isEqualTo("a\n");
    assertThat(Files.readString(out.resolve("k8s/b.yaml"))).isEqualTo("my edit\n");
    assertThat(Files.readString(out.resolve("k8s/c.yaml"))).as("a stale file stays too").isEqualTo("c\n");
    assertThat(Files.readString(out.resolve("k8s/new.yaml"))).isEqualTo("my own file\n");
    assertThat(Files.readString(out.resolve(".homelab-files"))).isEqualTo(manifest);
  }

  @Test
  void should_overwrite_files_the_user_changed_when_forced() throws IOException {
    new OutputWriter(out).write(files("a.yaml", "a\n", "b.yaml", "b\n"));
    Files.writeString(out.resolve("k8s/b.yaml"), "my edit\n");
    Files.writeString(out.resolve("k8s/new.yaml"), "my own file\n");

    new OutputWriter(out, true).write(files("a.yaml", "a\n", "b.yaml", "b2\n", "new.yaml", "n\n"));

    assertThat(Files.readString(out.resolve("k8s/b.yaml"))).isEqualTo("b2\n");
    assertThat(Files.readString(out.resolve("k8s/new.yaml"))).isEqualTo("n\n");
    // and from now on they are the renderer's
    new OutputWriter(out).write(files("a.yaml", "a\n"));
    assertThat(out.resolve("k8s/b.yaml")).doesNotExist();
    assertThat(out.resolve("k8s/new.yaml")).doesNotExist();
  }

  @Test
  void should_write_a_file_the_user_already_has_with_the_same_bytes_without_asking() throws IOException {
    Files.createDirectories(out.resolve("k8s"));
    Files.writeString(out.resolve("k8s/a.yaml"), "a\n");

    new OutputWriter(out).write(files("a.yaml", "a\n"));

    assertThat(Files.readString(out.resolve(".homelab-files"))).contains("k8s/a.yaml");
  }

  @Test
  void should_remove_the_temporary_files_a_killed_render_left() throws IOException {
    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));
    Files.writeString(out.resolve("k8s/apps/.homelab-8141592653589793238.tmp"), "half");
    Files.writeString(out.resolve(".homelab-12.tmp"), "half");
    Files.createDirectories(out.resolve(".homelab-staging/files/k8s"));
    Files.writeString(out.resolve(".homelab-staging/files/k8s/a.yaml"), "staged, never committed");
    Files.writeString(out.resolve("k8s/apps/.homelab-mine.tmp"), "not a name the renderer makes\n");

    new OutputWriter(out).write(files("apps/a.yaml", "a\n"));

    assertThat(snapshot(out)).isEqualTo(Map.of(
        ".homelab-files", sha256Unchecked("a\n") + "  k8s/apps/a.yaml\n",
        "k8s/apps/a.yaml", "a\n",
        "k8s/apps/.homelab-mine.tmp", "not a name the renderer makes\n"));
  }

  /** Thrown by the step hook: like a kill, it skips every catch block of the writer. */
  private static final class Crash extends Error {
    Crash() {
      super("simulated crash", null, false, false);
    }
  }

  private static Journal.Steps crashAt(int n, List<String> seen) {
    return step -> {
      seen.add(step);
      if (seen.size() == n) {
        throw new Crash();
      }
    };
  }

  private static void oldRender(Path root) throws IOException {
    new OutputWriter(root).write(Map.of(
            "k8s", RenderedFiles.builder().add("apps/a.yaml", "a1\n").add("apps/b.yaml", "b\n")
                .add("apps/c", "c is a file\n").add("same.yaml", "s\n").build(),
            "ansible", RenderedFiles.builder().add("site.yml", "site\n").build()),
        new TreeMap<>(Map.of("README.md", "guide 1\n".getBytes(StandardCharsets.UTF_8))));
    Files.writeString(root.resolve("k8s/apps/mine.yaml"), "user file\n");
    Files.writeString(root.resolve("notes.txt"), "user notes\n");
  }

  private static List<String> newRender(Path root, boolean force, Journal.Steps steps) throws IOException {
    return new OutputWriter(root, force, steps).write(Map.of(
            "k8s", RenderedFiles.builder().add("apps/a.yaml", "a2\n").add("apps/c/d.yaml", "c is a folder\n")
                .add("apps/new.yaml", "new\n").add("same.yaml", "s\n").build()),
        new TreeMap<>(Map.of("README.md", "guide 2\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void should_leave_the_whole_old_or_the_whole_new_tree_after_a_crash_at_any_step_and_the_next_recovery() throws IOException {
    Path oldDir = out.resolve("old");
    oldRender(oldDir);
    Map<String, String> oldTree = snapshot(oldDir);
    Path newDir = out.resolve("new");
    oldRender(newDir);
    List<String> steps = new ArrayList<>();
    newRender(newDir, false, steps::add);
    Map<String, String> newTree = snapshot(newDir);
    assertThat(newTree).isNotEqualTo(oldTree).containsEntry("k8s/apps/mine.yaml", "user file\n")
        .containsEntry("ansible/site.yml", "site\n").doesNotContainKey("k8s/apps/b.yaml");
    int commit = steps.indexOf("commit") + 1;
    assertThat(commit).isGreaterThan(1).isLessThan(steps.size());

    for (int n = 1; n <= steps.size(); n++) {
      Path dir = out.resolve("crash-" + n);
      oldRender(dir);
      int crashAt = n;
      assertThatThrownBy(() -> newRender(dir, false, crashAt(crashAt, new ArrayList<>()))).isInstanceOf(Crash.class);

      new OutputWriter(dir).recover();

      assertThat(snapshot(dir)).as("crash after step %d (%s), then recovery", n, steps.get(n - 1))
          .isEqualTo(n < commit ? oldTree : newTree);
    }
  }

  @Test
  void should_finish_a_committed_write_even_when_its_recovery_crashes_too() throws IOException {
    Path newDir = out.resolve("new");
    oldRender(newDir);
    List<String> steps = new ArrayList<>();
    newRender(newDir, false, steps::add);
    Map<String, String> newTree = snapshot(newDir);

    for (int n = steps.indexOf("commit") + 1; n <= steps.size(); n++) {
      for (int m = 1; ; m++) {
        Path dir = out.resolve("crash-" + n + "-" + m);
        oldRender(dir);
        int crashAt = n;
        assertThatThrownBy(() -> newRender(dir, false, crashAt(crashAt, new ArrayList<>()))).isInstanceOf(Crash.class);
        List<String> recoverySteps = new ArrayList<>();
        boolean crashed;
        try {
          new OutputWriter(dir, false, crashAt(m, recoverySteps)).recover();
          crashed = false;
        } catch (Crash e) {
          crashed = true;
        }

        new OutputWriter(dir).recover();

        assertThat(snapshot(dir)).as("crash after step %d, then after recovery step %d", n, m).isEqualTo(newTree);
        if (!crashed) {
          break;
        }
      }
    }
  }

  @Test
  void should_leave_the_old_tree_and_no_staging_folder_when_staging_fails() throws IOException {
    oldRender(out);
    Map<String, String> oldTree = snapshot(out);

    assertThatThrownBy(() -> newRender(out, false, step -> {
      if (step.startsWith("stage ")) {
        throw new IOException("No space left on device");
      }
    })).isInstanceOf(IOException.class).hasMessage("No space left on device");

    assertThat(snapshot(out)).isEqualTo(oldTree);
  }

  @Test
  void should_finish_an_interrupted_write_in_the_next_write() throws IOException {
    oldRender(out);
    assertThatThrownBy(() -> newRender(out, false, step -> {
      if (step.equals("put k8s/apps/a.yaml")) {
        throw new Crash();
      }
    })).isInstanceOf(Crash.class);
    assertThat(out.resolve(".homelab-staging")).exists();

    newRender(out, false, Journal.Steps.NONE);

    assertThat(Files.readString(out.resolve("k8s/apps/a.yaml"))).isEqualTo("a2\n");
    assertThat(Files.readString(out.resolve("k8s/apps/c/d.yaml"))).isEqualTo("c is a folder\n");
    assertThat(out.resolve(".homelab-staging")).doesNotExist();
  }

  @Test
  void should_not_finish_an_interrupted_write_over_a_file_the_user_changed_since_unless_forced() throws IOException {
    oldRender(out);
    assertThatThrownBy(() -> newRender(out, false, step -> {
      if (step.equals("commit")) {
        throw new Crash();
      }
    })).isInstanceOf(Crash.class);
    Files.writeString(out.resolve("k8s/apps/a.yaml"), "edited after the crash\n");

    assertThatThrownBy(() -> new OutputWriter(out).recover())
        .isInstanceOf(ChangedFilesException.class)
        .hasMessage("1 file would be overwritten; nothing was written:\n"
            + "  " + out.resolve("k8s/apps/a.yaml") + " (changed since the last render)");
    assertThat(Files.readString(out.resolve("k8s/apps/a.yaml"))).isEqualTo("edited after the crash\n");
    assertThat(Files.readString(out.resolve("k8s/apps/b.yaml"))).isEqualTo("b\n");

    new OutputWriter(out, true).recover();
    assertThat(Files.readString(out.resolve("k8s/apps/a.yaml"))).isEqualTo("a2\n");
    assertThat(out.resolve(".homelab-staging")).doesNotExist();
  }

  /** Every file (and link) under {@code root} with its content, as a reader sees the tree. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
        String content = Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p) : Files.readString(p);
        files.put(root.relativize(p).toString(), content);
      }
    }
    return files;
  }

  private static String sha256Unchecked(String text) {
    try {
      return sha256(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
