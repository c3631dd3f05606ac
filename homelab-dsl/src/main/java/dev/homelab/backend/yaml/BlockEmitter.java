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

  private static final int INDICATOR_INDENT = 2;
  private static final int MAX_SIMPLE_KEY_LENGTH = 128;

  private final YamlText text;
  private final boolean allowUnicode;

  /** Open block collections, innermost last: their kind and where they are. */
  private Frame[] frames = new Frame[8];
  private int depth;
  private boolean started;

  /** A collection start waiting for the next event to know whether it is empty. */
  private boolean pending;
  private boolean pendingMap;
  private boolean pendingMappingContext;

  BlockEmitter(StringBuilder out, boolean allowUnicode) {
    this.text = new YamlText(out, allowUnicode);
    this.allowUnicode = allowUnicode;
  }

  private static final class Frame {
    boolean map;
    boolean first;
    /** For maps: the next node is a value, after a simple ({@code k: v}) or complex ({@code ? k}) key. */
    boolean expectValue;
    boolean complexKey;
  }

  /** A scalar, double-quoted whatever {@code requested} says when it holds NEL, LS or PS. */
  void scalar(String value, Style requested, String tag) {
    scalar(value, ScalarAnalysis.of(value, allowUnicode), requested, tag);
  }

  /** A scalar in the style {@code decisions} asks for, with the analysis it remembers. */
  void scalar(String value, ScalarDecisions decisions, String tag) {
    ScalarDecisions.Decided decided = decisions.of(value, allowUnicode);
    scalar(value, decided.analysis(allowUnicode), decided.style(), tag);
  }

  private void scalar(String value, ScalarAnalysis analysis, Style requested, String tag) {
    if (!started) {
      documentStart(!value.isEmpty() || tag != null);
    }
    resolvePending(false, false);
    boolean[] context = nodePrelude(value, analysis, tag);
    writeScalarNode(value, analysis, analysis.unicodeBreak ? Style.DOUBLE_QUOTED : requested, tag, context[0]);
  }

  void startCollection(boolean map, String tag) {
    if (!started) {
      documentStart(true);
    }
    resolvePending(false, false);
    boolean[] context = nodePrelude(null, null, tag);
    if (tag != null) {
      text.writeIndicator(prepareTag(tag), true, false, false);
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
    text.restoreIndent();
  }

  /** The end of the document: the last line ends. */
  void finish() {
    text.writeIndent();
  }

  private void documentStart(boolean implicit) {
    started = true;
    if (!implicit) {
      // An untagged empty root scalar would read as an empty document: the emitter marks it.
      text.writeIndent();
      text.writeIndicator("---", true, false, false);
    }
  }

  /** Writes the pending collection start; true when it was empty and {@code end} closed it. */
  private boolean resolvePending(boolean end, boolean endMap) {
    if (!pending) {
      return false;
    }
    pending = false;
    if (end && endMap == pendingMap) {
      text.writeIndicator(pendingMap ? "{" : "[", true, true, false);
      text.writeIndicator(pendingMap ? "}" : "]", false, false, false);
      return true;
    }
    if (pendingMap) {
      text.increaseIndent(false, false);
    } else {
      text.increaseIndent(false, pendingMappingContext && !text.indention());
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
      text.writeIndent();
      if (frame.first) {
        text.writeWhitespace(INDICATOR_INDENT);
      }
      text.writeIndicator("-", true, false, true);
      if (frame.first) {
        text.indentBy(INDICATOR_INDENT);
        frame.first = false;
      }
      return NOT_IN_MAPPING;
    }
    if (frame.expectValue) {
      frame.expectValue = false;
      if (frame.complexKey) {
        text.writeIndent();
        text.writeIndicator(":", true, false, true);
      } else {
        text.writeIndicator(":", false, false, false);
      }
      return MAPPING_VALUE;
    }
    text.writeIndent();
    frame.first = false;
    frame.expectValue = true;
    frame.complexKey = !isSimpleKey(keyText, analysis, tag);
    if (frame.complexKey) {
      text.writeIndicator("?", true, false, true);
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
      text.writeIndicator(prepareTag(tag), true, false, false);
    }
    text.increaseIndent(true, false);
    switch (style) {
      case PLAIN -> text.writePlain(value);
      case LITERAL -> text.writeLiteral(value);
      case DOUBLE_QUOTED -> text.writeDoubleQuoted(value);
      case SINGLE_QUOTED -> text.writeSingleQuoted(value);
    }
    text.restoreIndent();
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
}
