package dev.homelab.github;

/**
 * A model string the workflow cannot hold as text (see {@link WorkflowYaml}). The renderer refuses
 * it; {@link GitHubActionsBackend#check} reports it as a validation problem.
 */
final class UnsafeValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnsafeValueException(String value, String reason) {
    super(show(value) + " " + reason);
  }

  private static String show(String value) {
    StringBuilder out = new StringBuilder("\"");
    value.codePoints().limit(60).forEach(c -> {
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c >= 0xfffe && c <= 0xffff || Character.isSurrogate((char) c)) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(value.codePointCount(0, value.length()) > 60 ? "...\"" : "\"").toString();
  }
}
