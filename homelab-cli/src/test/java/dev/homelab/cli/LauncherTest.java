package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.cli.init.Scaffold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script: what init writes as ./lab and the repository keeps as bin/homelab, one text. */
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void should_scaffold_an_executable_lab_launcher_for_the_lab_jar() throws IOException {
    Path dir = tmp.resolve("my-lab");
    new Scaffold("my-lab", "com.example.homelab").writeTo(dir);

    Path lab = dir.resolve(Scaffold.LAUNCHER);
    assertThat(lab).content().startsWith("#!/bin/sh\n").contains("jar=$root/target/lab.jar\n")
        .contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").contains("-XX:AOTCache=")
        .contains("-XX:ArchiveClassesAtExit=").doesNotContain("@@");
    assertThat(Files.getPosixFilePermissions(lab)).contains(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void should_keep_the_repository_launcher_the_same_script_as_the_scaffolded_one() throws IOException {
    // The module runs with its own folder as the working directory; the script is at the root.
    Path script = Path.of("..", "bin", "homelab");

    assertThat(script).content().isEqualTo(
        Scaffold.launcher("..", "homelab-cli/target/homelab.jar", "./mvnw -B -q -DskipTests package", "bin/homelab"));
    assertThat(Files.isExecutable(script)).isTrue();
  }

  @Test
  void should_run_the_jar_next_to_the_lab_launcher_from_any_working_directory() throws Exception {
    Path dir = tmp.resolve("my-lab").toAbsolutePath();
    new Scaffold("my-lab", "com.example.homelab").writeTo(dir);
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/lab.jar"), "a jar");

    Run fromElsewhere = sh(Files.createDirectories(tmp.resolve("elsewhere")), dir.resolve("lab").toString(), "--version");
    Run fromBelow = sh(dir.resolve("src"), "../lab", "render");

    assertThat(fromElsewhere.err()).isEmpty();
    assertThat(fromElsewhere.out()).isEqualTo("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + dir + "/target/lab.jar --version\n");
    assertThat(fromBelow.out()).isEqualTo("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + dir + "/target/lab.jar render\n");
  }

  @Test
  void should_run_the_repository_launcher_on_the_cli_jar_of_its_checkout_from_any_working_directory() throws Exception {
    Path checkout = tmp.resolve("homelab-dsl").toAbsolutePath();
    Files.createDirectories(checkout.resolve("bin"));
    Files.copy(Path.of("..", "bin", "homelab"), checkout.resolve("bin/homelab"));
    Files.createDirectories(checkout.resolve("homelab-cli/target"));
    Files.writeString(checkout.resolve("homelab-cli/target/homelab.jar"), "a jar");

    Run run = sh(checkout.resolve("bin"), "./homelab", "--version");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo(
        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + checkout + "/homelab-cli/target/homelab.jar --version\n");
  }

  @Test
  void should_name_the_full_path_of_a_missing_jar_and_where_to_build_it() throws Exception {
    Path dir = tmp.resolve("my-lab").toAbsolutePath();
    new Scaffold("my-lab", "com.example.homelab").writeTo(dir);

    Run run = sh(tmp, dir.resolve("lab").toString(), "validate");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: " + dir + "/target/lab.jar does not exist. "
        + "Build it first: cd " + dir + " && mvn -B -q -DskipTests package\n");
  }

  private record Run(int code, String out, String err) {}

  /** Runs {@code script} with POSIX sh in {@code workDir}, with a java that prints its arguments. */
  private Run sh(Path workDir, String script, String... args) throws Exception {
    Path javaHome = tmp.resolve("jdk");
    Path java = javaHome.resolve("bin/java");
    if (!Files.exists(java)) {
      Files.createDirectories(java.getParent());
      Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    List<String> command = new ArrayList<>(List.of("sh", script));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("HOMELAB_JAVA_OPTS");
    Path out = tmp.resolve("stdout");
    Path err = tmp.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = process.waitFor();
    return new Run(code, Files.readString(out), Files.readString(err));
  }

  @Test
  void should_scaffold_the_class_upgrade_tool_as_the_repository_keeps_it_and_run_it_from_the_lab_pom() throws IOException {
    Path dir = tmp.resolve("my-lab");
    new Scaffold("my-lab", "com.example.homelab").writeTo(dir);

    assertThat(dir.resolve(Scaffold.UPGRADE_TOOL)).content()
        .isEqualTo(Files.readString(Path.of("..", "build-tools", "UpgradeOldClasses.java")));
    assertThat(dir.resolve("pom.xml")).content()
        .contains("<argument>${project.basedir}/build-tools/UpgradeOldClasses.java</argument>")
        .contains("<argument>${project.build.directory}/lab.jar</argument>")
        .containsPattern("<artifactId>asm</artifactId>\\s*<version>\\d+\\.\\d+(\\.\\d+)?</version>")
        .containsPattern("<artifactId>exec-maven-plugin</artifactId>\\s*<version>\\d+\\.\\d+\\.\\d+</version>");
  }
}
