package jp.riss.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.tracing.TraceContext;
import org.hibernate.Session;

/**
 * Where domain code records the events of a state change. The row joins the caller's transaction,
 * so the change and its event commit or roll back together; the relay publishes after commit. There
 * is deliberately no way to send to Kafka directly from a transaction.
 */
@ApplicationScoped
public class Outbox {

  @Inject AfterCommit afterCommit;
  @Inject OutboxRelay relay;
  @Inject EntityManager em;

  private static final String INSERT =
      "INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope, created_at,"
          + " traceparent, tracestate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * @param topic {@code <service>.<aggregate>.v<major>}
   * @param aggregateId the record key, so events of one aggregate stay in order
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(String topic, String aggregateId, CloudEvent event) {
    // Plain JDBC on the transaction's connection, as appendAll: persisting an entity cost the
    // Hibernate event machinery and an identity round trip for a row nothing reads back.
    OffsetDateTime now = OffsetDateTime.now();
    TraceContext trace = traceOf(event, TraceContext.current());
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, topic, aggregateId, event, now, trace);
                insert.executeUpdate();
              }
            });
    wakeRelayAfterCommit();
  }

  /** One event of {@link #appendAll}: the record key and the event. */
  public record Entry(String aggregateId, CloudEvent event) {}

  /**
   * Appends many events of one topic, in order, with one JDBC batch in the caller's transaction:
   * for bulk changes (an import of thousands of records), where one INSERT round trip per event
   * would dominate. Same guarantees as {@link #append}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void appendAll(String topic, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now();
    TraceContext current = TraceContext.current();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Entry entry : entries) {
                  bind(
                      insert,
                      topic,
                      entry.aggregateId(),
                      entry.event(),
                      now,
                      traceOf(entry.event(), current));
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    wakeRelayAfterCommit();
  }

  private static void bind(
      PreparedStatement insert,
      String topic,
      String aggregateId,
      CloudEvent event,
      OffsetDateTime now,
      TraceContext trace)
      throws SQLException {
    insert.setObject(1, UUID.fromString(event.id()));
    insert.setString(2, topic);
    insert.setString(3, aggregateId);
    insert.setString(4, event.type());
    insert.setString(5, envelope(event));
    insert.setObject(6, now);
    insert.setString(7, trace == null ? null : trace.traceparent());
    insert.setString(8, trace == null ? null : trace.tracestate());
  }

  /**
   * The trace the event belongs to, kept with the row so the relay's publish span joins it: the
   * span current where the event was written (the request that caused it), unless the event names
   * one itself.
   */
  private static TraceContext traceOf(CloudEvent event, TraceContext current) {
    return event.traceparent() == null
        ? current
        : new TraceContext(event.traceparent(), event.tracestate());
  }

  /** The envelope as stored: trace attributes live in their columns; the relay adds its own. */
  private static String envelope(CloudEvent event) {
    if (event.traceparent() != null || event.tracestate() != null) {
      event = event.withTraceContext(null, null);
    }
    return EventJson.write(event);
  }

  private void wakeRelayAfterCommit() {
    afterCommit.run(relay::wakeUp);
  }
}
