package jp.riss.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults on the running stack, counted: while an Active List listing is edited through the gateway
 * (each edit one {@code activelist.listing.v1} event from the Active List's outbox, applied by the
 * practical guide's inbox to its specialist read model), each fault is injected and lifted, and
 * then every event the outbox holds is looked for in the topic (read from the beginning by a plain
 * consumer) and in the guide's inbox, and the read model is compared with the last edit. The suite
 * prints one table and fails unless every row shows 0 lost and 0 duplicated effects.
 *
 * <p>The relay is at least once: a crash between the broker's acknowledgement and the row being
 * marked sent publishes an event again, so the topic may hold an event twice ("in topic" shows
 * distinct / total); the consumer's inbox must then apply it once, which is what "dup. effects"
 * counts.
 *
 * <p>Short mode (the test command) keeps outages to seconds; {@code -Dfaults=full} holds Kafka down
 * 60 s, runs the second consumer longer and restarts the machine's PostgreSQL cluster for real
 * (short mode cuts the stack's own database connections instead, so a test command on a shared
 * machine never restarts a cluster other processes use). See deploy/README.md.
 */
@ExtendWith(LocalStack.class)
class FaultSuiteE2EIT {

  private static final boolean FULL = "full".equals(System.getProperty("riss.faults", "short"));
  private static final Duration KAFKA_DOWN = Duration.ofSeconds(FULL ? 60 : 10);
  private static final Duration DATABASE_DOWN = Duration.ofSeconds(FULL ? 20 : 5);
  private static final Duration SECOND_CONSUMER = Duration.ofSeconds(FULL ? 30 : 5);
  private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(4);

  /**
   * From the broker's resumption after a kill -9 until the restarted service's consumers hold their
   * partitions again: the session timeout (10 s) and room for a slow restart; Kafka's default
   * session (45 s) exceeds it.
   */
  private static final Duration CONSUMING_AGAIN = Duration.ofSeconds(35);

  private static final String ACTIVE_LIST = "active-list-service";

  @Test
  void noFaultLosesOrDoublesAnEvent() throws Exception {
    Stack stack = new Stack(LocalStack.repo());
    EditedListing listing = EditedListing.publish();
    FaultCounts counts = new FaultCounts(listing.id());
    List<FaultCounts.Row> rows = new ArrayList<>();
    try {
      rows.add(kafkaStopped(stack, listing, counts));
      rows.add(killedMidRelay(stack, listing, counts));
      rows.add(databaseRestarted(stack, listing, counts));
      rows.add(consumerGroupRebalanced(stack, listing, counts));
      rows.add(consumerResetToEarliest(stack, listing, counts));
      rows.add(poisonReplayedAfterTheFix(stack, listing, counts));
    } finally {
      System.out.println(FaultCounts.table(rows, FULL ? "full" : "short"));
    }
    for (FaultCounts.Row row : rows) {
      assertEquals(0, row.lost(), row.fault() + ": lost events");
      assertEquals(0, row.duplicatedEffects(), row.fault() + ": effects applied twice");
      assertTrue(row.readModelCurrent(), row.fault() + ": the read model shows the last edit");
    }
  }

  /** (a) The broker stops while edits go on; the outbox holds them until it is back. */
  private FaultCounts.Row kafkaStopped(Stack stack, EditedListing listing, FaultCounts counts)
      throws Exception {
    return measure(
        "(a) Kafka stopped " + KAFKA_DOWN.toSeconds() + " s, writes continue",
        listing,
        counts,
        writer -> {
          stack.stop("kafka");
          writer.keepWritingFor(KAFKA_DOWN);
          stack.up();
        });
  }

  /**
   * (b) The Active List is killed with {@code kill -9} while its relay has a backlog: the broker is
   * frozen (SIGSTOP) so that sends hang and rows pile up unsent, then the service dies mid-send.
   * Started again, it must also consume again soon: its consumers take over their partitions once
   * the broker has dropped the killed process's members, which the inbox's session timeout (10 s)
   * bounds; at Kafka's default of 45 s the restarted service consumed nothing for that long. The
   * killed consumers' last heartbeats wait in the frozen broker's sockets and count when it
   * resumes, so their sessions run from then.
   */
  private FaultCounts.Row killedMidRelay(Stack stack, EditedListing listing, FaultCounts counts)
      throws Exception {
    return measure(
        "(b) kill -9 active-list mid-relay",
        listing,
        counts,
        writer -> {
          Set<String> killedMembers = stack.groupMembers(ACTIVE_LIST);
          Instant resumed;
          stack.signal("kafka", "STOP");
          try {
            await("a relay backlog")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> counts.unsent() >= 3);
            stack.signal(ACTIVE_LIST, "KILL");
            stack.awaitExit(ACTIVE_LIST);
          } finally {
            stack.signal("kafka", "CONT");
            resumed = Instant.now();
          }
          stack.up();
          Duration left = CONSUMING_AGAIN.minus(Duration.between(resumed, Instant.now()));
          assertTrue(
              !left.isNegative() && !left.isZero(),
              "the Active List took over " + CONSUMING_AGAIN + " to restart");
          await("the restarted Active List's consumers take over from the killed ones")
              .atMost(left)
              .pollInterval(Duration.ofMillis(250))
              .until(() -> stack.settledWithout(ACTIVE_LIST, killedMembers));
          System.out.printf(
              "[FaultSuiteE2EIT] (b) the restarted Active List consumes again %.1f s after the"
                  + " broker resumed%n",
              Duration.between(resumed, Instant.now()).toMillis() / 1000.0);
        });
  }

  /** (c) PostgreSQL goes away under both services and comes back. */
  private FaultCounts.Row databaseRestarted(Stack stack, EditedListing listing, FaultCounts counts)
      throws Exception {
    String name =
        FULL
            ? "(c) PostgreSQL cluster restarted"
            : "(c) PostgreSQL connections cut " + DATABASE_DOWN.toSeconds() + " s";
    return measure(
        name,
        listing,
        counts,
        writer -> {
          if (FULL) {
            stack.restartPostgres(() -> writer.keepWritingFor(DATABASE_DOWN));
          } else {
            stack.cutDatabases(
                List.of("activelist", "guide"), () -> writer.keepWritingFor(DATABASE_DOWN));
          }
          writer.awaitWrites(3);
        });
  }

  /** (d) A second guide instance joins its consumer group mid-stream, then leaves again. */
  private FaultCounts.Row consumerGroupRebalanced(
      Stack stack, EditedListing listing, FaultCounts counts) throws Exception {
    return measure(
        "(d) second guide instance joins and leaves the group",
        listing,
        counts,
        writer -> {
          try (Stack.SecondInstance second =
              stack.secondInstance("practical-guide-service", 8094, 9094)) {
            second.awaitReady(Duration.ofMinutes(3));
            writer.keepWritingFor(SECOND_CONSUMER);
          }
        });
  }

  /** (e) The guide is stopped, its group reset to the earliest offsets, and started again. */
  private FaultCounts.Row consumerResetToEarliest(
      Stack stack, EditedListing listing, FaultCounts counts) throws Exception {
    return measure(
        "(e) guide reset to offset 0, replays all",
        listing,
        counts,
        writer -> {
          stack.stop("practical-guide-service");
          stack.resetToEarliest("practical-guide-service", EditedListing.TOPIC);
          stack.up();
        });
  }

  /**
   * (f) One edit the guide cannot apply (its database refuses the row, standing for a bug fixed
   * later) goes to the dead-letter topic with the reason; after the fix an admin replays it with
   * {@code deploy/local/dlt}, which applies it once, and a second replay does nothing.
   */
  private FaultCounts.Row poisonReplayedAfterTheFix(
      Stack stack, EditedListing listing, FaultCounts counts) throws Exception {
    long before = counts.lastOutboxId();
    String poisonName = "障害試験 毒 " + ThreadLocalRandom.current().nextInt(1_000_000);
    String trigger = "fault_suite_refuse";
    stack.guideSql(
        "CREATE OR REPLACE FUNCTION "
            + trigger
            + "() RETURNS trigger AS $$ BEGIN IF NEW.display_name = '"
            + poisonName
            + "' THEN RAISE EXCEPTION 'refused until the fix'; END IF; RETURN NEW; END $$"
            + " LANGUAGE plpgsql");
    stack.guideSql(
        "CREATE TRIGGER "
            + trigger
            + " BEFORE INSERT OR UPDATE ON specialist_card FOR EACH ROW EXECUTE FUNCTION "
            + trigger
            + "()");
    Instant fixed;
    String eventId;
    try {
      assertTrue(listing.edit(poisonName), "the poison edit is accepted by the Active List");
      eventId = counts.outboxIdsAfter(before).get(0);
      Map<String, Object> parked =
          await("the event is dead-lettered with its reason")
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> stack.parked("practical-guide-service", eventId), p -> p != null);
      assertTrue(
          String.valueOf(parked.get("reason")).contains("refused until the fix"),
          "reason: " + parked);
      assertEquals(Set.of(), counts.applied(List.of(eventId)), "not applied while refused");
    } finally {
      stack.guideSql("DROP TRIGGER IF EXISTS " + trigger + " ON specialist_card");
      fixed = Instant.now();
    }
    Map<String, Object> parked = stack.parked("practical-guide-service", eventId);
    List<Map<String, Object>> first =
        stack.replay("practical-guide-service", EditedListing.TOPIC, (String) parked.get("source"));
    Duration recovered = Duration.between(fixed, Instant.now());
    assertEquals(List.of("applied"), first.stream().map(o -> o.get("outcome")).toList());
    List<Map<String, Object>> second =
        stack.replay("practical-guide-service", EditedListing.TOPIC, (String) parked.get("source"));
    assertEquals(List.of("already-applied"), second.stream().map(o -> o.get("outcome")).toList());
    return counts.row("(f) poison → DLT, admin replays twice", before, recovered);
  }

  /**
   * Edits the listing before, during and after {@code fault}; once the fault is lifted waits until
   * the guide has applied every event the outbox holds, and counts.
   */
  private static FaultCounts.Row measure(
      String name, EditedListing listing, FaultCounts counts, Fault fault) throws Exception {
    long before = counts.lastOutboxId();
    Instant lifted;
    try (EditedListing.Writer writer = listing.writer()) {
      writer.awaitWrites(3);
      fault.inject(writer);
      lifted = Instant.now();
      writer.awaitWrites(3);
    }
    List<String> produced = counts.outboxIdsAfter(before);
    await(name + ": every event applied")
        .atMost(RECOVERY_LIMIT)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> counts.applied(produced).size() == produced.size());
    return counts.row(name, before, Duration.between(lifted, Instant.now()));
  }

  @FunctionalInterface
  private interface Fault {
    void inject(EditedListing.Writer writer) throws Exception;
  }
}
