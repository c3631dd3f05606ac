package dev.homelab.backend.yaml;

/**
 * Block YAML text from node events, laid out as SnakeYAML 2.4's {@code Emitter} lays it out with
 * the options {@link YamlWriter} gave it (indent 2, indicator indent 2 with the indicator inside the
 * indentation, no line splitting, block collections, empty ones as {@code []}/{@code {}}); see
 * {@code org.yaml.snakeyaml.emitter.Emitter} at tag snakeyaml-2.4 for the states mirrored here.
 * Events arrive one by one: a collection's start is decided (flow when empty, block otherwise) when
 * the event after it arrives, the emitter's own look-ahead.
 */
final class BlockEmitter {
  /** The scalar styles a caller asks for; the emitter may pick another one the text allows. */
  enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  private static final int NONE = Integer.MIN_VALUE;
  private static final int BEST_INDENT = 2;
  private static final int INDICATOR_INDENT = 2;
  private static final int MAX_SIMPLE_KEY_LENGTH = 128;

  private final StringBuilder out;
  private final boolean allowUnicode;

  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private int indent = NONE;
  private int[] indents = new int[16];
  private int indentDepth;

  /** Open block collections, innermost last: their kind and where they are. */
  private Frame[] frames = new Frame[8];
  private int depth;
  private boolean started;

  /** A collection start waiting for the next event to know whether it is empty. */
  private boolean pending;
  private boolean pendingMap;
  private boolean pendingMappingContext;

  BlockEmitter(StringBuilder out, boolean allowUnicode) {
    this.out = out;
    this.allowUnicode = allowUnicode;
  }

  private static final class Frame {
    boolean map;
    boolean first;
    /** For maps: the next node is a value, after a simple ({@code k: v}) or complex ({@code ? k}) key. */
    boolean expectValue;
    boolean complexKey;
  }

  void scalar(String value, Style requested, String tag) {
    if (!started) {
      documentStart(!value.isEmpty() || tag != null);
    }
    resolvePending(false, false);
    ScalarAnalysis analysis = ScalarAnalysis.of(value, allowUnicode);
    boolean[] context = nodePrelude(value, analysis, tag);
    writeScalarNode(value, analysis, requested, tag, context[0]);
  }

  void startCollection(boolean map, String tag) {
    if (!started) {
      documentStart(true);
    }
    resolvePending(false, false);
    boolean[] context = nodePrelude(null, null, tag);
    if (tag != null) {
      writeIndicator(prepareTag(tag), true, false, false);
    }
    pending = true;
    pendingMap = map;
    pendingMappingContext = context[1];
  }

  void endCollection(boolean map) {
    if (resolvePending(true, map)) {
      return;
    }
    depth--;
    indent = popIndent();
  }

  /** The end of the document: the last line ends. */
  void finish() {
    writeIndent();
  }

  private void documentStart(boolean implicit) {
    started = true;
    if (!implicit) {
      // An untagged empty root scalar would read as an empty document: the emitter marks it.
      writeIndent();
      writeIndicator("---", true, false, false);
    }
  }

  /** Writes the pending collection start; true when it was empty and {@code end} closed it. */
  private boolean resolvePending(boolean end, boolean endMap) {
    if (!pending) {
      return false;
    }
    pending = false;
    if (end && endMap == pendingMap) {
      writeIndicator(pendingMap ? "{" : "[", true, true, false);
      writeIndicator(pendingMap ? "}" : "]", false, false, false);
      return true;
    }
    if (pendingMap) {
      increaseIndent(false, false);
    } else {
      increaseIndent(false, pendingMappingContext && !indention);
    }
    push(pendingMap);
    return false;
  }

  private void push(boolean map) {
    if (depth == frames.length) {
      frames = java.util.Arrays.copyOf(frames, depth * 2);
    }
    Frame frame = frames[depth];
    if (frame == null) {
      frame = new Frame();
      frames[depth] = frame;
    }
    frame.map = map;
    frame.first = true;
    frame.expectValue = false;
    frame.complexKey = false;
    depth++;
  }

