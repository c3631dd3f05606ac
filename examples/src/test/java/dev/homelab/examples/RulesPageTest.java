package dev.homelab.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homelab.backend.Backend;
import dev.homelab.cli.StandardBackends;
import dev.homelab.validation.Check;
import dev.homelab.validation.Checks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/rules.md the list of every check the model and the standard backends report through
 * ({@link Checks#all()}, {@link Backend#checks()}), so the page cannot go stale;
 * {@code ./mvnw -B -pl examples -am verify -Dgolden.update=true} rewrites it.
 */
class RulesPageTest {
  private static final Path PAGE = Path.of("../docs/rules.md");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|");

  @Test
  void should_list_in_docs_rules_md_every_check_of_the_model_and_of_the_standard_backends() throws IOException {
    String page = page();

    if (Boolean.parseBoolean(System.getProperty("golden.update"))) {
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
      return;
    }
    assertThat(Files.exists(PAGE)).as(PAGE + " exists; -Dgolden.update=true writes it").isTrue();
    assertThat(Files.readString(PAGE)).as(PAGE + " is generated; -Dgolden.update=true rewrites it").isEqualTo(page);
  }

  @Test
  void should_give_every_check_one_row_with_an_id_used_once() {
    List<Check> all = new ArrayList<>(Checks.all());
    StandardBackends.all().forEach(b -> all.addAll(b.checks()));
    Set<String> ids = new HashSet<>();

    assertThat(all).allSatisfy(c -> assertThat(ids.add(c.id())).as("check id " + c.id() + " declared once").isTrue());
    assertThat(page()).contains(all.stream().map(c -> "| " + anchor(c.id()) + "`" + c.id() + "` |").toArray(String[]::new));
  }

  static String page() {
    StringBuilder md = new StringBuilder()
        .append("# Validation rules\n\n")
        .append("<!-- generated from Checks.all() and the standard backends' checks() by RulesPageTest (examples); ")
        .append("./mvnw -B verify -Dgolden.update=true rewrites it -->\n\n")
        .append("`validate`, and every `render` before it writes anything, checks the whole model and reports every\n")
        .append("problem at once, one `path: problem. fix` line each ([guide](guide.md#5-validation)). Each problem\n")
        .append("comes from one of the checks below; its id is `problem.check().id()`. The model's checks are the\n")
        .append("constants of `dev.homelab.validation.Checks`; each backend adds the checks of what only it puts\n")
        .append("into its files (`Backend.checks()`). A check of your own: `Check.of(id, requirement)` with a `Rule`.\n\n")
        .append("## The model (").append(Checks.all().size()).append(" checks)\n\n")
        .append(anchored(Checks.markdown(Checks.all())));
    for (Backend backend : StandardBackends.all()) {
      md.append("\n## Backend `").append(backend.name()).append("` (").append(backend.getClass().getSimpleName()).append(")\n\n");
      md.append(backend.checks().isEmpty()
          ? "No checks of its own: what it renders is covered by the model's checks.\n"
          : anchored(Checks.markdown(backend.checks())));
    }
    return md.toString();
  }

  /** Each check's row gets an anchor named like its id, so the guide links {@code rules.md#etcd-odd-servers}. */
  private static String anchored(String table) {
    return ROW.matcher(table).replaceAll(m -> "| " + anchor(m.group(1)) + "`" + m.group(1) + "` |");
  }

  private static String anchor(String id) {
    return "<a id=\"" + id + "\"></a>";
  }
}
