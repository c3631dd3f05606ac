package dev.homelab.backend.yaml;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Two fixes to the scalars Jackson hands SnakeYAML's emitter. Jackson writes a type id as a tag
 * only when the scalar would not resolve to it implicitly; a {@link StringHook}'s tag (Ansible's
 * {@code !unsafe}) must always be written, so scalars with a tag are emitted with explicit tags.
 * And the emitter writes NEL, LS and PS (U+0085, U+2028, U+2029) raw in plain, single-quoted and
 * literal scalars, where YAML 1.1 readers read them as line breaks; only in double quotes does it
 * escape them ({@code \N}, {@code \L}, {@code \P}), so a string holding one is double-quoted.
 */
final class TaggingYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;
  private final DumperOptions options;

  TaggingYamlFactory(YAMLFactoryBuilder builder, DumperOptions options) {
    super(builder.dumperOptions(options));
    this.options = options;
  }

  @Override
  protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
    return new YAMLGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, options) {
      @Override
      protected ScalarEvent _scalarEvent(String value, DumperOptions.ScalarStyle style) {
        ScalarEvent event = super._scalarEvent(value, hasUnicodeBreak(value) ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : style);
        return event.getTag() == null ? event
            : new ScalarEvent(event.getAnchor(), event.getTag(), new ImplicitTuple(false, false), value, null, null,
                event.getScalarStyle());
      }
    };
  }

  static boolean hasUnicodeBreak(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }
}
