package dev.homelab.k8s.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two Jackson trees the way the YAML writer sees them: field order, node types (an int
 * node is not a long node) and values. {@code ObjectNode.equals} ignores field order.
 */
public final class OrderedTrees {
  private OrderedTrees() {}

  /** The first difference between {@code expected} and {@code actual}, as a path and what differs. */
  public static Optional<String> difference(JsonNode expected, JsonNode actual) {
    return difference("", expected, actual);
  }

  private static Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
    if (expected.getClass() != actual.getClass()) {
      return Optional.of(path + ": " + expected.getClass().getSimpleName() + " " + expected + " but "
          + actual.getClass().getSimpleName() + " " + actual);
    }
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
      Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
      while (e.hasNext() && a.hasNext()) {
        Map.Entry<String, JsonNode> x = e.next();
        Map.Entry<String, JsonNode> y = a.next();
        if (!x.getKey().equals(y.getKey())) {
          return Optional.of(path + ": field " + x.getKey() + " but " + y.getKey());
        }
        Optional<String> d = difference(path + "/" + x.getKey(), x.getValue(), y.getValue());
        if (d.isPresent()) {
          return d;
        }
      }
      if (e.hasNext() || a.hasNext()) {
        return Optional.of(path + ": fields " + fieldNames(expected) + " but " + fieldNames(actual));
      }
      return Optional.empty();
    }
    if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        return Optional.of(path + ": " + expected.size() + " items but " + actual.size());
      }
      for (int i = 0; i < expected.size(); i++) {
        Optional<String> d = difference(path + "/" + i, expected.get(i), actual.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return expected.equals(actual) ? Optional.empty() : Optional.of(path + ": " + expected + " but " + actual);
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder out = new StringBuilder();
    node.fieldNames().forEachRemaining(n -> out.append(out.length() == 0 ? "" : ",").append(n));
    return "[" + out + "]";
  }
}
