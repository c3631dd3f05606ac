package dev.homelab.backend.yaml;

/**
 * Which scalar styles can hold a string, decided as SnakeYAML 2.4's emitter decides it
 * ({@code org.yaml.snakeyaml.emitter.Emitter#analyzeScalar}, snakeyaml/snakeyaml tag snakeyaml-2.4),
 * quirks included: the writer must keep producing the bytes it produced on that emitter. Only the
 * block context is analysed, the writer never writes a flow collection with content.
 */
final class ScalarAnalysis {
  /** SnakeYAML's {@code Constant.LINEBR}: the YAML 1.1 line breaks (no CR, which counts as special). */
  static boolean isLineBreak(int c) {
    return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** SnakeYAML's {@code Constant.NULL_BL_T}. */
  private static boolean isNulBlankOrTab(int c) {
    return c == 0 || c == ' ' || c == '\t';
  }

  private static final String LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`";
  private static final String INNER_FLOW_INDICATORS = ",?[]{}";

  final boolean empty;
  final boolean multiline;
  final boolean allowBlockPlain;
  final boolean allowSingleQuoted;
  final boolean allowBlock;
  /**
   * Holds NEL, LS or PS, which the writer double-quotes whatever style was asked for
   * ({@code TaggingYamlFactory}): found in the same pass, so the text is read once.
   */
  final boolean unicodeBreak;

  private ScalarAnalysis(boolean empty, boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted,
      boolean allowBlock, boolean unicodeBreak) {
    this.empty = empty;
    this.multiline = multiline;
    this.allowBlockPlain = allowBlockPlain;
    this.allowSingleQuoted = allowSingleQuoted;
    this.allowBlock = allowBlock;
    this.unicodeBreak = unicodeBreak;
  }

  private static final ScalarAnalysis EMPTY = new ScalarAnalysis(true, false, true, true, false, false);

  static ScalarAnalysis of(String scalar, boolean allowUnicode) {
    int length = scalar.length();
    if (length == 0) {
      return EMPTY;
    }
    boolean blockIndicators = scalar.startsWith("---") || scalar.startsWith("...");
    boolean lineBreaks = false;
    boolean special = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWhitespace = true;
    boolean previousSpace = false;
    boolean previousBreak = false;
    boolean unicodeBreak = false;
    int index = 0;
    while (index < length) {
      int c = scalar.charAt(index);
      if (index > 0 && c > ' ' && c < 0x7F && c != ':' && c != '#') {
        // Most characters: printable ASCII inside the text, which only ends a run of spaces or breaks.
        previousSpace = false;
        previousBreak = false;
        precededByWhitespace = false;
        index++;
        continue;
      }
      int width = 1;
      if (Character.isHighSurrogate((char) c)) {
        c = scalar.codePointAt(index);
        width = Character.charCount(c);
      }
      if (index == 0) {
        if (LEADING_INDICATORS.indexOf(c) >= 0) {
          blockIndicators = true;
        }
        if ((c == '?' || c == ':' || c == '-') && followedByWhitespace(scalar, 0, false)) {
          blockIndicators = true;
        }
      } else if ((c == ':' && followedByWhitespace(scalar, index, previousBreak)) || (c == '#' && precededByWhitespace)) {
        blockIndicators = true;
      }
      boolean lineBreak = isLineBreak(c);
      lineBreaks |= lineBreak;
      unicodeBreak |= lineBreak && c != '\n';
      if (c != '\n' && (c < 0x20 || c > 0x7E)) {
        boolean printableUnicode = c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
            || (c >= 0x10000 && c <= 0x10FFFF);
        if (!printableUnicode || !allowUnicode) {
          special = true;
        }
      }
      if (c == ' ') {
        leadingSpace |= index == 0;
        trailingSpace |= index == length - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (lineBreak) {
        leadingBreak |= index == 0;
        trailingBreak |= index == length - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      index += width;
      precededByWhitespace = isNulBlankOrTab(c) || lineBreak;
    }
    boolean allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak
        || hasLeadingZero(scalar));
    boolean allowSingleQuoted = true;
    boolean allowBlock = !trailingSpace;
    if (breakSpace) {
      allowBlockPlain = false;
      allowSingleQuoted = false;
    }
    if (spaceBreak || special) {
      allowBlockPlain = false;
      allowSingleQuoted = false;
      allowBlock = false;
    }
    if (blockIndicators) {
      allowBlockPlain = false;
    }
    return new ScalarAnalysis(false, lineBreaks, allowBlockPlain, allowSingleQuoted, allowBlock, unicodeBreak);
  }

  /**
   * The emitter's {@code followedByWhitespace} for the character at {@code index}. For the first
   * one: whether the second is a blank or a break. For the others the emitter computes it, after
   * each character, from the character after the next one, and counts a break just read as
   * whitespace: so here, whether the character after this one is a blank, or the previous one a
   * break. The emitter reads code points; chars give the same answers (every character compared is
   * a BMP non-surrogate).
   */
  private static boolean followedByWhitespace(String scalar, int index, boolean previousBreak) {
    int length = scalar.length();
    if (index == 0) {
      if (length == 1) {
        return true;
      }
      char second = scalar.charAt(1);
      return isNulBlankOrTab(second) || second == '\r' || isLineBreak(second);
    }
    if (index + 1 >= length) {
      return true;
    }
    int next = index + (isSurrogatePair(scalar, index) ? 2 : 1);
    return next >= length || isNulBlankOrTab(scalar.charAt(next)) || previousBreak;
  }

  private static boolean isSurrogatePair(String text, int index) {
    return Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(index + 1));
  }

  /** The emitter's {@code 0[0-9_]+}: a leading-zero number is never plain. */
  private static boolean hasLeadingZero(String scalar) {
    if (scalar.length() < 2 || scalar.charAt(0) != '0') {
      return false;
    }
    for (int i = 1; i < scalar.length(); i++) {
      char ch = scalar.charAt(i);
      if ((ch < '0' || ch > '9') && ch != '_') {
        return false;
      }
    }
    return true;
  }
}
