package dev.homelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import picocli.CommandLine;

/**
 * build-tools/UpgradeOldClasses.java, which the build runs on every runnable jar: picocli's Java 5
 * classes become Java 8 classes that verify, so the JVM's class cache keeps them.
 */
class UpgradeOldClassesTest {
  @TempDir Path tmp;

  @Test
  void should_rewrite_every_class_older_than_java_6_as_a_java_8_class_and_leave_the_rest() throws Exception {
    Path jar = tmp.resolve("picocli.jar");
    Files.copy(jarOf(CommandLine.class), jar);
    TreeMap<String, Integer> before = versions(jar);

    upgrade(jar);

    TreeMap<String, Integer> after = versions(jar);
    assertThat(before).containsEntry("picocli/CommandLine.class", 49);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    List<String> wrong = new ArrayList<>();
    before.forEach((name, version) -> {
      int expected = version < 50 ? 52 : version;
      if (after.get(name) != expected) {
        wrong.add(name + ": " + version + " -> " + after.get(name));
      }
    });
    assertThat(wrong).isEmpty();
  }

  @Test
  void should_keep_the_upgraded_classes_beside_the_jar_and_leave_that_file_alone_while_they_stay_the_same()
      throws Exception {
    Path jar = tmp.resolve("lab.jar");
    Files.copy(jarOf(CommandLine.class), jar);
    Path side = tmp.resolve("lab.upgraded.jar");

    upgrade(jar);
    Files.setLastModifiedTime(side, FileTime.fromMillis(1_000_000_000_000L));
    Files.copy(jarOf(CommandLine.class), jar, StandardCopyOption.REPLACE_EXISTING); // the shade plugin again
    upgrade(jar);

    TreeMap<String, Integer> upgraded = versions(side);
    assertThat(upgraded).containsEntry("picocli/CommandLine.class", 52)
        .hasSameSizeAs(versions(jarOf(CommandLine.class)).entrySet().stream().filter(e -> e.getValue() < 50).toList());
    assertThat(upgraded.values()).containsOnly(52);
    assertThat(Files.getLastModifiedTime(side).toMillis()).as("not rewritten").isEqualTo(1_000_000_000_000L);
  }

  @Test
  void should_remove_the_upgraded_classes_file_when_the_jar_has_no_old_class() throws Exception {
    Path jar = tmp.resolve("lab.jar");
    Files.copy(jarOf(ObjectMapper.class), jar);
    Path side = Files.writeString(tmp.resolve("lab.upgraded.jar"), "classes of an older build");

    upgrade(jar);

    assertThat(side).doesNotExist();
  }

  @Test
  void should_leave_a_jar_without_old_classes_as_it_was() throws Exception {
    Path jar = tmp.resolve("jackson-databind.jar"); // Java 8 classes
    Files.copy(jarOf(ObjectMapper.class), jar);
    byte[] before = Files.readAllBytes(jar);

    upgrade(jar);

    assertThat(jar).hasBinaryContent(before);
  }

  /** Runs the tool as the build does (a source file on the JDK running the tests); fails on a non-zero exit or any output. */
  private static void upgrade(Path jar) throws IOException, InterruptedException, URISyntaxException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // The module's folder is the working directory (surefire), the tool is at the root.
    Path tool = Path.of("..", "build-tools", "UpgradeOldClasses.java");
    Process process = new ProcessBuilder(java.toString(), "-cp", jarOf(ClassReader.class).toString(),
        tool.toString(), jar.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).isEmpty();
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Class-file major version per class entry. */
  private static TreeMap<String, Integer> versions(Path jar) throws IOException {
    TreeMap<String, Integer> out = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(entry)) {
            byte[] head = in.readNBytes(8);
            out.put(entry.getName(), ((head[6] & 0xff) << 8) | (head[7] & 0xff));
          }
        }
      }
    }
    return out;
  }
}
