package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code reference-homelab.jsh} is the reference lab as a JShell script; {@code .ci/run} renders it
 * and compares the files with the Java lab's. Here the cheap half of that, on every build: each line
 * of {@link ReferenceHomelab#lab()} is in the script, so a change to one is not forgotten in the other.
 */
class ReferenceJshTest {
  @Test
  void should_declare_every_line_of_the_java_reference_lab_in_the_jshell_script() throws IOException {
    String java = Files.readString(Path.of("src/main/java/dev/homelab/examples/ReferenceHomelab.java"));
    String body = java.substring(java.indexOf("public static Lab lab() {") + "public static Lab lab() {".length(),
        java.indexOf("public static void main"));
    Set<String> script = Files.readAllLines(Path.of("reference-homelab.jsh")).stream().map(String::strip).collect(Collectors.toSet());

    List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).toList();
    assertThat(lines).hasSizeGreaterThan(50).contains(".backup(offsite)  // its library database and users live on pi4's disk (local-path)");
    assertThat(lines).filteredOn(l -> !script.contains(l)).as("lines of ReferenceHomelab.lab() missing from reference-homelab.jsh").isEmpty();
  }
}
