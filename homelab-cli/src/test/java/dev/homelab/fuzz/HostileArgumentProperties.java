package dev.homelab.fuzz;

import static dev.homelab.Homelab.*;
import static dev.homelab.testing.TestLabs.githubRunners;
import static dev.homelab.testing.TestLabs.offsite;
import static dev.homelab.testing.TestLabs.rich;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homelab.backend.RenderedFiles;
import dev.homelab.backend.Renderer;
import dev.homelab.cli.StandardBackends;
import dev.homelab.model.Lab;
import dev.homelab.model.backup.S3Target;
import dev.homelab.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Hostile text in a public DSL argument of a reference-like lab either fails validation or renders
 * files with the same structure as a harmless value in that argument: no key, item, document or
 * type comes from the text. YAML is read back with YAML 1.1 rules (as kubectl's go-yaml and
 * Ansible's PyYAML read it), JSON with Jackson. Quick by default; {@code mvn -Pfuzz} runs 10,000
 * tries.
 */
class HostileArgumentProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Every site appends the text to a valid value, so the empty text is the harmless one.
  private static final String HARMLESS = "";
  private static final Map<String, Map<String, Object>> HARMLESS_SHAPES = new ConcurrentHashMap<>();

  /** Where the text goes: a name for reports and the lab with {@code text} appended to a valid prefix. */
  record Site(String name, Function<String, Lab> lab) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static S3Target richOffsite() {
    return offsite().region("eu-central-003").retention(keep().daily(14).weekly(8).monthly(6));
  }

  @Provide
  Arbitrary<Site> sites() {
    return Arbitraries.of(
        new Site("restic path", s -> rich().backups(restic("fuzz", "pi4", "restic").paths("/opt/fuzz" + s))),
        new Site("restic schedule", s -> rich().backups(restic("fuzz", "pi4", "restic").paths("/opt/fuzz").schedule("daily" + s))),
        new Site("S3 region", s -> rich().backups(s3("fuzz", "https://s3.example.org", "fuzz-bucket").region("eu" + s))),
        new Site("Terraform state key", s -> rich().terraformState(terraformState(richOffsite()).key("homelab" + s))),
        new Site("GitHub branch", s -> rich().github(githubRunners().branch("main" + s))),
        new Site("app env value", s -> rich().apps(app("fuzz", "ghcr.io/example/fuzz:1.0.0").env("FUZZ", "v" + s))),
        new Site("app health path", s -> rich().apps(app("fuzz", "ghcr.io/example/fuzz:1.0.0").port(8080).healthPath("/health" + s))),
        new Site("app writable dir", s -> rich().apps(app("fuzz", "ghcr.io/example/fuzz:1.0.0").writableDir("/data" + s))),
        new Site("node label value", s -> rich().nodes(node("fuzz").amd64().worker().ip("192.168.1.30").label("homelab.dev/fuzz", "v" + s))),
        new Site("time zone", s -> rich().timeZone("Europe/Paris" + s)),
        new Site("ssh user", s -> rich().sshUser("pi" + s)));
  }

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> fragments = Arbitraries.oneOf(
        Arbitraries.of("\n", "\r", "\r\n", "\u0000", "\t", "\u0085", "\u2028", "\u007f", "\\", "\"", "'", "`", "$", "%",
            "{{ lookup('pipe', 'id') }}", "{% if true %}x{% endif %}", "{# c #}", "${var.x}", "%{ if true }x%{ endif }",
            "${{ secrets.GITHUB_TOKEN }}", "$(id)", "; id", " ", ": ", "- ", "# ", "&a", "*a", "!unsafe ", "---", "...",
            "\nExecStartPre=/bin/sh -c id", "\nkey: value", "on", "yes", "0644", "03:00", "<<", "é", "✓", "\ufeff",
            "🙂", "\ud800"),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.strings().withCharRange('a', 'z').ofLength(5000));
    return fragments.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
  }

  @Property
  void should_render_hostile_text_as_data_or_reject_it(@ForAll("sites") Site site, @ForAll("hostile") String text) {
    Map<String, Object> shapes;
    try {
      shapes = shapes(site.lab().apply(text));
    } catch (ValidationException rejected) {
      return;
    }
    Map<String, Object> harmless = HARMLESS_SHAPES.computeIfAbsent(site.name(), n -> shapes(site.lab().apply(HARMLESS)));
    assertThat(shapes.keySet()).as("files").isEqualTo(harmless.keySet());
    shapes.forEach((file, shape) -> assertThat(shape).as(file).isEqualTo(harmless.get(file)));
  }

  /** The structure of every YAML and JSON file of every backend, by backend/path. */
  private static Map<String, Object> shapes(Lab lab) {
    Map<String, Object> shapes = new TreeMap<>();
    for (Map.Entry<String, RenderedFiles> backend : Renderer.using(StandardBackends.all()).render(lab).entrySet()) {
      backend.getValue().files().forEach((path, bytes) -> {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String name = backend.getKey() + "/" + path;
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
        }
      });
    }
    return shapes;
  }

  /** YAML 1.1 reading, with Ansible's {@code !unsafe} read as the string it tags. */
  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(50_000_000);
    return new Yaml(new SafeConstructor(options) {
      {
        yamlConstructors.put(new Tag("!unsafe"), yamlConstructors.get(Tag.STR));
      }
    });
  }

  /** Keys and nesting kept, scalars replaced by their type: what a text value must never change. */
  private static Object shape(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> shape = new LinkedHashMap<>();
      map.forEach((k, v) -> shape.put(String.valueOf(k), shape(v)));
      return shape;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(HostileArgumentProperties::shape).toList();
    }
    return value == null ? "null" : value.getClass().getSimpleName();
  }

}
