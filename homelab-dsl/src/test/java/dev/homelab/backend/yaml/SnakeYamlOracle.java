package dev.homelab.backend.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The writer as it was on SnakeYAML's emitter (Jackson's YAMLGenerator, the tagging factory, the
 * same options), kept as the oracle our own emitter must match byte for byte.
 */
final class SnakeYamlOracle {
  private final ObjectMapper mapper;

  SnakeYamlOracle(boolean sortKeys, boolean asciiOnly, StringHook hook) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    options.setExplicitStart(false);
    options.setAllowUnicode(!asciiOnly);
    YAMLFactory factory = new Factory(YAMLFactory.builder()
        .stringQuotingChecker(Yaml11.checker())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .dumperOptions(options), options);
    mapper = YAMLMapper.builder(factory)
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, sortKeys)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(HookedSerializers.module(hook))
        .build();
  }

  String write(Object value) {
    String yaml;
    try {
      yaml = mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused;
      }
      throw new UncheckedIOException(e);
    }
    return value instanceof List<?> || value instanceof Object[] ? outdent(yaml) : yaml;
  }

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

  private static final class Factory extends YAMLFactory {
    private static final long serialVersionUID = 1L;
    private final transient DumperOptions options;

    Factory(com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder builder, DumperOptions options) {
      super(builder);
      this.options = options;
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
      return new YAMLGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, options) {
        @Override
        protected ScalarEvent _scalarEvent(String value, DumperOptions.ScalarStyle style) {
          boolean unicodeBreak = value.indexOf('\u0085') >= 0 || value.indexOf('\u2028') >= 0 || value.indexOf('\u2029') >= 0;
          ScalarEvent event = super._scalarEvent(value, unicodeBreak ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : style);
          return event.getTag() == null ? event
              : new ScalarEvent(event.getAnchor(), event.getTag(), new ImplicitTuple(false, false), value, null, null,
                  event.getScalarStyle());
        }
      };
    }
  }
}
