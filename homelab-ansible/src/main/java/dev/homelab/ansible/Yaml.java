package dev.homelab.ansible;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * The one YAML writer of this backend: Jackson, plain scalars where YAML 1.1 and 1.2 agree, quotes
 * where they do not ({@code "0600"}, {@code "yes"}, {@code "{{ ... }}"}), multi-line strings as
 * literal blocks, no line folding. Maps keep their insertion order; callers build them in a stable
 * order so the same model gives the same bytes.
 *
 * <p>Ansible templates every string of inventory and vars files when it is used, on the
 * controller. So every {@code String} this writer emits is data: one holding a Jinja delimiter
 * ({@code {{}, {@code {%}, {@code {#}) is tagged {@code !unsafe}, which Ansible never templates,
 * and one holding a control character is refused ({@link HostText}: every value reaches a
 * line-oriented host file). The only strings Ansible templates are {@link Templated} ones, which
 * only this backend's code makes: the {@code {{ vault_* }}} references and the k3s config
 * documents holding them.
 *
 * @see <a href="https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_advanced_syntax.html#unsafe-or-raw-strings">Unsafe or raw strings</a>
 */
final class Yaml {
  /** Ansible's tag for a string it must not template (ansible-core 2.14 reads it in inventories and vars files). */
  static final String UNSAFE = "!unsafe";

  private static final YAMLMapper MAPPER = mapper(false);
  /** For k3s config documents: no tags (k3s reads them), and no Jinja at all (see {@link #k3sDocument}). */
  private static final YAMLMapper K3S_MAPPER = mapper(true);

  /** A string Ansible templates. Only this backend makes them; never wrap a model string in one. */
  record Templated(String text) {}

  private Yaml() {}

  private static YAMLMapper mapper(boolean k3s) {
    YAMLMapper mapper = new YAMLMapper(new TaggingFactory(YAMLFactory.builder()
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .stringQuotingChecker(new Yaml11Quoting())));
    SimpleModule strings = new SimpleModule();
    strings.addSerializer(String.class, new DataString(k3s));
    strings.addSerializer(Templated.class, new TemplatedString());
    mapper.registerModule(strings);
    return mapper;
  }

  /** Every model string: data, never a template. */
  private static final class DataString extends StdSerializer<String> {
    private static final long serialVersionUID = 1L;
    private final boolean k3s;

    DataString(boolean k3s) {
      super(String.class);
      this.k3s = k3s;
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      String where = "Ansible value " + gen.getOutputContext().pathAsPointer();
      if (HostText.hasControl(value)) {
        throw new UnsafeValueException(value, where, "contains the control character " + HostText.firstControl(value)
            + ", which would start a new line in the host files it reaches");
      }
      if (HostText.hasJinja(value)) {
        if (k3s) {
          throw new UnsafeValueException(value, where, "contains a Jinja delimiter ({{, {% or {#), which k3s-ansible"
              + " would evaluate (it templates its k3s config twice, so no escape holds)");
        }
        gen.writeTypeId(UNSAFE);
      }
      gen.writeString(value);
    }
  }

  private static final class TemplatedString extends StdSerializer<Templated> {
    private static final long serialVersionUID = 1L;

    TemplatedString() {
      super(Templated.class);
    }

    @Override
    public void serialize(Templated value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.text());
    }
  }

  /**
   * Jackson writes a type id as a tag only when it resolves implicitly; Ansible needs the
   * {@code !unsafe} tag written, so scalars with a tag are emitted with explicit tags.
   */
  private static final class TaggingFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    TaggingFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
      return new YAMLGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker, _objectCodec, out, _version) {
        @Override
        protected ScalarEvent _scalarEvent(String value, DumperOptions.ScalarStyle style) {
          ScalarEvent event = super._scalarEvent(value, style);
          return event.getTag() == null ? event
              : new ScalarEvent(event.getAnchor(), event.getTag(), new ImplicitTuple(false, false), value, null, null, style);
        }
      };
    }
  }

  /**
   * Jackson's checker plus the scalars only YAML 1.1 (PyYAML, so Ansible) reads as non-strings:
   * sexagesimal numbers ({@code 03:00} is 180), hex/octal/binary ints, dates.
   */
  private static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern YAML11_ONLY = Pattern.compile(
        "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?"
            + "|[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || YAML11_ONLY.matcher(value).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || YAML11_ONLY.matcher(name).matches();
    }
  }

  /** {@code value} as a YAML document without the {@code ---} marker. */
  static String write(Object value) {
    return write(MAPPER, value);
  }

  /**
   * A k3s {@code config.yaml} document, handed to k3s-ansible as a string it templates (our
   * {@code {{ vault_* }}} references resolve there). k3s-ansible parses it ({@code from_yaml}),
   * keeps the result in a fact and templates it again when writing the file, so a model string in
   * it can neither be tagged {@code !unsafe} (k3s reads the file) nor escaped once: one with a
   * Jinja delimiter or a control character is refused.
   *
   * @see <a href="https://github.com/k3s-io/k3s-ansible/blob/main/roles/k3s_server/tasks/main.yml">k3s_server tasks (server_config_yaml | from_yaml)</a>
   */
  static Templated k3sDocument(Object value) {
    return new Templated(write(K3S_MAPPER, value));
  }

  private static String write(YAMLMapper mapper, Object value) {
    String yaml;
    try {
      yaml = mapper.writeValueAsString(value);
    } catch (UnsafeValueException e) {
      throw e;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof UnsafeValueException unsafe) {
        throw unsafe;
      }
      throw new UncheckedIOException(e);
    }
    return value instanceof List<?> ? outdent(yaml) : yaml;
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

  /** A file: {@code ---}, the comment lines (each prefixed with {@code # }), then the document. */
  static String file(String comment, Object value) {
    StringBuilder out = new StringBuilder("---\n");
    if (!comment.isEmpty()) {
      for (String line : comment.split("\n", -1)) {
        out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
      }
    }
    return out.append(write(value)).toString();
  }
}
