package jp.riss.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds envelopes stamped with this service as their source. */
@ApplicationScoped
public class EventSource {

  private final String source;
  private final String schemaBase;

  EventSource(
      @ConfigProperty(name = "quarkus.application.name") String applicationName,
      @ConfigProperty(name = "riss.events.schema-base", defaultValue = "urn:riss:schema:")
          String schemaBase) {
    this.source = "urn:riss:" + applicationName;
    this.schemaBase = schemaBase;
  }

  /** Envelopes as the named service stamps them (for tests that play another service). */
  public static EventSource of(String applicationName) {
    return new EventSource(applicationName, "urn:riss:schema:");
  }

  /**
   * @param schema the event type's schema name, e.g. {@code activelist.listing.v1}; its JSON Schema
   *     is checked in next to the producer as {@code events/<schema>.schema.json}
   */
  public CloudEvent create(String type, String subject, String schema, Object data) {
    return new CloudEvent(
        CloudEvent.SPEC_VERSION,
        UUID.randomUUID().toString(),
        source,
        type,
        subject,
        OffsetDateTime.now(ZoneOffset.UTC),
        "application/json",
        schemaBase + schema,
        EventJson.mapper().valueToTree(data));
  }
}
