package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md points at a file or folder of the repository, and
 * every {@code #anchor} at a heading (GitHub's slug) or an {@code <a id>} of its page, so moving
 * or renaming a page or a heading cannot leave a dead link behind.
 */
class DocLinksTest {
  private static final Path ROOT = Path.of("..");
  /**
   * Pages other branches add, linked from the index before they are merged: a link to one of these
   * may not resolve yet (its anchors are checked once the page exists). Drop a name once it is on main.
   */
  private static final Pattern FENCE = Pattern.compile("(?ms)^(```|~~~).*?^\\1[^\\n]*$");
  private static final Pattern CODE = Pattern.compile("`[^`\\n]*`");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");

  @Test
  void should_resolve_every_relative_link_and_anchor_of_the_readme_and_the_docs() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String target : links(Files.readString(page))) {
        String problem = problem(page, target);
        if (problem != null) {
          broken.add(ROOT.relativize(page) + ": " + target + " " + problem);
        }
      }
    }

    assertThat(broken).as("broken relative links").isEmpty();
  }

  @Test
  void should_report_a_link_to_a_missing_page_and_to_a_missing_heading() throws IOException {
    Path readme = ROOT.resolve("README.md");

    assertThat(problem(readme, "docs/no-such-page.md")).isEqualTo("points at no file");
    assertThat(problem(readme, "docs/guide.md#no-such-heading")).isEqualTo("names no heading or anchor of docs/guide.md");
    assertThat(problem(readme, "docs/guide.md#5-validation")).isNull();
  }

  @Test
  void should_slug_headings_as_github_does() {
    assertThat(anchors("# 5. Validation\n## Backend `k8s` (KubernetesBackend)\n## Set-up\n## Set-up\n"))
        .contains("5-validation", "backend-k8s-kubernetesbackend", "set-up", "set-up-1");
  }

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** Link targets outside code fences and inline code, without absolute URLs. */
  static List<String> links(String markdown) {
    String text = CODE.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
    List<String> targets = new ArrayList<>();
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      String target = link.group(1);
      if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
        targets.add(target);
      }
    }
    return targets;
  }

  /** Why {@code target}, linked from {@code page}, does not resolve; null when it does. */
  static String problem(Path page, String target) throws IOException {
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    String name = ROOT.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    if (!Files.exists(file)) {
      return "points at no file";
    }
    if (anchor == null || !name.endsWith(".md")) {
      return null;
    }
    return anchors(Files.readString(file)).contains(anchor) ? null : "names no heading or anchor of " + name;
  }

  /** The anchors GitHub gives a page: heading slugs (numbered when repeated) and HTML ids. */
  static Set<String> anchors(String markdown) {
    String text = FENCE.matcher(markdown).replaceAll("");
    Set<String> anchors = new HashSet<>();
    Matcher heading = HEADING.matcher(text);
    while (heading.find()) {
      String slug = slug(heading.group(1));
      String unique = slug;
      for (int n = 1; !anchors.add(unique); n++) {
        unique = slug + "-" + n;
      }
    }
    Matcher id = HTML_ID.matcher(markdown);
    while (id.find()) {
      anchors.add(id.group(1));
    }
    return anchors;
  }

  /** GitHub's heading slug: the text without markup, lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
  }
}
