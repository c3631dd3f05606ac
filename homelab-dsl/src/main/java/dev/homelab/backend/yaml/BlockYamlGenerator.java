package dev.homelab.backend.yaml;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteCapability;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import com.fasterxml.jackson.core.util.JacksonFeatureSet;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The Jackson generator behind {@link YamlWriter}: Jackson's serializers (NON_NULL, sorted map
 * entries, the {@link StringHook} serializer and its {@code writeTypeId}) drive it as they drove
 * Jackson's {@code YAMLGenerator}, and it picks the scalar styles that generator picked with the
 * writer's features (jackson-dataformats-text, {@code yaml/.../YAMLGenerator.java}, 2.20:
 * MINIMIZE_QUOTES, LITERAL_BLOCK_STYLE, ALWAYS_QUOTE_NUMBERS_AS_STRINGS, the {@link Yaml11} checker),
 * then writes the text itself ({@link BlockEmitter}) instead of building SnakeYAML events.
 * Anchors, aliases and binary values are not written here: {@link Unsupported} sends the document
 * to the SnakeYAML writer.
 */
final class BlockYamlGenerator extends GeneratorBase {
  private final BlockEmitter emitter;
  private String typeId;

  /** What this generator leaves to SnakeYAML; thrown as an IOException so Jackson passes it on unwrapped. */
  static final class Unsupported extends IOException {
    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what + " is written by the SnakeYAML emitter", null);
    }
  }

  BlockYamlGenerator(ObjectCodec codec, StringBuilder out, boolean allowUnicode) {
    super(JsonGenerator.Feature.collectDefaults(), codec);
    this.emitter = new BlockEmitter(out, allowUnicode);
  }

  /** Ends the document's last line. */
  void finish() {
    emitter.finish();
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public JsonGenerator useDefaultPrettyPrinter() {
    return this;
  }

  @Override
  public JsonGenerator setPrettyPrinter(PrettyPrinter pp) {
    return this;
  }

  @Override
  public boolean canWriteObjectId() {
    return true;
  }

  @Override
  public boolean canWriteTypeId() {
    return true;
  }

  @Override
  public boolean canWriteFormattedNumbers() {
    return true;
  }

  @Override
  public JacksonFeatureSet<StreamWriteCapability> getWriteCapabilities() {
    return DEFAULT_TEXTUAL_WRITE_CAPABILITIES;
  }

  @Override
  public void flush() {
    // Everything is in the StringBuilder already.
  }

  @Override
  protected void _releaseBuffers() {
    // No buffers.
  }

  @Override
  protected void _verifyValueWrite(String typeMsg) throws IOException {
    if (_writeContext.writeValue() == JsonWriteContext.STATUS_EXPECT_NAME) {
      _reportError("Can not " + typeMsg + ", expecting field name");
    }
    if (_writeContext.inRoot() && _writeContext.getCurrentIndex() > 0) {
      throw new Unsupported("A second document");
    }
  }

  // Structure. As YAMLGenerator: a collection takes the pending type id as its tag and leaves it pending.

  @Override
  public void writeStartArray() throws IOException {
    _verifyValueWrite("start an array");
    _writeContext = _writeContext.createChildArrayContext();
    emitter.startCollection(false, typeId);
  }

  @Override
  public void writeEndArray() throws IOException {
    if (!_writeContext.inArray()) {
      _reportError("Current context not Array but " + _writeContext.typeDesc());
    }
    typeId = null;
    _writeContext = _writeContext.getParent();
    emitter.endCollection(false);
  }

  @Override
  public void writeStartObject() throws IOException {
    _verifyValueWrite("start an object");
    _writeContext = _writeContext.createChildObjectContext();
    emitter.startCollection(true, typeId);
  }

  @Override
  public void writeEndObject() throws IOException {
    if (!_writeContext.inObject()) {
      _reportError("Current context not Object but " + _writeContext.typeDesc());
    }
    typeId = null;
    _writeContext = _writeContext.getParent();
    emitter.endCollection(true);
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    if (_writeContext.writeFieldName(name) == JsonWriteContext.STATUS_EXPECT_VALUE) {
      _reportError("Can not write a field name, expecting a value");
    }
    emitter.scalar(name, ScalarDecisions.KEYS, takeTypeId());
  }

  @Override
  public void writeFieldId(long id) throws IOException {
    String name = Long.toString(id);
    if (_writeContext.writeFieldName(name) == JsonWriteContext.STATUS_EXPECT_VALUE) {
      _reportError("Can not write a field id, expecting a value");
    }
    scalar(name, BlockEmitter.Style.PLAIN);
  }

  // Strings: YAMLGenerator.writeString with MINIMIZE_QUOTES and ALWAYS_QUOTE_NUMBERS_AS_STRINGS
  // (the style: ScalarDecisions.VALUES).

  @Override
  public void writeString(String text) throws IOException {
    if (text == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write String value");
    emitter.scalar(text, ScalarDecisions.VALUES, takeTypeId());
  }

  @Override
  public void writeString(char[] text, int offset, int len) throws IOException {
    writeString(new String(text, offset, len));
  }

  @Override
  public void writeRawUTF8String(byte[] text, int offset, int length) {
    throw unsupportedOperation();
  }

  @Override
  public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
    writeString(new String(text, offset, length, StandardCharsets.UTF_8));
  }

  @Override
  public void writeRaw(String text) {
    throw unsupportedOperation();
  }

  @Override
  public void writeRaw(String text, int offset, int len) {
    throw unsupportedOperation();
  }

  @Override
  public void writeRaw(char[] text, int offset, int len) {
    throw unsupportedOperation();
  }

  @Override
  public void writeRaw(char c) {
    throw unsupportedOperation();
  }

  @Override
  public void writeRawValue(String text) {
    throw unsupportedOperation();
  }

  @Override
  public void writeRawValue(String text, int offset, int len) {
    throw unsupportedOperation();
  }

  @Override
  public void writeRawValue(char[] text, int offset, int len) {
    throw unsupportedOperation();
  }

  private UnsupportedOperationException unsupportedOperation() {
    return new UnsupportedOperationException("Operation not supported by generator of type " + getClass().getName());
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int len) throws IOException {
    throw new Unsupported("A binary value");
  }

  // Other scalars: plain unless the text needs more.

  @Override
  public void writeBoolean(boolean state) throws IOException {
    _verifyValueWrite("write boolean value");
    scalar(state ? "true" : "false", BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(int i) throws IOException {
    _verifyValueWrite("write number");
    scalar(String.valueOf(i), BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(long l) throws IOException {
    _verifyValueWrite("write number");
    scalar(String.valueOf(l), BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(BigInteger v) throws IOException {
    if (v == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write number");
    scalar(v.toString(), BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(double d) throws IOException {
    _verifyValueWrite("write number");
    scalar(String.valueOf(d), BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(float f) throws IOException {
    _verifyValueWrite("write number");
    scalar(String.valueOf(f), BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(BigDecimal dec) throws IOException {
    if (dec == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write number");
    scalar(isEnabled(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN) ? dec.toPlainString() : dec.toString(),
        BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNumber(String encodedValue) throws IOException {
    if (encodedValue == null) {
      writeNull();
      return;
    }
    _verifyValueWrite("write number");
    scalar(encodedValue, BlockEmitter.Style.PLAIN);
  }

  @Override
  public void writeNull() throws IOException {
    _verifyValueWrite("write null value");
    scalar("null", BlockEmitter.Style.PLAIN);
  }

  // Native ids: type ids become tags, object ids are left to SnakeYAML.

  @Override
  public void writeTypeId(Object id) {
    typeId = String.valueOf(id);
  }

  @Override
  public void writeObjectId(Object id) throws IOException {
    if (id != null) {
      throw new Unsupported("An anchor");
    }
  }

  @Override
  public void writeObjectRef(Object id) throws IOException {
    throw new Unsupported("An alias");
  }

  /**
   * A scalar event as the writer's {@code TaggingYamlFactory} built it: the pending type id as an
   * explicit tag, and double quotes for a string holding NEL, LS or PS.
   */
  private void scalar(String value, BlockEmitter.Style style) {
    emitter.scalar(value, style, takeTypeId());
  }

  /** The pending type id, which only the next node carries. */
  private String takeTypeId() {
    String tag = typeId;
    typeId = null;
    return tag;
  }
}
