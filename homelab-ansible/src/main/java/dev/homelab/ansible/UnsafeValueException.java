package dev.homelab.ansible;

/**
 * A value from the model that cannot be written safely where this backend puts it (a control
 * character in a line-oriented host file, a Jinja delimiter in a document k3s-ansible templates
 * twice). The renderer refuses rather than write a file whose meaning the value would change;
 * {@link AnsibleBackend#check} turns it into a validation problem.
 */
final class UnsafeValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String value;
  private final String reason;

  UnsafeValueException(String value, String where, String reason) {
    super(show(value) + " in " + where + " " + reason);
    this.value = value;
    this.reason = reason;
  }

  String value() {
    return value;
  }

  String reason() {
    return reason;
  }

  /** {@code value} quoted, control characters as {@code \\uXXXX}, cut to 60 characters. */
  static String show(String value) {
    StringBuilder out = new StringBuilder("\"");
    value.codePoints().limit(60).forEach(c -> {
      if (HostText.isControl(c)) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(value.codePointCount(0, value.length()) > 60 ? "...\"" : "\"").toString();
  }
}
