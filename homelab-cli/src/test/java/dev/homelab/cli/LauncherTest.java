package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.cli.init.Scaffold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher script: what init writes as ./lab and the repository keeps as bin/homelab, one text. */
class LauncherTest {
  @TempDir Path tmp;
  /** The fake JDK's version in its release file; none: the launcher makes no cache. */
  private String javaVersion;

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

  @Test
  void should_run_the_library_from_the_class_path_file_and_only_the_lab_from_its_jar() throws Exception {
    Path dir = labWithJar();
    Path lib = libraryJars(dir, "homelab-dsl.jar", "jackson core.jar");

    Run run = sh(dir, "./lab", "render");

    assertThat(run.err()).isEmpty();
    assertThat(run.out()).isEqualTo("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + lib.resolve("homelab-dsl.jar") + ":"
        + lib.resolve("jackson core.jar") + " dev.homelab.cli.launcher.RunLabJar " + dir + "/target/lab.jar render\n");
  }

  @Test
  void should_put_the_classes_the_build_upgraded_first_on_the_library_class_path() throws Exception {
    Path dir = labWithJar();
    Path upgraded = Files.writeString(dir.resolve("target/lab.upgraded.jar"), "picocli, upgraded");
    Path lib = libraryJars(dir, "picocli.jar");

    Run run = sh(dir, "./lab", "render");

    assertThat(run.out()).startsWith("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + upgraded + ":" + lib.resolve("picocli.jar")
        + " dev.homelab.cli.launcher.RunLabJar ");
  }

