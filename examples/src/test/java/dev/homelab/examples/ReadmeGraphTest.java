package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.graph.LabTopology;
import dev.homelab.graph.MermaidGraph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's diagram of the reference lab what {@code homelab graph} draws for it, so it
 * cannot go stale; {@code mvn -B -pl examples -am verify -Dgolden.update=true} rewrites it.
 */
class ReadmeGraphTest {
  private static final Path README = Path.of("../README.md");
  private static final String BEGIN = "<!-- graph: generated from ReferenceHomelab by ReadmeGraphTest; "
      + "mvn -B verify -Dgolden.update=true rewrites it -->";
  private static final String END = "<!-- graph end -->";

  @Test
  void should_show_in_the_readme_the_diagram_homelab_graph_draws_of_the_reference_lab() throws IOException {
    String readme = Files.readString(README);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin).as("the README has the markers " + BEGIN + " and " + END).isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String drawn = BEGIN + "\n```mermaid\n" + MermaidGraph.of(LabTopology.of(ReferenceHomelab.lab())) + "```\n";

    if (Boolean.parseBoolean(System.getProperty("golden.update"))) {
      Files.writeString(README, readme.substring(0, begin) + drawn + readme.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertThat(readme.substring(begin, end)).isEqualTo(drawn);
  }
}
