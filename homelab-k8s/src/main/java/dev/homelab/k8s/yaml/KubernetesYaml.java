package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The one YAML writer of the Kubernetes backend. Quotes every string YAML 1.1 would read as
 * something else ({@code yes}, {@code on}, {@code 0644}, {@code <<}: {@link Yaml11Quoting}), so
 * kubectl reads what we meant; sorts map keys; omits nulls. Control characters are escaped in
 * double quotes by the emitter, so a model string never adds a key or a line.
 */
public final class KubernetesYaml {
  private static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
          .stringQuotingChecker(new Yaml11Quoting())
          .dumperOptions(dumperOptions())
          .build())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private KubernetesYaml() {}

  /**
   * The emitter options the features below would give, but ASCII only: the emitter then escapes
   * every other character in double quotes ({@code "\u0085"}) instead of writing it raw, and
   * YAML 1.1 readers (go-yaml) break lines at NEL, LS and PS.
   */
  private static DumperOptions dumperOptions() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    options.setExplicitStart(false);
    options.setAllowUnicode(false);
    return options;
  }

  /** One YAML document, ending with a newline. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as YAML", e);
    }
  }

  /** The shared mapper (for tests that read rendered YAML back). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
