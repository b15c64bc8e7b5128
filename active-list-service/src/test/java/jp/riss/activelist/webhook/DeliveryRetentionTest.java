package jp.riss.activelist.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery log is kept for a month after a delivery finished, then removed with its attempts,
 * so it does not grow for ever; a delivery still being tried is never removed however old.
 */
@QuarkusTest
class DeliveryRetentionTest {

  static final String OWNER = "cci-retention";

  @Inject EntityManager em;
  @Inject DeliveryRetention retention;

  private final UUID subscription = UUID.randomUUID();

  @AfterEach
  void removeSubscription() {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("DELETE FROM webhook_subscription WHERE id = :id")
                    .setParameter("id", subscription)
                    .executeUpdate());
  }

  @Test
  void finishedDeliveriesGoAfterTheirRetentionPendingOnesStay() {
    OffsetDateTime now = OffsetDateTime.now();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                // Its position is far ahead of the feed: the dispatcher never sends it anything.
                em.createNativeQuery(
                        "INSERT INTO webhook_subscription (id, owner_subject, url, secret, position,"
                            + " created_at, secret_rotated_at) VALUES (:id, :owner,"
                            + " 'https://crm.example.test/hook', 'secret', 9000000000000, :at, :at)")
                    .setParameter("id", subscription)
                    .setParameter("owner", OWNER)
                    .setParameter("at", now.minusDays(90))
                    .executeUpdate());
    UUID oldSucceeded = delivery("SUCCEEDED", now.minusDays(41), now.minusDays(40));
    UUID oldFailed = delivery("FAILED", now.minusDays(33), now.minusDays(32));
    UUID recentSucceeded = delivery("SUCCEEDED", now.minusDays(3), now.minusDays(2));
    UUID oldPending = delivery("PENDING", now.minusDays(60), null);
    assertEquals(Set.of(oldSucceeded, oldFailed, recentSucceeded, oldPending), listedDeliveries());

    int removed = retention.removeFinishedBefore(now.minusDays(30));

    assertEquals(2, removed);
    assertEquals(Set.of(recentSucceeded, oldPending), listedDeliveries());
    assertEquals(
        2L,
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM webhook_attempt a JOIN webhook_delivery d"
                            + " ON d.id = a.delivery_id WHERE d.subscription_id = :id")
                    .setParameter("id", subscription)
                    .getSingleResult())
            .longValue(),
        "the removed deliveries' attempts went with them");
  }

  /** A delivery of the subscription with one attempt, created and (unless pending) finished. */
  private UUID delivery(String status, OffsetDateTime created, OffsetDateTime completed) {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO webhook_delivery (id, subscription_id, from_seq, to_seq,"
                          + " entry_count, body, status, attempts, next_attempt_at, created_at,"
                          + " give_up_at, completed_at) VALUES (:id, :sub, 1, 1, 1, '{}', :status,"
                          + " 1, :next, :created, :giveUp, :completed)")
                  .setParameter("id", id)
                  .setParameter("sub", subscription)
                  .setParameter("status", status)
                  .setParameter("next", completed == null ? created.plusYears(1) : null)
                  .setParameter("created", created)
                  .setParameter("giveUp", created.plusDays(1))
                  .setParameter("completed", completed)
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code,"
                          + " duration_ms) VALUES (:id, :at, 500, 12)")
                  .setParameter("id", id)
                  .setParameter("at", created)
                  .executeUpdate();
            });
    return id;
  }

  /** What the support body sees of its deliveries through the API. */
  private Set<UUID> listedDeliveries() {
    List<Map<String, Object>> listed = Hooks.deliveries(OWNER, subscription.toString());
    return listed.stream()
        .map(d -> UUID.fromString((String) d.get("id")))
        .collect(Collectors.toSet());
  }
}
