package dev.homelab.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.backend.Renderer;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.internal.Texts;
import dev.homelab.fixtures.TestLabs;
import dev.homelab.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Hostile text in any public String argument of the DSL ({@link ArgumentSites}: every factory of
 * {@code Homelab} and every setter of a model type reachable from {@link TestLabs#rich()}) either
 * fails validation with a readable message or renders files with the same structure as the valid
 * value in that argument: no key, item, document, type or line comes from the text. YAML is read
 * back with YAML 1.1 rules (as kubectl's go-yaml and Ansible's PyYAML read it), JSON with Jackson,
 * other files by their lines. Quick by default; {@code mvn -Pfuzz} runs 10,000 tries.
 */
class HostileArgumentProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Map<String, Object>> HARMLESS_SHAPES = new ConcurrentHashMap<>();

  /** Found once per run: finding valid arguments validates a few hundred labs. */
  private static final class Sites {
    static final ArgumentSites FOUND = new ArgumentSites(TestLabs.rich());
    static final List<ArgumentSites.Site> ALL = FOUND.all();
  }

  /** Where the hostile text goes in the valid value. */
  enum Placement {
    APPEND {
      @Override
      String apply(String valid, String text) {
        return valid + text;
      }
    },
    REPLACE {
      @Override
      String apply(String valid, String text) {
        return text;
      }
    };

    abstract String apply(String valid, String text);
  }

  @Test
  void should_find_valid_arguments_for_every_string_argument_of_the_dsl() {
    assertThat(Sites.FOUND.unresolved())
        .as("DSL methods whose String arguments got no valid value from the rich lab nor ArgumentSites.POOL:"
            + " add a value of the right format to the pool")
        .isEmpty();
    assertThat(Sites.ALL).extracting(ArgumentSites.Site::name)
        .doesNotHaveDuplicates()
        .contains("Node.label(key, value)#key", "Node.label(key, value)#value", "Lab.sshUser(user)#user",
            "Homelab.node(name)#name", "ResticBackup.paths(paths)#paths", "App.env(name, secret)#name");
  }

  @Provide
  Arbitrary<ArgumentSites.Site> sites() {
    return Arbitraries.of(Sites.ALL);
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> fragments = Arbitraries.oneOf(
        Arbitraries.of("\n", "\r", "\r\n", "\u0000", "\t", "\u0085", "\u2028", "\u007f", "\\", "\"", "'", "`", "$", "%",
            "{{ lookup('pipe', 'id') }}", "{% if true %}x{% endif %}", "{# c #}", "${var.x}", "%{ if true }x%{ endif }",
            "${{ secrets.GITHUB_TOKEN }}", "$(id)", "; id", " ", ": ", "- ", "# ", "&a", "*a", "!unsafe ", "---", "...",
            "\nExecStartPre=/bin/sh -c id", "\nkey: value", "on", "yes", "0644", "03:00", "<<", "é", "✓", "\ufeff",
            "🙂", "\ud800", "\udc00", "{{", "}}", "${", "%{", "${{", "=", ","),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(5000));
    return fragments.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
  }

  @Property
  void should_render_hostile_text_as_data_or_reject_it(
      @ForAll("sites") ArgumentSites.Site site, @ForAll Placement placement, @ForAll("hostile") String text) {
    Map<String, Object> shapes;
    try {
      shapes = shapes(site.lab(placement.apply(site.base(), text)));
    } catch (ValidationException rejected) {
      assertReadable(rejected);
      return;
    }
    Map<String, Object> harmless = harmlessShapes(site, placement.apply(site.base(), placeholder(text)));
    assertThat(shapes.keySet()).as("files").isEqualTo(harmless.keySet());
    shapes.forEach((file, shape) -> assertThat(shape).as(file).isEqualTo(harmless.get(file)));
  }

  /**
   * The text with every character but ASCII letters and digits replaced by {@code x}: the same
   * length and mostly the same meaning (a path stays under the same folder), nothing to escape.
   */
  static String placeholder(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.append(c < 128 && Character.isLetterOrDigit(c) ? (char) c : 'x'));
    return out.toString();
  }

  /** The shapes with the placeholder in the argument, or with the valid value if validation refuses the placeholder. */
  private static Map<String, Object> harmlessShapes(ArgumentSites.Site site, String argument) {
    try {
      return shapes(site.lab(argument));
    } catch (ValidationException refused) {
      return HARMLESS_SHAPES.computeIfAbsent(site.name(), n -> shapes(site.lab(site.base())));
    }
  }

  /** One {@code path: problem} line per problem under the count line, none with a raw control character. */
  private static void assertReadable(ValidationException rejected) {
    String[] lines = rejected.getMessage().split("\n", -1);
    assertThat(lines).as(rejected.getMessage()).hasSize(rejected.problems().size() + 1);
    for (String line : lines) {
      assertThat(line.codePoints().filter(c -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029)
          .mapToObj(c -> String.format("U+%04X", c)).toList())
          .as("control character or line separator in %s", Texts.quote(line)).isEmpty();
    }
  }

  /** The structure of every YAML and JSON file of every backend, by backend/path. */
  private static Map<String, Object> shapes(Lab lab) {
    Map<String, Object> shapes = new TreeMap<>();
    for (Map.Entry<String, RenderedFiles> backend : Renderer.using(StandardBackends.all()).render(lab).entrySet()) {
      backend.getValue().files().forEach((path, bytes) -> {
        String text = new String(bytes, StandardCharsets.UTF_8);
        // a content hash in a file name (the PostgreSQL roles Job) differs with the text, as it must
        String name = (backend.getKey() + "/" + path).replaceAll("-[0-9a-f]{8}\\.yaml$", "-<hash>.yaml");
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
          List<Object> documents = new ArrayList<>();
          yaml().loadAll(text).forEach(d -> documents.add(shape(d)));
          shapes.put(name, documents);
        } else if (path.endsWith(".json")) {
          try {
            shapes.put(name, shape(JSON.readValue(text, Object.class)));
          } catch (Exception e) {
            throw new AssertionError(name + " is not JSON", e);
          }
        } else {
          // Markdown, shell, Jinja templates, configuration files: a value never adds a line.
          shapes.put(name, text.split("\n", -1).length + " lines");
        }
      });
    }
    return shapes;
  }

  /** YAML 1.1 reading, with Ansible's {@code !unsafe} read as the string it tags. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(50_000_000);
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options) {
      {
        yamlConstructors.put(new Tag("!unsafe"), yamlConstructors.get(Tag.STR));
      }
    });
  }

  /**
   * Nesting kept, scalars replaced by their type: what a text value must never change. Keys can come
   * from values (ConfigMap data keys, node labels), so a mapping is its entries' shapes, sorted (and so
   * is a sequence); the
   * reader refuses a duplicate key, so an injected key shows as an extra entry or an error.
   */
  private static Object shape(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      map.forEach((k, v) -> entries.add(shape(k) + "=" + shape(v)));
      entries.sort(null);
      return entries;
    }
    if (value instanceof List<?> list) {
      // Sorted: a value may sort an item elsewhere (env variables are sorted by name).
      return list.stream().map(HostileArgumentProperties::shape).map(String::valueOf).sorted().toList();
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }

}
