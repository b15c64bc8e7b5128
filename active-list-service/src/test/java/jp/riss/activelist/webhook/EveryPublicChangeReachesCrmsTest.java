package jp.riss.activelist.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import jp.riss.activelist.alumnus.CampAlumnusLinkTest;
import jp.riss.activelist.alumnus.CommunityLinkRequest;
import jp.riss.activelist.changes.AvailabilityEnds;
import jp.riss.activelist.changes.ChangeFeed;
import jp.riss.activelist.changes.CrmListings;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.activelist.listing.Listings;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.activelist.registry.RegistryDeadlines;
import jp.riss.activelist.verification.DeemedAttendanceEvents;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every way this service writes — each resource method that is not a read, each consumed event
 * type's handler, each scheduled job — is found by reflection and must be listed here: either as a
 * way the public representation of a listing changes, which is then driven and must reach the
 * change feed (with a new public revision) and a CRM's webhook, or with the reason it cannot change
 * it. A new write path fails {@link #everyWritePathIsAccountedFor} until someone decides which.
 */
@QuarkusTest
class EveryPublicChangeReachesCrmsTest {

  private static final String API = Matching.API;
  private static final String LISTINGS = Listings.PATH;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject AgroalDataSource dataSource;
  @Inject AvailabilityEnds availabilityEnds;
  @Inject RegistryDeadlines registryDeadlines;

  /** What to prepare (answering the listing's id), and the write under test. */
  private record Step(Prepare prepare, Write write) {}

  /** A public change: its step, and the kind of entry and what it shows in the feed afterwards. */
  private record PublicChange(Step step, String kind, Predicate<JsonNode> shows) {}

  private final Map<String, PublicChange> publicChanges = new LinkedHashMap<>();

  /** Write paths that cannot change what the public sees of a listing, and why. */
  private static final Map<String, String> NO_PUBLIC_CHANGE =
      Map.ofEntries(
          Map.entry("ListingResource.create", "a new listing is a draft, not public"),
          Map.entry("LifecycleResource.submit", "a listing in review is not public"),
          Map.entry("LifecycleResource.reject", "rejects a listing in review, not public"),
          Map.entry(
              "InquiryResource.accept",
              "sent and accepted inquiries both count as open: the load is unchanged"),
          Map.entry("EngagementResource.create", "counts on the listing only once completed"),
          Map.entry("EngagementResource.recordVisit", "counts on the listing only once completed"),
          Map.entry("EngagementResource.cancel", "a cancelled engagement never counts"),
          Map.entry("ShortlistResource.shortlist", "reads listings, writes nothing"),
          Map.entry("ConsultationEventResource.create", "events, not listings"),
          Map.entry("ConsultationEventResource.cancel", "events and their slots"),
          Map.entry("ConsultationEventResource.confirm", "an invitation's answer"),
          Map.entry("ConsultationEventResource.decline", "an invitation's answer"),
          Map.entry("ConsultationEventResource.register", "an SME's registration"),
          Map.entry("ConsultationEventResource.book", "a slot"),
          Map.entry("ConsultationEventResource.recordOutcome", "a slot's outcome"),
          Map.entry("ConsultationEventResource.cancelSlot", "a slot"),
          Map.entry("DemandEventsHandler.handle", "demand statistics from self-diagnoses"),
          Map.entry("ChangeFeedCompaction.scheduled", "drops superseded feed entries"),
          Map.entry("DeliveryRetention.scheduled", "drops finished webhook deliveries"));

  /**
   * Whole classes that never write a listing: the webhook package keeps subscriptions and
   * deliveries, and reads the feed.
   */
  private static final Map<String, String> NO_PUBLIC_CHANGE_CLASSES =
      Map.of("WebhookResource", "subscriptions, secrets and deliveries; never a listing");

  /** Schedules that run exactly what an endpoint runs (driven below through the endpoint). */
  private static final Map<String, String> SAME_AS =
      Map.of(
          "StalenessSchedule.hourly", "StalenessResource.run",
          "InquiryExpiry.expire", "InquiryResource.expire");

  EveryPublicChangeReachesCrmsTest() {
    publicChanges.put(
        "ListingResource.update",
        new PublicChange(
            step(this::published, id -> edit(id, "改名 済")),
            "UPSERT",
            l -> "改名 済".equals(l.path("selfDeclared").path("displayName").asText())));
    publicChanges.put(
        "ListingResource.withdraw",
        new PublicChange(
            step(
                this::published,
                id -> post("specialist", Listings.owner(id), id, "withdraw", null)),
            "TOMBSTONE",
            l -> true));
    publicChanges.put(
        "LifecycleResource.approve",
        new PublicChange(
            step(
                () -> {
                  String id = draft();
                  Listings.submit(id);
                  return id;
                },
                Listings::approve),
            "UPSERT",
            l -> true));
    publicChanges.put(
        "LifecycleResource.suspend",
        new PublicChange(step(this::published, this::suspend), "TOMBSTONE", l -> true));
    publicChanges.put(
        "LifecycleResource.reinstate",
        new PublicChange(
            step(
                () -> {
                  String id = published();
                  suspend(id);
                  return id;
                },
                id -> post("ipa-admin", "admin", id, "reinstate", null)),
            "UPSERT",
            l -> true));
    publicChanges.put(
        "LifecycleResource.reconfirm",
        new PublicChange(
            step(
                () -> {
                  String id = published();
                  age(id);
                  stalenessRun();
                  return id;
                },
                id -> post("specialist", Listings.owner(id), id, "reconfirm", null)),
            "UPSERT",
            l -> true));
    publicChanges.put(
        "StalenessResource.run",
        new PublicChange(
            step(
                () -> {
                  String id = published();
                  age(id);
                  return id;
                },
                id -> stalenessRun()),
            "TOMBSTONE",
            l -> true));
    publicChanges.put(
        "AvailabilityEnds.hourly",
        new PublicChange(
            step(this::notAcceptingUntilYesterday, id -> availabilityEnds.run()),
            "UPSERT",
            l -> "ACCEPTING".equals(l.path("availability").path("status").asText())));
    publicChanges.put(
        "RegistryDeadlines.daily",
        new PublicChange(
            step(
                () -> {
                  String id = published();
                  // Days later, with no event at all, the practical course fell due undone
                  // (stored directly: a clock moved ahead and back would strand the delivery).
                  RegistrationFacts.storedWithoutEvent(
                      dataSource,
                      RegistrationFacts.practical(
                          RegistrationFacts.valid(number(id), Listings.owner(id)),
                          LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1),
                          false,
                          null,
                          null));
                  return id;
                },
                id -> registryDeadlines.run()),
            "TOMBSTONE",
            l -> true));
    publicChanges.put(
        "PledgeAcceptanceResource.accept",
        new PublicChange(step(this::published, Listings::acceptEthicsPledge), "UPSERT", l -> true));
    publicChanges.put(
        "InquiryResource.create",
        new PublicChange(
            step(this::fullAtOne, id -> Matching.sent("crm-co-" + tag(), id, false)),
            "UPSERT",
            l -> "AT_CAPACITY".equals(l.path("availability").path("status").asText())));
    publicChanges.put(
        "InquiryResource.decline",
        new PublicChange(
            step(
                this::withInquiry,
                id ->
                    Matching.act(
                            "specialist",
                            Listings.owner(id),
                            inquiries.get(id),
                            "decline",
                            Map.of("reason", "fully-booked"))
                        .statusCode(200)),
            "UPSERT",
            l -> "ACCEPTING".equals(l.path("availability").path("status").asText())));
    publicChanges.put(
        "InquiryResource.close",
        new PublicChange(
            step(
                () -> {
                  String id = withInquiry();
                  Matching.act("specialist", Listings.owner(id), inquiries.get(id), "accept", null)
                      .statusCode(200);
                  return id;
                },
                id ->
                    Matching.act(
                            "company",
                            senders.get(id),
                            inquiries.get(id),
                            "close",
                            Map.of("outcome", "COMPLETED"))
                        .statusCode(200)),
            "UPSERT",
            l -> "ACCEPTING".equals(l.path("availability").path("status").asText())));
    publicChanges.put(
        "InquiryResource.expire",
        new PublicChange(
            step(
                this::withInquiry,
                id -> {
                  // Its deadline passed (aged in the database, not by moving the service's clock:
                  // the deliveries this change causes must carry real time).
                  overdue(inquiries.get(id));
                  given()
                      .header("Authorization", bearer("ipa-admin", "admin"))
                      .post(API + "/inquiries/expire")
                      .then()
                      .statusCode(200);
                }),
            "UPSERT",
            l -> "ACCEPTING".equals(l.path("availability").path("status").asText())));
    publicChanges.put(
        "EngagementResource.complete",
        new PublicChange(
            step(this::withVisitedEngagement, this::completeEngagement),
            "UPSERT",
            l -> l.path("verified").path("platformEngagements").path("completed").asInt() == 1));
    publicChanges.put(
        "RegistrationEventsHandler.handle",
        new PublicChange(
            step(
                this::published,
                // The registry's owner publishes the practical course as not done yet.
                id ->
                    RegistrationFacts.publish(
                        RegistrationFacts.practical(
                            RegistrationFacts.valid(number(id), Listings.owner(id)),
                            LocalDate.now(ZoneId.of("Asia/Tokyo")).plusYears(1),
                            false,
                            null,
                            null))),
            "UPSERT",
            l ->
                "DUE"
                    .equals(
                        l.path("verified")
                            .path("mandatoryCourses")
                            .path("practicalCourse")
                            .path("status")
                            .asText())));
    publicChanges.put(
        "DeemedAttendanceEventsHandler.handle",
        new PublicChange(
            step(this::published, id -> DeemedAttendanceEvents.approved(number(id))),
            "UPSERT",
            l ->
                "APPROVED"
                    .equals(l.path("verified").path("deemedAttendance").path("status").asText())));
    alumnusLinkSteps();
  }

  /** A published listing with a Security Camp alumnus link pending (or confirmed) on it. */
  private final Map<String, java.util.UUID> alumnusLinks =
      new java.util.concurrent.ConcurrentHashMap<>();

  private String publishedWithAlumnusLink(boolean confirmed) throws Exception {
    String id = published();
    java.util.UUID link = java.util.UUID.randomUUID();
    CampAlumnusLinkTest.community(CommunityLinkRequest.REQUESTED, link, number(id), "requested");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> CampAlumnusLinkTest.linksOf(Listings.owner(id)).contains(link.toString()));
    if (confirmed) {
      CampAlumnusLinkTest.specialist(Listings.owner(id))
          .post(CampAlumnusLinkTest.LINKS + "/" + link + "/confirmation")
          .then()
          .statusCode(200);
    }
    alumnusLinks.put(id, link);
    return id;
  }

  private void alumnusLinkSteps() {
    publicChanges.put(
        "AlumnusLinkResource.confirm",
        new PublicChange(
            step(
                () -> publishedWithAlumnusLink(false),
                id ->
                    CampAlumnusLinkTest.specialist(Listings.owner(id))
                        .post(
                            CampAlumnusLinkTest.LINKS
                                + "/"
                                + alumnusLinks.get(id)
                                + "/confirmation")
                        .then()
                        .statusCode(200)),
            "UPSERT",
            l -> l.path("verified").has("campAlumnus")));
    publicChanges.put(
        "AlumnusLinkResource.withdraw",
        new PublicChange(
            step(
                () -> publishedWithAlumnusLink(true),
                id ->
                    CampAlumnusLinkTest.specialist(Listings.owner(id))
                        .post(
                            CampAlumnusLinkTest.LINKS + "/" + alumnusLinks.get(id) + "/withdrawal")
                        .then()
                        .statusCode(200)),
            "UPSERT",
            l -> !l.path("verified").has("campAlumnus")));
    publicChanges.put(
        "CommunityLinkEventsHandler.handle",
        new PublicChange(
            step(
                () -> publishedWithAlumnusLink(true),
                id ->
                    CampAlumnusLinkTest.community(
                        CommunityLinkRequest.WITHDRAWN,
                        alumnusLinks.get(id),
                        number(id),
                        "withdrawn")),
            "UPSERT",
            l -> !l.path("verified").has("campAlumnus")));
  }

  @Test
  void everyWritePathIsAccountedFor() throws Exception {
    Set<String> found = writePaths();
    Set<String> accounted = new TreeSet<>();
    accounted.addAll(publicChanges.keySet());
    accounted.addAll(NO_PUBLIC_CHANGE.keySet());
    accounted.addAll(SAME_AS.keySet());
    Set<String> unaccounted = new TreeSet<>();
    for (String path : found) {
      String owner = path.substring(0, path.indexOf('.'));
      if (!accounted.contains(path) && !NO_PUBLIC_CHANGE_CLASSES.containsKey(owner)) {
        unaccounted.add(path);
      }
    }
    assertEquals(
        Set.of(),
        unaccounted,
        "write paths nobody decided about: drive them below if they can change what the public"
            + " sees of a listing, else say why not");
    Set<String> gone = new TreeSet<>(accounted);
    gone.removeAll(found);
    assertEquals(Set.of(), gone, "listed write paths that no longer exist");
    SAME_AS.values().forEach(target -> assertTrue(publicChanges.containsKey(target), target));
    assertTrue(found.size() > 30, "the discovery found the service's write paths: " + found);
  }

  @Test
  void eachPublicChangeReachesTheFeedWithANewRevisionAndTheWebhooks() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String cursor = CrmListings.cursorNow();
      String webhook =
          Hooks.as("crm-every-change")
              .contentType(ContentType.JSON)
              .body(Map.of("url", receiver.url(), "description", "every change", "cursor", cursor))
              .post(Hooks.PATH)
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      try {
        driveEachPublicChange(cursor, receiver);
      } finally {
        Hooks.as("crm-every-change").delete(Hooks.PATH + "/" + webhook).then().statusCode(204);
      }
    }
  }

  private void driveEachPublicChange(String start, Receiver receiver) throws Exception {
    String cursor = start;
    List<Long> expectedSeqs = new ArrayList<>();
    for (Map.Entry<String, PublicChange> entry : publicChanges.entrySet()) {
      String path = entry.getKey();
      PublicChange change = entry.getValue();
      String id = change.step().prepare().run();
      CrmListings.FeedRead before = CrmListings.read(cursor);
      List<Map<String, Object>> earlier = before.of(id);
      long revisionBefore = earlier.isEmpty() ? -1 : revision(earlier.get(earlier.size() - 1));
      String from = before.cursor();

      change.step().write().run(id);

      Map<String, Object> latest =
          await(path)
              .until(
                  () -> {
                    List<Map<String, Object>> entries = CrmListings.entriesOf(from, id);
                    return entries.isEmpty() ? null : entries.get(entries.size() - 1);
                  },
                  e -> e != null && change.kind().equals(e.get("kind")));
      if ("UPSERT".equals(change.kind())) {
        JsonNode listing = JSON.valueToTree(latest.get("listing"));
        assertTrue(change.shows().test(listing), path + " shows its change: " + listing);
        assertTrue(
            listing.path("revision").asLong() > revisionBefore,
            path + " gives a new public revision: " + listing);
      }
      expectedSeqs.add(((Number) latest.get("seq")).longValue());
      cursor = CrmListings.read(from).cursor();
    }
    await("webhook deliveries")
        .atMost(Duration.ofSeconds(60))
        .until(() -> deliveredSeqs(receiver).containsAll(expectedSeqs));
  }

  // --- discovery ---

  /** {@code Class.method} of every resource write, event handler and scheduled job. */
  static Set<String> writePaths() throws Exception {
    Path classes = Path.of("target", "classes");
    Path root = classes.resolve("jp/riss/activelist");
    Set<String> paths = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        if (name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, ChangeFeed.class.getClassLoader());
        boolean resource = type.isAnnotationPresent(jakarta.ws.rs.Path.class);
        boolean handler =
            InboxHandler.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers());
        for (Method method : type.getDeclaredMethods()) {
          boolean write =
              resource
                  && (method.isAnnotationPresent(POST.class)
                      || method.isAnnotationPresent(PUT.class)
                      || method.isAnnotationPresent(DELETE.class)
                      || method.isAnnotationPresent(PATCH.class));
          boolean handles = handler && method.getName().equals("handle");
          boolean scheduled =
              method.isAnnotationPresent(Scheduled.class)
                  || method.isAnnotationPresent(Scheduled.Schedules.class);
          if (write || handles || scheduled) {
            paths.add(type.getSimpleName() + "." + method.getName());
          }
        }
      }
    }
    return paths;
  }

  // --- the steps ---

  private final Map<String, String> inquiries = new LinkedHashMap<>();
  private final Map<String, String> senders = new LinkedHashMap<>();
  private final Map<String, String> engagements = new LinkedHashMap<>();

  private interface Prepare {
    String run() throws Exception;
  }

  private interface Write {
    void run(String id) throws Exception;
  }

  private static Step step(Prepare prepare, Write write) {
    return new Step(prepare, write);
  }

  private String draft() {
    return Listings.createDraft("crm-spec-" + tag(), Listings.uniqueRegistrationNumber());
  }

  private String published() {
    String id = draft();
    Listings.publish(id);
    return id;
  }

  /** Not accepting until today, published; then the day passes without anyone touching it. */
  private String notAcceptingUntilYesterday() throws Exception {
    String id =
        Matching.publishedListing(
            "crm-spec-" + tag(),
            "availability",
            Map.of(
                "status",
                "NOT_ACCEPTING",
                "until",
                LocalDate.now(ZoneId.of("Asia/Tokyo")).toString()));
    Listings.dayPassed(dataSource, id);
    return id;
  }

  private String fullAtOne() {
    return Matching.publishedListing("crm-spec-" + tag(), "capacity", 1);
  }

  /** A listing of capacity 1 that one sent inquiry fills. */
  private String withInquiry() {
    String id = fullAtOne();
    String sender = "crm-co-" + tag();
    inquiries.put(id, Matching.sent(sender, id, false));
    senders.put(id, sender);
    return id;
  }

  private String withVisitedEngagement() {
    String id = Matching.publishedListing("crm-spec-" + tag());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("listingId", id);
    body.put("organisationName", "株式会社同期先");
    body.put("themeNumber", 1);
    body.put("startedOn", "2026-10-01");
    String engagement =
        given()
            .header("Authorization", bearer("support-body", "crm-chamber"))
            .contentType(ContentType.JSON)
            .body(body)
            .post(API + "/engagements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    engagements.put(id, engagement);
    for (int n = 1; n <= 3; n++) {
      String path = API + "/engagements/" + engagement;
      given()
          .header("Authorization", bearer("specialist", Listings.owner(id)))
          .header("If-Match", Matching.etag(path, "specialist", Listings.owner(id)))
          .contentType(ContentType.JSON)
          .body(Map.of("visitedOn", "2026-10-0" + (n + 1), "outcome", "訪問 " + n))
          .put(path + "/visits/" + n)
          .then()
          .statusCode(200);
    }
    return id;
  }

  private void completeEngagement(String id) {
    String path = API + "/engagements/" + engagements.get(id);
    given()
        .header("Authorization", bearer("support-body", "crm-chamber"))
        .header("If-Match", Matching.etag(path, "support-body", "crm-chamber"))
        .post(path + "/complete")
        .then()
        .statusCode(200);
  }

  private void edit(String id, String name) {
    String owner = Listings.owner(id);
    given()
        .header("Authorization", bearer("specialist", owner))
        .header("If-Match", Matching.etag(LISTINGS + "/" + id, "specialist", owner))
        .contentType(ContentType.JSON)
        .body(Listings.selfDeclared("displayName", name))
        .put(LISTINGS + "/" + id)
        .then()
        .statusCode(200);
  }

  private void suspend(String id) {
    post("ipa-admin", "admin", id, "suspend", Map.of("reason", "確認のため一時停止"));
  }

  private static void post(String role, String subject, String id, String action, Object body) {
    var request = given().header("Authorization", bearer(role, subject));
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    request.post(LISTINGS + "/" + id + "/" + action).then().statusCode(200);
  }

  private void age(String id) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE listing SET reconfirmed_at = now() - interval '200 days' WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      ps.executeUpdate();
    }
  }

  private void overdue(String inquiry) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE inquiry SET respond_by = now() - interval '1 minute' WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(inquiry));
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static void stalenessRun() {
    given()
        .header("Authorization", bearer("ipa-admin", "admin"))
        .post(LISTINGS + "/staleness-runs")
        .then()
        .statusCode(200);
  }

  private static String number(String id) {
    return given()
        .header("Authorization", bearer("ipa-admin", "admin"))
        .get(LISTINGS + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .path("registrationNumber");
  }

  // --- reading ---

  private static Set<Long> deliveredSeqs(Receiver receiver) throws Exception {
    Set<Long> seqs = new HashSet<>();
    for (Receiver.Request request : receiver.requests()) {
      for (JsonNode item : JSON.readTree(request.body()).path("items")) {
        seqs.add(item.path("seq").asLong());
      }
    }
    return seqs;
  }

  @SuppressWarnings("unchecked")
  private static long revision(Map<String, Object> entry) {
    Map<String, Object> listing = (Map<String, Object>) entry.get("listing");
    Object revision = listing == null ? null : listing.get("revision");
    return revision == null ? -1 : ((Number) revision).longValue();
  }

  private static org.awaitility.core.ConditionFactory await(String what) {
    return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(20));
  }

  private static String bearer(String role, String subject) {
    return "Bearer " + Tokens.of(role, subject);
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
