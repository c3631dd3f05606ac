package dev.homelab.examples;

import static dev.homelab.Homelab.app;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Renderer;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.versions.VersionKey;
import dev.homelab.versions.Versions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every entry of the versions file reaches the reference lab's output: a lab's override goes into
 * the same map the file fills, so pinning an entry to a version no file has shows where the
 * backends read it. An entry no backend reads (a version written into a backend again) fails here.
 */
class VersionsFileTest {
  private static final String VERSIONS = "\n## Versions\n";
  // With a secret store, so that the External Secrets chart is rendered too.
  private static final Lab LAB = ReferenceHomelab.lab().secretStore("vault");

  @Test
  void should_change_only_the_metallb_chart_and_the_version_list_when_one_entry_changes() {
    Map<String, RenderedFiles> before = render(LAB);
    Map<String, RenderedFiles> after = render(LAB.version(VersionKey.CHART_METALLB, "0.16.2"));

    Map<String, String> k8sBefore = texts(before.get("k8s"));
    List<String> changed = new ArrayList<>();
    texts(after.get("k8s")).forEach((path, text) -> {
      if (!text.equals(k8sBefore.get(path))) {
        changed.add(path);
      }
    });
    assertThat(changed).containsExactly("README.md", "metallb/helmchart-metallb.yaml");
    assertThat(texts(after.get("k8s")).get("metallb/helmchart-metallb.yaml")).contains("version: 0.16.2");
    before.keySet().stream().filter(b -> !b.equals("k8s"))
        .forEach(b -> assertThat(texts(after.get(b))).as(b).isEqualTo(texts(before.get(b))));
  }

  @Test
  void should_render_every_entry_of_the_versions_file_in_its_backend_and_list_it_in_its_readme() {
    // The reference lab runs three of the known apps; the other two join here, so their images are rendered too.
    Lab pinned = LAB.apps(app("vaultwarden"), app("forgejo"));
    for (VersionKey key : VersionKey.values()) {
      pinned = pinned.version(key, sentinel(key));
    }
    Map<String, RenderedFiles> rendered = render(pinned);

    List<String> unread = new ArrayList<>();
    for (VersionKey key : VersionKey.values()) {
      String version = sentinel(key);
      // Anywhere but the README's own list of versions (k3s-ansible's tag is in its install command).
      boolean inFiles = texts(rendered.get(key.backend())).values().stream()
          .map(text -> text.contains(VERSIONS) ? text.substring(0, text.indexOf(VERSIONS)) : text)
          .anyMatch(text -> text.contains(asRendered(version)));
      if (!inFiles) {
        unread.add(key.name());
      }
      assertThat(rendered.get(key.backend()).text("README.md")).as(key + " in the README's versions")
          .contains("| `" + key.name() + "` | " + key.title() + " | `" + version + "` | <" + Versions.defaults().upstream(key) + "> |");
      rendered.forEach((backend, files) -> {
        if (!backend.equals(key.backend())) {
          assertThat(texts(files).values()).as(key + " stays out of " + backend).noneMatch(text -> text.contains(asRendered(version)));
        }
      });
    }
    assertThat(unread).as("entries of the versions file that no rendered file of their backend pins").isEmpty();
  }

  private static Map<String, RenderedFiles> render(Lab lab) {
    return Renderer.using(StandardBackends.all()).render(lab);
  }

  private static Map<String, String> texts(RenderedFiles files) {
    Map<String, String> texts = new TreeMap<>();
    files.files().forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return texts;
  }

  /** How a version stands in a file: an action's release@commit as {@code @commit # release} on its uses: line. */
  private static String asRendered(String version) {
    int at = version.indexOf('@');
    return version.matches(".+@[0-9a-f]{40}") ? version.substring(at) + " # " + version.substring(0, at) : version;
  }

  /** A version of the key's format that no versions file has, and that no other key's contains. */
  private static String sentinel(VersionKey key) {
    String current = Versions.defaults().get(key);
    String release = "97." + (10 + key.ordinal());
    if (current.matches(".+@[0-9a-f]{40}")) {
      return "v" + release + ".1@" + String.format("%040x", 0x9700 + key.ordinal());
    }
    if (current.startsWith("~> ")) {
      return "~> " + release;
    }
    int colon = current.lastIndexOf(':');
    return colon > 0 ? current.substring(0, colon) + ":" + release + ".1" : release + ".1";
  }
}
