package dev.homelab.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Terraform JSON syntax helpers. Every string in a {@code *.tf.json} body is a template, so literal
 * text from the model goes through {@link #literal} and references through {@link #ref}.
 *
 * @see <a href="https://developer.hashicorp.com/terraform/language/syntax/json">JSON configuration syntax</a>
 */
final class TfJson {
  /** Key of a comment in a Terraform JSON object. */
  static final String COMMENT = "//";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Two-space indent, "key": value, one array element per line, "\n" whatever the OS: same bytes everywhere.
  private static final ObjectWriter WRITER = new ObjectMapper().writer(
      new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private TfJson() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A string Terraform reads as-is: template sequences ({@code ${}, %{}}) are escaped. */
  static String literal(String text) {
    return text.replace("${", "$${").replace("%{", "%%{");
  }

  /** A reference such as {@code var.public_ip}, written as the one-interpolation template {@code "${var.public_ip}"}. */
  static String ref(String expression) {
    return "${" + expression + "}";
  }

  /** A Terraform identifier from a model name (DNS labels: {@code my-app} becomes {@code my_app}). */
  static String identifier(String name) {
    String id = name.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(id.charAt(0)) ? "_" + id : id;
  }

  /** Pretty-printed JSON with a final newline. */
  static String write(ObjectNode document) {
    try {
      return WRITER.writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
