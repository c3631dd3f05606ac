package dev.homelab.backend.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The one YAML writer of every backend: Jackson's serializers on our own block emitter
 * ({@code BlockYamlGenerator}), which writes the bytes SnakeYAML's emitter wrote under Jackson's
 * YAML generator, without its event objects and per-scalar analysis cost (issue #14); the rare
 * documents it leaves to SnakeYAML (anchors, binary values) still go there. Every string reads back
 * as the same string in YAML 1.1 and 1.2 readers: quoted where a plain scalar would be a boolean,
 * a number, a date, null or a merge key ({@link Yaml11}); control characters and the line breaks
 * only YAML 1.1 has (NEL, LS, PS) are escaped in double quotes, so a string never adds a key or a line. Multi-line strings are literal blocks, lines are
 * never folded, nulls are left out, a top-level sequence starts at column 0, and there is no
 * {@code ---} marker (add it in front if the target wants one). Maps keep their insertion order
 * unless {@link #sortingKeys()}: build them in a stable order, so the same model gives the same bytes.
 *
 * <p>A writer is immutable and thread-safe; keep one in a constant:
 * {@code YamlWriter.create().hook((value, where) -> ...)}.
 *
 * @see <a href="https://github.com/FasterXML/jackson-dataformats-text/tree/2.x/yaml">Jackson YAML</a>
 */
public final class YamlWriter {
  private final boolean sortKeys;
  private final boolean asciiOnly;
  private final StringHook hook;
  /**
   * Made on first use: a mapper with its YAML factory is a visible part of a short run's start-up,
   * and the writers a chain such as {@code create().sortingKeys().asciiOnly()} passes through never
   * write. Racing threads may each make one; they are equal and one wins.
   */
  private volatile ObjectMapper mapper;

  private YamlWriter(boolean sortKeys, boolean asciiOnly, StringHook hook) {
    this.sortKeys = sortKeys;
    this.asciiOnly = asciiOnly;
    this.hook = hook;
  }

  /** Insertion order, every string through {@link StringHook#NONE}, characters beyond ASCII as they are. */
  public static YamlWriter create() {
    return new YamlWriter(false, false, StringHook.NONE);
  }

  /**
   * The same writer with map entries sorted by key, as Kubernetes tools print objects. Default:
   * insertion order.
   */
  public YamlWriter sortingKeys() {
    return new YamlWriter(true, asciiOnly, hook);
  }

  /**
   * The same writer with every character beyond ASCII escaped in a double-quoted string, for
   * backends that pass any text through rather than refuse what is no Unicode text: SnakeYAML's
   * emitter writes a lone surrogate followed by an ASCII character correctly only as an escape.
   * Default: such characters as they are.
   */
  public YamlWriter asciiOnly() {
    return new YamlWriter(sortKeys, true, hook);
  }

  /** The same writer with every {@code String} value through {@code hook}. Default: {@link StringHook#NONE}. */
  public YamlWriter hook(StringHook hook) {
    return new YamlWriter(sortKeys, asciiOnly, java.util.Objects.requireNonNull(hook, "hook"));
  }

  /**
   * {@code value} (maps, lists, strings, numbers, booleans, Jackson-annotated objects, Jackson
   * trees) as one YAML document ending with a newline. A {@link RuntimeException} the hook throws is
   * thrown as it is.
   */
  public String write(Object value) {
    try {
      return writeOwn(value);
    } catch (BlockYamlGenerator.Unsupported rare) {
      return writeWithSnakeYaml(value);
    }
  }

  /**
   * {@link #write} on our own emitter ({@link BlockYamlGenerator}), the same bytes as SnakeYAML's
   * without its events; throws for the rare documents it leaves to SnakeYAML (anchors, binary).
   */
  String writeOwn(Object value) throws BlockYamlGenerator.Unsupported {
    String yaml = writeBlocks(value);
    return value instanceof List<?> || value instanceof Object[] ? outdent(yaml) : yaml;
  }

  private String writeBlocks(Object value) throws BlockYamlGenerator.Unsupported {
    StringBuilder out = new StringBuilder(512);
    ObjectMapper mapper = mapper();
    BlockYamlGenerator generator = new BlockYamlGenerator(mapper, out, !asciiOnly);
    try {
      mapper.writeValue(generator, value);
    } catch (IOException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BlockYamlGenerator.Unsupported rare) {
          throw rare;
        }
      }
      throw e instanceof JsonProcessingException jackson ? refusedOrUnchecked(jackson) : new UncheckedIOException(e);
    }
    generator.finish();
    return out.toString();
  }

  /**
   * {@link #write} on SnakeYAML's emitter under Jackson's YAMLGenerator, as the writer was before
   * {@link BlockYamlGenerator}: for what that leaves to it, and the oracle its tests compare it with.
   */
  String writeWithSnakeYaml(Object value) {
    String yaml;
    try {
      yaml = mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw refusedOrUnchecked(e);
    }
    return value instanceof List<?> || value instanceof Object[] ? outdent(yaml) : yaml;
  }

  private static RuntimeException refusedOrUnchecked(JsonProcessingException e) {
    if (e.getCause() instanceof RuntimeException refused) {
      return refused;
    }
    return new UncheckedIOException(e);
  }

  /**
   * The Jackson mapper behind this writer: to read rendered YAML back (with SnakeYAML's parser),
   * or to build a tree that {@link #write} turns into the same bytes as the object.
   */
  public ObjectMapper mapper() {
    ObjectMapper made = mapper;
    if (made == null) {
      made = mapper(sortKeys, asciiOnly, hook);
      mapper = made;
    }
    return made;
  }

  private static ObjectMapper mapper(boolean sortKeys, boolean asciiOnly, StringHook hook) {
    YAMLFactory factory = new TaggingYamlFactory(YAMLFactory.builder()
        .stringQuotingChecker(Yaml11.checker())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        // "3.10" must stay a string, not become the number 3.1.
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR), dumperOptions(asciiOnly));
    return YAMLMapper.builder(factory)
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, sortKeys)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(HookedSerializers.module(hook))
        .build();
  }

  /** The emitter options the features above would give, plus {@code asciiOnly}: with explicit options Jackson uses these. */
  private static DumperOptions dumperOptions(boolean asciiOnly) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    options.setExplicitStart(false);
    options.setAllowUnicode(!asciiOnly);
    return options;
  }

  /**
   * SnakeYAML indents a top-level sequence like a nested one ({@code "  - name: ..."}); a playbook
   * reads better from column 0. Every line of such a document belongs to an item, so each starts
   * with the two spaces removed here (literal blocks keep their relative indentation).
   */
  private static String outdent(String yaml) {
    StringBuilder out = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith("  ")) {
        return yaml;
      }
      out.append(line.isEmpty() ? line : line.substring(2)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
