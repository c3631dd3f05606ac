package dev.homelab.internal;

/**
 * User text inside a problem line: quoted, on one line and short, so that a value with a newline
 * or a pasted file cannot break the {@code path: problem. fix} format of the report.
 *
 * <p>Internal: shared by the model, its validation and the backends; not part of the API.
 */
public final class Texts {
  /** Longest user text shown, in characters, before it is cut with {@code …}. */
  public static final int MAX_SHOWN = 60;

  private Texts() {}

  /**
   * True for printable text on one line: not blank, no control characters, no Unicode line or
   * paragraph separators, no noncharacters (U+FFFE, U+FFFF) or lone surrogates, which YAML and
   * Markdown writers cannot carry, and no backtick (such text is shown in Markdown code spans).
   */
  public static boolean isOneLine(String text) {
    if (text.isBlank()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '`' || c == '\uFFFE' || c == '\uFFFF') {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code 'text'} with control characters escaped ({@code \n}) and cut after {@value #MAX_SHOWN} characters. */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    String escaped = oneLine(text);
    if (escaped.codePointCount(0, escaped.length()) > MAX_SHOWN) {
      escaped = escaped.substring(0, escaped.offsetByCodePoints(0, MAX_SHOWN - 1)) + "…";
    }
    return "'" + escaped + "'";
  }

  /** {@code text} with newlines, tabs and other control characters written as escapes. */
  public static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.toString();
  }
}
