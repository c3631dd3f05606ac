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

  private ScalarAnalysis(boolean empty, boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted,
      boolean allowBlock) {
    this.empty = empty;
    this.multiline = multiline;
    this.allowBlockPlain = allowBlockPlain;
    this.allowSingleQuoted = allowSingleQuoted;
    this.allowBlock = allowBlock;
  }

  private static final ScalarAnalysis EMPTY = new ScalarAnalysis(true, false, true, true, false);

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
    // The emitter reads code points; reading chars gives the same answers (every character it
    // compares with is a BMP non-surrogate) and pairs surrogates only where it has to.
    boolean followedByWhitespace = length == 1 || isNulBlankOrTab(scalar.charAt(1)) || scalar.charAt(1) == '\r'
        || isLineBreak(scalar.charAt(1));
    boolean previousSpace = false;
    boolean previousBreak = false;
    int index = 0;
    while (index < length) {
      int c = scalar.charAt(index);
      int width = 1;
      if (Character.isHighSurrogate((char) c)) {
        c = scalar.codePointAt(index);
        width = Character.charCount(c);
      }
      if (index == 0) {
        if (LEADING_INDICATORS.indexOf(c) >= 0) {
          blockIndicators = true;
        }
        if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
          blockIndicators = true;
        }
      } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
        blockIndicators = true;
      }
      boolean lineBreak = isLineBreak(c);
      lineBreaks |= lineBreak;
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
      // As the emitter does: the character after the next one, and the current one's break.
      followedByWhitespace = true;
      if (index + 1 < length) {
        int next = index + (isSurrogatePair(scalar, index) ? 2 : 1);
        if (next < length) {
          followedByWhitespace = isNulBlankOrTab(scalar.charAt(next)) || lineBreak;
        }
      }
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
    return new ScalarAnalysis(false, lineBreaks, allowBlockPlain, allowSingleQuoted, allowBlock);
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