  /**
   * What the enclosing collection writes before a node ({@code - }, {@code ? }, {@code :}); returns
   * {simpleKeyContext, mappingContext} of the node. {@code keyText} is the scalar (null for a collection).
   */
  private boolean[] nodePrelude(String keyText, ScalarAnalysis analysis, String tag) {
    if (depth == 0) {
      return NOT_IN_MAPPING;
    }
    Frame frame = frames[depth - 1];
    if (!frame.map) {
      writeIndent();
      if (frame.first) {
        writeWhitespace(INDICATOR_INDENT);
      }
      writeIndicator("-", true, false, true);
      if (frame.first) {
        indent += INDICATOR_INDENT;
        frame.first = false;
      }
      return NOT_IN_MAPPING;
    }
    if (frame.expectValue) {
      frame.expectValue = false;
      if (frame.complexKey) {
        writeIndent();
        writeIndicator(":", true, false, true);
      } else {
        writeIndicator(":", false, false, false);
      }
      return MAPPING_VALUE;
    }
    writeIndent();
    frame.first = false;
    frame.expectValue = true;
    frame.complexKey = !isSimpleKey(keyText, analysis, tag);
    if (frame.complexKey) {
      writeIndicator("?", true, false, true);
      return MAPPING_VALUE;
    }
    return SIMPLE_KEY;
  }

  private static final boolean[] NOT_IN_MAPPING = {false, false};
  private static final boolean[] MAPPING_VALUE = {false, true};
  private static final boolean[] SIMPLE_KEY = {true, true};

  private static boolean isSimpleKey(String text, ScalarAnalysis analysis, String tag) {
    if (text == null) {
      return false;
    }
    int length = text.length() + (tag == null ? 0 : prepareTag(tag).length());
    if (length >= MAX_SIMPLE_KEY_LENGTH) {
      return false;
    }
    return !analysis.empty && !analysis.multiline;
  }

  private void writeScalarNode(String value, ScalarAnalysis analysis, Style requested, String tag, boolean simpleKey) {
    Style style = chooseStyle(analysis, requested, tag == null, simpleKey);
    if (tag != null) {
      writeIndicator(prepareTag(tag), true, false, false);
    }
    increaseIndent(true, false);
    switch (style) {
      case PLAIN -> writePlain(value);
      case LITERAL -> writeLiteral(value);
      case DOUBLE_QUOTED -> writeDoubleQuoted(value);
      case SINGLE_QUOTED -> writeSingleQuoted(value);
    }
    indent = popIndent();
  }

  /** {@code Emitter#chooseScalarStyle} in the block context. */
  private static Style chooseStyle(ScalarAnalysis analysis, Style requested, boolean implicit, boolean simpleKey) {
    if (requested == Style.DOUBLE_QUOTED) {
      return Style.DOUBLE_QUOTED;
    }
    if (requested == Style.PLAIN && implicit && !(simpleKey && (analysis.empty || analysis.multiline))
        && analysis.allowBlockPlain) {
      return Style.PLAIN;
    }
    if (requested == Style.LITERAL && !simpleKey && analysis.allowBlock) {
      return Style.LITERAL;
    }
    if (requested == Style.PLAIN && analysis.allowSingleQuoted && !(simpleKey && analysis.multiline)) {
      return Style.SINGLE_QUOTED;
    }
    return Style.DOUBLE_QUOTED;
  }

  /** {@code Emitter#prepareTag} with the default prefixes {@code !} and {@code tag:yaml.org,2002:}. */
  static String prepareTag(String tag) {
    if (tag.isEmpty()) {
      throw new IllegalArgumentException("tag must not be empty");
    }
    if (tag.equals("!")) {
      return tag;
    }
    String yaml = "tag:yaml.org,2002:";
    if (tag.startsWith(yaml) && yaml.length() < tag.length()) {
      return "!!" + tag.substring(yaml.length());
    }
    if (tag.startsWith("!")) {
      return tag;
    }
    return "!<" + tag + ">";
  }

  // The emitter's low-level writers.

  private void increaseIndent(boolean flow, boolean indentless) {
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

  private int popIndent() {
    return indents[--indentDepth];
  }

  private void writeIndicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentation) {
    if (!whitespace && needWhitespace) {
      column++;
      out.append(' ');
    }
    whitespace = whitespaceAfter;
    indention = indention && indentation;
    column += indicator.length();
    out.append(indicator);
  }

  private void writeIndent() {
    int target = indent == NONE ? 0 : indent;
    if (!indention || column > target || (column == target && !whitespace)) {
      writeLineBreak();
    }
    writeWhitespace(target - column);
  }

  private void writeWhitespace(int length) {
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

  private void writePlain(String text) {
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

  private void writeSingleQuoted(String text) {
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

  private void writeDoubleQuoted(String text) {
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

  private void writeLiteral(String text) {
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
