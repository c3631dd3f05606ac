package dev.homelab.backend.yaml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;

/** Every {@code String} through the {@link StringHook}; {@link TrustedText} around it. */
final class HookedSerializers {
  private HookedSerializers() {}

  static SimpleModule module(StringHook hook) {
    SimpleModule module = new SimpleModule("homelab-yaml-strings");
    if (hook != StringHook.NONE) {
      module.addSerializer(String.class, new HookedString(hook));
    }
    module.addSerializer(TrustedText.class, new Trusted());
    return module;
  }

  private static final class HookedString extends StdSerializer<String> {
    private static final long serialVersionUID = 1L;
    private final transient StringHook hook;

    HookedString(StringHook hook) {
      super(String.class);
      this.hook = hook;
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      Optional<String> tag = hook.tag(value, gen.getOutputContext().pathAsPointer().toString());
      if (tag.isPresent()) {
        gen.writeTypeId(tag.get());
      }
      gen.writeString(value);
    }
  }

  private static final class Trusted extends StdSerializer<TrustedText> {
    private static final long serialVersionUID = 1L;

    Trusted() {
      super(TrustedText.class);
    }

    @Override
    public void serialize(TrustedText value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.text());
    }
  }
}
