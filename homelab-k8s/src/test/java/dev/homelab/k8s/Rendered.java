package dev.homelab.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.k8s.yaml.KubernetesYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The objects of a rendered output, read back from its YAML files. */
record Rendered(RenderedFiles files, List<JsonNode> objects) {

  static Rendered of(RenderedFiles files) {
    List<JsonNode> objects = new ArrayList<>();
    files.files().keySet().stream()
        .filter(p -> p.endsWith(".yaml") && !p.endsWith("kustomization.yaml"))
        .forEach(p -> objects.add(read(files.text(p))));
    return new Rendered(files, objects);
  }

  List<JsonNode> kind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  List<JsonNode> where(Predicate<JsonNode> p) {
    return objects.stream().filter(p).toList();
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  static String namespace(JsonNode o) {
    return o.path("metadata").path("namespace").asText();
  }

  private static JsonNode read(String yaml) {
    try {
      return KubernetesYaml.mapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
