package jp.riss.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** What every service's API mapper (the one REST bodies are read with) shares. */
@Singleton
public class ApiObjectMapper implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(ControlCharacters.module());
  }
}
