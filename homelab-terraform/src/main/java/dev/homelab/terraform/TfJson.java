package dev.homelab.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;

/**
 * Terraform JSON syntax helpers. Every string in a {@code *.tf.json} body is a template, so
 * {@link #write} escapes the template sequences of every string value ({@code ${} and {@code %{})
 * except the references made by {@link #ref}: a model string is always text, whoever put it in
 * the document. (This module writes no {@code default} and no {@code *.tfvars.json}, the places
 * Terraform reads literally; a string that must stay literal there would need its own node type.)
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

  /**
   * A reference such as {@code var.public_ip}, written as the one-interpolation template
   * {@code "${var.public_ip}"}: the only string {@link #write} does not escape. Only this backend's
   * code makes them, from names it generates.
   */
  static JsonNode ref(String expression) {
    return new Ref("${" + expression + "}");
  }

  /** A template node; its type is what tells {@link #write} not to escape it. */
  private static final class Ref extends TextNode {
    private static final long serialVersionUID = 1L;

    Ref(String template) {
      super(template);
    }
  }

  /** A Terraform identifier from a model name (DNS labels: {@code my-app} becomes {@code my_app}). */
  static String identifier(String name) {
    String id = name.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isDigit(id.charAt(0)) ? "_" + id : id;
  }

  /** Pretty-printed JSON with a final newline; every string but a {@link #ref} escaped ({@link #literal}). */
  static String write(ObjectNode document) {
    try {
      return WRITER.writeValueAsString(escaped(document)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode escaped(JsonNode node) {
    if (node instanceof Ref) {
      return node;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(literal(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode copy = object();
      node.properties().forEach(e -> copy.set(e.getKey(), escaped(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = array();
      node.forEach(n -> copy.add(escaped(n)));
      return copy;
    }
    return node;
  }
}