  @Test
  void should_run_the_jar_alone_when_its_class_path_file_is_older_than_the_jar_or_a_library_jar_or_names_a_missing_jar()
      throws Exception {
    Path dir = labWithJar();
    Path lib = libraryJars(dir, "homelab-dsl.jar");
    Path classpath = dir.resolve("target/lab.classpath");
    Path jar = dir.resolve("target/lab.jar");
    Files.setLastModifiedTime(classpath, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Run stale = sh(dir, "./lab", "render");

    Files.writeString(classpath, lib.resolve("homelab-dsl.jar") + ":" + lib.resolve("gone.jar"));
    Run missing = sh(dir, "./lab", "render");

    // a library jar installed again after the build (a SNAPSHOT from another checkout, say)
    Files.writeString(classpath, lib.resolve("homelab-dsl.jar").toString());
    Files.setLastModifiedTime(lib.resolve("homelab-dsl.jar"),
        FileTime.fromMillis(Files.getLastModifiedTime(classpath).toMillis() + 60_000));
    Run reinstalled = sh(dir, "./lab", "render");

    String alone = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + jar + " render\n";
    assertThat(stale.out()).isEqualTo(alone);
    assertThat(missing.out()).isEqualTo(alone);
    assertThat(reinstalled.out()).isEqualTo(alone);
  }

  @Test
  void should_keep_the_library_cache_when_the_lab_jar_is_rebuilt_and_make_a_new_one_when_a_library_jar_changes()
      throws Exception {
    javaVersion = "17.0.15";
    Path dir = labWithJar();
    Path lib = libraryJars(dir, "homelab-dsl.jar");
    Path target = dir.resolve("target");

    String first = sh(dir, "./lab", "render").out();
    String cache = first.replaceAll("(?s).*-XX:ArchiveClassesAtExit=(\\S+).*", "$1");
    Files.writeString(Path.of(cache), "a cache");
    Files.writeString(target.resolve("lab.jar"), "the lab, rebuilt");
    Files.writeString(target.resolve("lab.classpath"), lib.resolve("homelab-dsl.jar").toString());
    String afterEdit = sh(dir, "./lab", "render").out();
    Files.writeString(lib.resolve("homelab-dsl.jar"), "another version of the library");
    Files.setLastModifiedTime(lib.resolve("homelab-dsl.jar"), FileTime.fromMillis(1_000_000_000_000L));
    String afterUpgrade = sh(dir, "./lab", "render").out();

    assertThat(cache).matches(Pattern.quote(target + "/lab-lib-") + "\\d+-jdk17\\.jsa");
    assertThat(first).startsWith("-XX:ArchiveClassesAtExit=" + cache + " -Xlog:cds*=off -XX:TieredStopAtLevel=1");
    assertThat(afterEdit).startsWith("-XX:SharedArchiveFile=" + cache + " -XX:TieredStopAtLevel=1");
    assertThat(afterUpgrade).startsWith("-XX:ArchiveClassesAtExit=").doesNotContain(cache);
    assertThat(Path.of(cache)).as("the cache of the library before the upgrade").doesNotExist();
  }

  @Test
  void should_remove_older_caches_of_the_same_jar_and_jdk_only_when_it_makes_a_new_one() throws Exception {
    javaVersion = "17.0.15";
    Path dir = labWithJar();
    Path target = dir.resolve("target");
    Path older = Files.writeString(target.resolve("lab-123-456-jdk17.jsa"), "an older cache");
    Path otherJdk = Files.writeString(target.resolve("lab-123-456-jdk25.aot"), "a cache of another JDK");
    Path otherJar = Files.writeString(target.resolve("other-123-456-jdk17.jsa"), "a cache of another jar");

    sh(dir, "./lab", "render");

    assertThat(older).doesNotExist();
    assertThat(otherJdk).exists();
    assertThat(otherJar).exists();
  }

  @Test
  void should_record_the_aot_cache_silently_then_assemble_it_on_jdk_25_and_exit_with_the_commands_code()
      throws Exception {
    javaVersion = "25.0.3";
    Path dir = labWithJar();
    Path jar = dir.resolve("target/lab.jar");

    Run first = sh(dir, "./lab", "validate");

    String calls = Files.readString(tmp.resolve("jdk/calls"));
    String cache = calls.replaceAll("(?s).*-XX:AOTCache=(\\S+).*", "$1");
    assertThat(cache).matches(Pattern.quote(dir + "/target/lab-") + "\\d+-\\d+-jdk25\\.aot");
    String config = cache + "conf";
    String record = "-XX:AOTMode=record -XX:AOTConfiguration=" + config + " -Xlog:aot*=off -Xlog:cds*=off"
        + " -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + jar
        + " validate\n";
    assertThat(calls).isEqualTo(record + "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + jar
        + " -XX:AOTMode=create -XX:AOTConfiguration=" + config + " -XX:AOTCache=" + cache + "\n");
    assertThat(first.out()).as("only the command's own output").isEqualTo(record);
    assertThat(first.code()).isEqualTo(3); // the fake java's code for validate
    assertThat(Path.of(config)).doesNotExist();
  }

  /** A scaffolded lab (absolute path) with a target/lab.jar. */
  private Path labWithJar() throws IOException {
    Path dir = tmp.resolve("my-lab").toAbsolutePath();
    new Scaffold("my-lab", "com.example.homelab").writeTo(dir);
    Files.createDirectories(dir.resolve("target"));
    Files.writeString(dir.resolve("target/lab.jar"), "a jar");
    return dir;
  }

  /** Library jars in a folder of their own, and target/lab.classpath naming them, newer than the jar. */
  private Path libraryJars(Path dir, String... names) throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("m2"));
    List<String> paths = new ArrayList<>();
    for (String name : names) {
      paths.add(Files.writeString(lib.resolve(name), name).toString());
    }
    Files.writeString(dir.resolve("target/lab.classpath"), String.join(":", paths));
    return lib;
  }

  private record Run(int code, String out, String err) {}

  /** Runs {@code script} with POSIX sh in {@code workDir}, with a java that prints its arguments. */
  private Run sh(Path workDir, String script, String... args) throws Exception {
    Path javaHome = tmp.resolve("jdk");
    Path java = javaHome.resolve("bin/java");
    if (!Files.exists(java)) {
      Files.createDirectories(java.getParent());
      // prints its arguments (and logs them, for a call whose output the launcher drops); "validate"
      // fails with 3, so a test can see the code passed on
      Files.writeString(java, "#!/bin/sh\necho \"$*\"\necho \"$*\" >> \"$(dirname \"$0\")/../calls\"\n"
          + "case \"$*\" in *validate*) exit 3 ;; esac\n");
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (javaVersion != null) {
        Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"" + javaVersion + "\"\n");
      }
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
