package jp.riss.activelist.registry;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jp.riss.activelist.verification.RegistrationChanged;
import jp.riss.activelist.verification.RegistrationFact;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventJson;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.testing.EventSchemas;
import jp.riss.platform.testing.EventSender;

/**
 * Registration events as the registry's owner, the deemed-attendance service, publishes them: built
 * here, checked against the producer's own schema file ({@code
 * deemed-attendance-service/src/main/resources/events}, on the test classpath by the pom), sent
 * through the test broker and awaited in the read model.
 */
public final class RegistrationFacts {

  public static final String SCHEMA = "deemedattendance.registration.v1";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  private static final EventSource DEEMED = EventSource.of("deemed-attendance-service");

  /** Versions only grow, across every test of the run. */
  private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis());

  private static EventSender sender;

  private RegistrationFacts() {}

  private static synchronized EventSender sender() {
    if (sender == null) {
      sender = new EventSender();
      EventSender opened = sender;
      Runtime.getRuntime().addShutdownHook(new Thread(opened::close));
    }
    return sender;
  }

  /**
   * A registration in good standing held by {@code subject}: VALID, the current cycle started a
   * year ago, the online courses of years 1 and 2 and the practical course completed.
   */
  public static Map<String, Object> valid(String number, String subject) {
    LocalDate start = TODAY.minusYears(1);
    LocalDate expires = start.plusYears(3).minusDays(1);
    LocalDate due = expires.minusDays(60);
    List<Map<String, Object>> online = new ArrayList<>();
    for (int year = 1; year <= 3; year++) {
      LocalDate from = start.plusYears(year - 1);
      LocalDate to = start.plusYears(year).minusDays(1);
      boolean done = year < 3;
      online.add(
          period(
              year,
              from,
              to,
              to.isBefore(due) ? to : due,
              done,
              done ? "COURSE" : null,
              null,
              done ? from.plusMonths(2) : null));
    }
    List<Map<String, Object>> practical =
        List.of(period(1, start, expires, due, true, "COURSE", null, TODAY.minusMonths(3)));
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("startsOn", start.toString());
    cycle.put("expiresOn", expires.toString());
    cycle.put("renewalDueOn", due.toString());
    cycle.put(
        "requirements",
        List.of(
            requirement("online-course", false, online),
            requirement("practical-course", true, practical)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("registrationNumber", number);
    data.put("specialistSubject", subject);
    data.put("status", "VALID");
    data.put("registeredOn", "2020-04-01");
    data.put("cycles", List.of(cycle));
    return data;
  }

  static Map<String, Object> period(
      int number,
      LocalDate from,
      LocalDate to,
      LocalDate due,
      boolean done,
      String by,
      String applicationId,
      LocalDate completedOn) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("number", number);
    p.put("startsOn", from.toString());
    p.put("endsOn", to.toString());
    p.put("dueOn", due.toString());
    p.put("done", done);
    p.put("fulfilledBy", by);
    p.put("applicationId", applicationId);
    p.put("completedOn", completedOn == null ? null : completedOn.toString());
    return p;
  }

  private static Map<String, Object> requirement(
      String kind, boolean substitutable, List<Map<String, Object>> periods) {
    boolean done = periods.stream().allMatch(p -> Boolean.TRUE.equals(p.get("done")));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("kind", kind);
    r.put("substitutable", substitutable);
    r.put("done", done);
    r.put("periods", periods);
    return r;
  }

  /** The practical course of {@code data}'s cycle replaced by one period in this state. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> practical(
      Map<String, Object> data, LocalDate dueOn, boolean done, String by, String applicationId) {
    Map<String, Object> cycle =
        new LinkedHashMap<>(((List<Map<String, Object>>) data.get("cycles")).get(0));
    List<Map<String, Object>> requirements = new ArrayList<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) cycle.get("requirements")) {
      if (r.get("kind").equals("practical-course")) {
        LocalDate start = LocalDate.parse((String) cycle.get("startsOn"));
        LocalDate expires = LocalDate.parse((String) cycle.get("expiresOn"));
        r =
            requirement(
                "practical-course",
                true,
                List.of(
                    period(
                        1,
                        start,
                        expires,
                        dueOn,
                        done,
                        by,
                        applicationId,
                        "COURSE".equals(by) ? TODAY.minusMonths(3) : null)));
      }
      requirements.add(r);
    }
    cycle.put("requirements", requirements);
    Map<String, Object> changed = new LinkedHashMap<>(data);
    changed.put("cycles", List.of(cycle));
    return changed;
  }

  /** {@code data} with some top-level fields replaced. */
  public static Map<String, Object> with(Map<String, Object> data, Object... keysAndValues) {
    Map<String, Object> changed = new LinkedHashMap<>(data);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return changed;
  }

  /** The event of {@code data} with the next version, valid against the producer's schema. */
  public static CloudEvent event(Map<String, Object> data) {
    Map<String, Object> versioned = new LinkedHashMap<>(data);
    versioned.put("version", VERSIONS.incrementAndGet());
    versioned.put("changedAt", OffsetDateTime.now().toString());
    CloudEvent event =
        DEEMED.create(
            RegistrationChanged.TYPE, (String) data.get("registrationNumber"), SCHEMA, versioned);
    Set<String> violations = EventSchemas.violations(SCHEMA, EventJson.write(event));
    if (!violations.isEmpty()) {
      throw new AssertionError("not what the producer's schema allows: " + violations);
    }
    return event;
  }

  /** Sends {@code data} as the owner's newest state and waits until the read model has it. */
  public static void publish(Map<String, Object> data) {
    CloudEvent event = event(data);
    String number = (String) data.get("registrationNumber");
    sender().send(RegistrationChanged.TOPIC, number, EventJson.write(event));
    long version = event.data().path("version").asLong();
    await().atMost(Duration.ofSeconds(20)).until(() -> storedVersion(number) >= version);
  }

  /** IPA's registry binds {@code number} to {@code subject}, in good standing. */
  public static void bind(String number, String subject) {
    publish(valid(number, subject));
  }

  /**
   * Days passing for one stored registration: its cycles replaced in the read model by {@code
   * data}'s (dates earlier than the owner last published), with no event and no recheck — what the
   * read model holds once those days have gone by. For tests that must not move the clock, because
   * what they write meanwhile (a webhook delivery due "now") would then lie in the future.
   */
  public static void storedWithoutEvent(DataSource dataSource, Map<String, Object> data)
      throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE registration_fact SET cycles = CAST(? AS jsonb)"
                    + " WHERE registration_number = ?")) {
      ps.setString(1, new ObjectMapper().writeValueAsString(data.get("cycles")));
      ps.setString(2, (String) data.get("registrationNumber"));
      if (ps.executeUpdate() != 1) {
        throw new AssertionError("no stored registration " + data.get("registrationNumber"));
      }
    }
  }

  static long storedVersion(String number) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              RegistrationFact fact = RegistrationFact.findById(number);
              return fact == null ? -1L : fact.version;
            });
  }
}
