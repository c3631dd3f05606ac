package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's excerpts of the rendered output true: each {@code ```yaml} fence shows lines
 * of the reference lab's golden file that the text right before it names ({@code `out/<path>`}),
 * in their order, unchanged; an excerpt may leave lines out.
 */
class ReadmeExcerptsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/reference");
  private static final Pattern FENCE = Pattern.compile("(?m)^```yaml\\n(.*?)^```\\s*$", Pattern.DOTALL);
  private static final Pattern OUT_PATH = Pattern.compile("`out/([^`]+)`");

  @Test
  void should_quote_the_rendered_files_of_the_reference_lab_as_they_are() throws IOException {
    String readme = Files.readString(Path.of("../README.md"));
    Matcher fence = FENCE.matcher(readme);
    List<String> checked = new ArrayList<>();
    while (fence.find()) {
      Matcher named = OUT_PATH.matcher(readme.substring(0, fence.start()));
      String file = null;
      while (named.find()) {
        file = named.group(1);
      }
      assertThat(file).as("a yaml fence of the README names its file as `out/<path>` before it").isNotNull();
      List<String> excerpt = fence.group(1).lines().toList();
      List<String> golden = Files.readAllLines(GOLDEN.resolve(file));

      assertThat(missingFrom(golden, excerpt)).as("lines of the README's excerpt of out/" + file
          + " that are not in the rendered file (in this order)").isEmpty();
      checked.add(file);
    }
    assertThat(checked).contains("ansible/inventory.yml", "k8s/apps/nextcloud/ingressroute-nextcloud.yaml");
  }

  @Test
  void should_flag_an_excerpt_line_that_is_changed_or_out_of_order() {
    List<String> file = List.of("a: 1", "b: 2", "c: 3");

    assertThat(missingFrom(file, List.of("a: 1", "c: 3"))).isEmpty();
    assertThat(missingFrom(file, List.of("c: 3", "a: 1"))).containsExactly("a: 1");
    assertThat(missingFrom(file, List.of("b: 20"))).containsExactly("b: 20");
  }

  /** The excerpt's lines that do not follow, in order, in {@code file}. */
  private static List<String> missingFrom(List<String> file, List<String> excerpt) {
    List<String> missing = new ArrayList<>();
    int at = 0;
    for (String line : excerpt) {
      int found = file.subList(at, file.size()).indexOf(line);
      if (found < 0) {
        missing.add(line);
      } else {
        at += found + 1;
      }
    }
    return missing;
  }
}
