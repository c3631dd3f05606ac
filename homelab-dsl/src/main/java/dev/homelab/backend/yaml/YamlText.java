package dev.homelab.backend.yaml;

/**
 * The text side of SnakeYAML 2.4's {@code Emitter} (snakeyaml/snakeyaml tag snakeyaml-2.4,
 * {@code org.yaml.snakeyaml.emitter.Emitter}): the column, whether the last character written was
 * whitespace or only indentation, the indentation stack, and the scalar writers, with line
 * splitting off. {@link BlockEmitter} decides what goes where.
 */
final class YamlText {
  private static final int NONE = Integer.MIN_VALUE;
  private static final int BEST_INDENT = 2;

  private final StringBuilder out;
  private final boolean allowUnicode;

  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private int indent = NONE;
  private int[] indents = new int[16];
  private int indentDepth;

  YamlText(StringBuilder out, boolean allowUnicode) {
    this.out = out;
    this.allowUnicode = allowUnicode;
  }


  void increaseIndent(boolean flow, boolean indentless) {
    if (indentDepth == indents.length) {
      indents = java.util.Arrays.copyOf(indents, indentDepth * 2);
    }
    indents[indentDepth++] = indent;
    if (indent == NONE) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  /** Back to the indentation before the last {@link #increaseIndent}. */
  void restoreIndent() {
    indent = indents[--indentDepth];
  }

  void indentBy(int columns) {
    indent += columns;
  }

  /** Whether only indentation was written on this line (the emitter's {@code indention}). */
  boolean indention() {
    return indention;
  }

  void writeIndicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentation) {
    if (!whitespace && needWhitespace) {
      column++;
      out.append(' ');
    }
    whitespace = whitespaceAfter;
    indention = indention && indentation;
    column += indicator.length();
    out.append(indicator);
  }

  void writeIndent() {
    int target = indent == NONE ? 0 : indent;
    if (!indention || column > target || (column == target && !whitespace)) {
      writeLineBreak();
    }
    writeWhitespace(target - column);
  }

  void writeWhitespace(int length) {
    if (length <= 0) {
      return;
    }
    whitespace = true;
    column += length;
    for (int i = 0; i < length; i++) {
      out.append(' ');
    }
  }

  private void writeLineBreak() {
    writeLineBreak('\n');
  }

  private void writeLineBreak(char br) {
    whitespace = true;
    indention = true;
    column = 0;
    out.append(br);
  }

  /** The breaks of {@code text[start, end)}, each written as itself ({@code Emitter}'s loop over {@code data}). */
  private void writeBreaks(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      writeLineBreak(text.charAt(i));
    }
  }

  private void writeText(String text, int start, int end) {
    column += end - start;
    out.append(text, start, end);
  }

  /*
   * Plain and single-quoted scalars never hold a line break here: the generator asks for plain only
   * for text without one (a string with '\n' is a literal block, NEL/LS/PS are double-quoted, and
   * the quoting checker double-quotes every name with a control character), and the emitter turns
   * only a plain request into single quotes. So these writers leave out the emitter's folding of
   * breaks, and with line splitting off they write the text on one line.
   */

  void writePlain(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!whitespace) {
      column++;
      out.append(' ');
    }
    whitespace = false;
    indention = false;
    writeText(text, 0, text.length());
  }

  void writeSingleQuoted(String text) {
    writeIndicator("'", true, false, false);
    int start = 0;
    for (int quote = text.indexOf('\''); quote >= 0; quote = text.indexOf('\'', start)) {
      writeText(text, start, quote);
      column += 2;
      out.append("''");
      start = quote + 1;
    }
    writeText(text, start, text.length());
    writeIndicator("'", false, false, false);
  }

  void writeDoubleQuoted(String text) {
    writeIndicator("\"", true, false, false);
    int start = 0;
    int length = text.length();
    for (int end = 0; end <= length; end++) {
      if (end == length) {
        writeText(text, start, end);
        break;
      }
      char ch = text.charAt(end);
      if (ch >= 0x20 && ch <= 0x7E && ch != '"' && ch != '\\') {
        continue;
      }
      writeText(text, start, end);
      String escape = escape(ch);
      if (escape != null) {
        column += escape.length();
        out.append(escape);
      } else {
        // As the emitter: a high surrogate takes the next char along, whatever it is.
        int codePoint = Character.isHighSurrogate(ch) && end + 1 < length
            ? Character.toCodePoint(ch, text.charAt(end + 1)) : ch;
        boolean pair = Character.charCount(codePoint) == 2;
        if (allowUnicode && isPrintable(codePoint)) {
          int before = out.length();
          out.appendCodePoint(codePoint);
          column += out.length() - before;
        } else if (ch <= 0xFF) {
          appendHex("\\x", ch, 2);
        } else if (pair) {
          appendHex("\\U", codePoint, 8);
        } else {
          appendHex("\\u", ch, 4);
        }
        if (pair) {
          end++;
        }
      }
      start = end + 1;
    }
    writeIndicator("\"", false, false, false);
  }

  private void appendHex(String prefix, long value, int digits) {
    String hex = Long.toHexString(value);
    out.append(prefix);
    for (int i = hex.length(); i < digits; i++) {
      out.append('0');
    }
    out.append(hex, Math.max(0, hex.length() - digits), hex.length());
    column += prefix.length() + digits;
  }

  /** {@code Emitter.ESCAPE_REPLACEMENTS}. */
  private static String escape(char ch) {
    return switch (ch) {
      case '\0' -> "\\0";
      case '\u0007' -> "\\a";
      case '\b' -> "\\b";
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case '\u000B' -> "\\v";
      case '\f' -> "\\f";
      case '\r' -> "\\r";
      case '\u001B' -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\u0085' -> "\\N";
      case '\u00A0' -> "\\_";
      case '\u2028' -> "\\L";
      case '\u2029' -> "\\P";
      default -> null;
    };
  }

  /** SnakeYAML's {@code StreamReader.isPrintable(int)}. */
  private static boolean isPrintable(int c) {
    return (c >= 0x20 && c <= 0x7E) || c == 0x9 || c == 0xA || c == 0xD || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  void writeLiteral(String text) {
    StringBuilder hints = new StringBuilder("|");
    char first = text.charAt(0);
    if (first == ' ' || ScalarAnalysis.isLineBreak(first)) {
      hints.append(BEST_INDENT);
    }
    char last = text.charAt(text.length() - 1);
    if (!ScalarAnalysis.isLineBreak(last)) {
      hints.append('-');
    } else if (text.length() == 1 || ScalarAnalysis.isLineBreak(text.charAt(text.length() - 2))) {
      hints.append('+');
    }
    writeIndicator(hints.toString(), true, false, false);
    writeLineBreak();
    boolean breaks = true;
    int start = 0;
    for (int end = 0; end <= text.length(); end++) {
      char ch = end < text.length() ? text.charAt(end) : 0;
      if (breaks) {
        if (ch == 0 || !ScalarAnalysis.isLineBreak(ch)) {
          writeBreaks(text, start, end);
          if (ch != 0) {
            writeIndent();
          }
          start = end;
        }
      } else if (ch == 0 || ScalarAnalysis.isLineBreak(ch)) {
        // The emitter does not count these columns; the line break after them resets the count.
        out.append(text, start, end);
        if (ch == 0) {
          writeLineBreak();
        }
        start = end;
      }
      if (ch != 0) {
        breaks = ScalarAnalysis.isLineBreak(ch);
      }
    }
  }
}
