package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.cli.init.Scaffold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
    assertThat(lab).content().startsWith("#!/bin/sh\n").contains("jar=target/lab.jar\n")
        .contains("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").contains("-XX:AOTCache=")
        .contains("-XX:ArchiveClassesAtExit=").doesNotContain("@@");
    assertThat(Files.getPosixFilePermissions(lab)).contains(PosixFilePermission.OWNER_EXECUTE);
  }

  @Test
  void should_keep_the_repository_launcher_the_same_script_as_the_scaffolded_one() throws IOException {
    // The module runs with its own folder as the working directory; the script is at the root.
    Path script = Path.of("..", "bin", "homelab");

    assertThat(script).content().isEqualTo(Scaffold.launcher("homelab-cli/target/homelab.jar", "bin/homelab"));
    assertThat(Files.isExecutable(script)).isTrue();
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
