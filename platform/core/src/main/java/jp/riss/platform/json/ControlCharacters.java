package jp.riss.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import jp.riss.platform.web.Controls;

/**
 * Refuses a JSON string holding a control character ({@link Controls}) while binding it, before it
 * can reach PostgreSQL (which fails on NUL deep in a transaction). Failing while binding names the
 * JSON path of the string, e.g. {@code selfDeclared.displayName}.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** The Jackson module that installs the check on every {@code String} the API binds. */
  public static SimpleModule module() {
    return new SimpleModule("riss-control-characters")
        .addDeserializer(String.class, new CheckedStrings());
  }

  /** Thrown while binding; the problem mapper answers it with the path Jackson attached. */
  public static final class Refused extends JsonMappingException {
    Refused(JsonParser parser) {
      super(parser, "string holds a control character");
    }
  }

  private static final class CheckedStrings extends StdScalarDeserializer<String> {
    CheckedStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = StringDeserializer.instance.deserialize(p, ctxt);
      if (value != null && Controls.present(value)) {
        throw new Refused(p);
      }
      return value;
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }
}
