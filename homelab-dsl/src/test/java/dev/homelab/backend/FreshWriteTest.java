package dev.homelab.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh write moves whole folders into place, and stages many files at once, with the same result. */
class FreshWriteTest {
  @TempDir Path out;

  private static Map<String, RenderedFiles> apps(int count) {
    RenderedFiles.Builder b = RenderedFiles.builder();
    for (int i = 0; i < count; i++) {
      b.add("apps/app" + i + "/deployment.yaml", "name: app" + i + "\n");
    }
    return Map.of("k8s", b.build());
  }

  @Test
  void should_move_a_fresh_backend_folder_into_place_in_one_step_not_file_by_file() throws IOException {
    List<String> steps = new ArrayList<>();

    new OutputWriter(out, false, steps::add).write(apps(3));

    assertThat(steps).contains("put folder k8s");
    assertThat(Files.readString(out.resolve("k8s/apps/app2/deployment.yaml"))).isEqualTo("name: app2\n");
    assertThat(out.resolve(".homelab-staging")).doesNotExist();
  }

  @Test
  void should_move_only_the_new_app_folder_when_the_backend_folder_exists() throws IOException {
    new OutputWriter(out).write(apps(2));
    List<String> steps = new ArrayList<>();

    new OutputWriter(out, false, steps::add).write(apps(3));

    assertThat(steps).filteredOn(s -> s.startsWith("put folder")).containsExactly("put folder k8s/apps/app2");
  }

  @Test
  void should_stage_hundreds_of_files_in_parallel_with_every_byte_and_permission_in_place() throws IOException {
    new OutputWriter(out).write(apps(500));

    for (int i = 0; i < 500; i++) {
      Path file = out.resolve("k8s/apps/app" + i + "/deployment.yaml");
      assertThat(file).hasContent("name: app" + i);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }
    assertThat(Files.readString(out.resolve(".homelab-files")).lines()).hasSize(500);
  }

  /** Writes {@code args[1]} apps into {@code args[0]}: run by the test below in a JVM started under umask 077. */
  public static void main(String[] args) throws IOException {
    new OutputWriter(Path.of(args[0])).write(apps(Integer.parseInt(args[1])));
  }

  @Test
  void should_make_new_files_rw_r__r__even_under_a_umask_that_takes_bits_off() throws Exception {
    String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int count : new int[] {3, 100}) {
      Path dir = Files.createDirectories(out.resolve("umask-" + count));
      Process run = new ProcessBuilder("sh", "-c", "umask 077 && exec \"$0\" -cp \"$1\" " + FreshWriteTest.class.getName()
          + " \"$2\" \"$3\"", launcher, System.getProperty("java.class.path"), dir.toString(), String.valueOf(count))
          .redirectErrorStream(true).start();
      String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(run.waitFor()).as(output).isZero();
      for (int i = 0; i < count; i++) {
        Path file = dir.resolve("k8s/apps/app" + i + "/deployment.yaml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-r--r--");
      }
    }
  }
}
