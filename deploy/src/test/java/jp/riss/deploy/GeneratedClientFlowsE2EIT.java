package jp.riss.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.riss.client.activelist.api.CrmSyncApi;
import jp.riss.client.activelist.api.InquiriesApi;
import jp.riss.client.activelist.api.LifecycleApi;
import jp.riss.client.activelist.api.ListingsApi;
import jp.riss.client.activelist.api.ReferenceApi;
import jp.riss.client.activelist.api.SearchApi;
import jp.riss.client.activelist.model.ChangeEntry;
import jp.riss.client.activelist.model.EthicsPledgeAcceptance;
import jp.riss.client.activelist.model.Listing;
import jp.riss.client.activelist.model.NewInquiry;
import jp.riss.client.activelist.model.NewListing;
import jp.riss.client.activelist.model.NewWebhook;
import jp.riss.client.activelist.model.SelfDeclared;
import jp.riss.client.activelist.model.SmeContact;
import jp.riss.client.activelist.model.SmeProfile;
import jp.riss.client.activelist.model.WebhookDelivery;
import jp.riss.client.community.api.CompletionsApi;
import jp.riss.client.community.api.EventsApi;
import jp.riss.client.community.api.MembersApi;
import jp.riss.client.community.model.AgeBand;
import jp.riss.client.community.model.EventAudience;
import jp.riss.client.community.model.EventInput;
import jp.riss.client.community.model.EventKind;
import jp.riss.client.community.model.RegistrationState;
import jp.riss.client.deemedattendance.api.ApplicationsApi;
import jp.riss.client.deemedattendance.api.AttestationApi;
import jp.riss.client.deemedattendance.api.ImportsApi;
import jp.riss.client.deemedattendance.api.ReviewApi;
import jp.riss.client.deemedattendance.model.AttestationDecision;
import jp.riss.client.deemedattendance.model.EntryInput;
import jp.riss.client.deemedattendance.model.NewApplication;
import jp.riss.client.deemedattendance.model.NewDecision;
import jp.riss.client.deemedattendance.model.NewSubmission;
import jp.riss.client.guide.api.ClosersApi;
import jp.riss.client.guide.api.DiagnosesApi;
import jp.riss.client.guide.api.DiagnosisApi;
import jp.riss.client.guide.api.OrganisationsApi;
import jp.riss.client.guide.model.GapCloser;
import jp.riss.client.guide.model.OrganisationData;
import jp.riss.client.guide.model.SecurityStaff;
import jp.riss.client.guide.model.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The flows a support body's CRM and a third-party portal build on, run through the gateway with
 * nothing but the Java clients generated from the four checked-in contracts (module {@code
 * clients}): no hand-written HTTP, no JSON paths. If a contract lies — a field the service sends
 * that the contract does not have, a value outside an enum, a status or header it does not declare
 * — the generated client fails here. The clients deserialize strictly (unknown properties fail),
 * unlike the generator's lenient default, for exactly that reason.
 *
 * <p>A few bodies are written as the JSON an integrator would send and read into the operation's
 * generated body class with {@link #bodyOf}, by operation id, which also proves that class accepts
 * that JSON strictly.
 */
@ExtendWith(LocalStack.class)
class GeneratedClientFlowsE2EIT {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final Duration EVENTUALLY = Duration.ofSeconds(30);
  private static final String TOKYO = "13";

  /** The generator's mapper, made strict: a property the contract does not declare fails. */
  private static final ObjectMapper STRICT =
      strict(jp.riss.client.activelist.ApiClient.createDefaultObjectMapper());

  /** The published listing most flows use: its owner's subject, id and registration number. */
  private static String owner;

  private static UUID listingId;
  private static String registrationNumber;
  private static String displayName;

  // ------------------------------------------------------------------ the shared listing ----

  /**
   * IPA's registry (at the deemed-attendance service) binds a number to the specialist; the
   * specialist creates a listing for it, accepts the pledge and submits; IPA approves.
   */
  @BeforeAll
  static void aPublishedListing() throws Exception {
    owner = "e2e-client-specialist-" + UUID.randomUUID();
    LocalDate start = LocalDate.now(JAPAN).minusYears(1);
    registrationNumber = importCycle(owner, start);
    var imports = new ImportsApi(deemedAttendance(token("ipa-admin", "e2e-client-admin")));
    var completions =
        imports.importCourseCompletions(
            bodyOf(
                ImportsApi.class,
                "importCourseCompletions",
                Map.of(
                    "records",
                    List.of(RegistryImports.onlineCourseDone(registrationNumber, start)))));
    assertEquals(1, completions.getCreated(), () -> "course completion import: " + completions);

    var listings = new ListingsApi(activeList(token("specialist", owner)));
    // The listing the other end-to-end tests create, as the generated model.
    NewListing newListing =
        STRICT.convertValue(LocalStackE2EIT.newListing(registrationNumber), NewListing.class);
    displayName = newListing.getSelfDeclared().getDisplayName();
    Listing created =
        await("the registry binding reaches the Active List")
            .atMost(EVENTUALLY)
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  try {
                    return listings.createListing(newListing, "e2e-" + UUID.randomUUID());
                  } catch (jp.riss.client.activelist.ApiException e) {
                    if (e.getCode() == 403) {
                      return null; // registration-not-held until the event arrives
                    }
                    throw e;
                  }
                },
                Objects::nonNull);
    assertEquals(Listing.StatusEnum.DRAFT, created.getStatus());
    listingId = created.getId();

    var lifecycle = new LifecycleApi(activeList(token("specialist", owner)));
    String pledge = new LifecycleApi(activeList(null)).getEthicsPledge().getVersion();
    lifecycle.acceptEthicsPledge(listingId, new EthicsPledgeAcceptance().version(pledge));
    assertEquals(Listing.StatusEnum.PENDING_REVIEW, lifecycle.submitListing(listingId).getStatus());
    var review = new LifecycleApi(activeList(token("ipa-reviewer", "e2e-client-reviewer")));
    assertEquals(Listing.StatusEnum.PUBLISHED, review.approveListing(listingId).getStatus());
  }

  // ------------------------------------------------------------------------ 1. search ----

  /** A portal loads the prefectures for its form and searches; the listing is found. */
  @Test
  void searchListings() throws Exception {
    var reference = new ReferenceApi(activeList(null));
    var prefectures = reference.listPrefectures();
    assertTrue(
        prefectures.getItems().stream().anyMatch(p -> TOKYO.equals(p.getCode())),
        "Tokyo among " + prefectures.getItems().size() + " prefectures");

    var search = new SearchApi(activeList(null));
    var page =
        await("the published listing in the search")
            .atMost(EVENTUALLY)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    search.searchListings(
                        null, // theme
                        List.of(TOKYO), // prefecture
                        null, // includeOnline
                        null, // industry
                        null, // format
                        null, // maxFee
                        null, // firstFree
                        null, // qualification
                        null, // affiliation
                        null, // engagementLength
                        null, // acceptingOnly
                        registrationNumber, // q
                        null, // sort
                        null, // seed
                        20, // limit
                        null), // cursor
                p -> p.getItems().stream().anyMatch(i -> listingId.equals(i.getId())));
    var found =
        page.getItems().stream().filter(i -> listingId.equals(i.getId())).findFirst().orElseThrow();
    assertEquals(displayName, found.getDisplayName());
    assertEquals(List.of(TOKYO), found.getPrefectures());
    assertTrue(page.getTotal() >= 1);
    assertNotNull(page.getSeed(), "the rotation seed to page on with");
  }

  // --------------------------------------------------- 2. change feed and a signed webhook ----

  /**
   * A CRM syncs the change feed from the start until caught up, registers a webhook with the cursor
   * it reached (no gap), gets a signed ping and then the listing's next change pushed, and checks
   * each signature exactly as the contract says: {@code v1=} hex HMAC-SHA256 keyed with the whole
   * secret, over {@code <RISS-Webhook-Timestamp>.<raw body>}.
   */
  @Test
  void syncTheChangeFeedAndVerifyWebhookSignatures() throws Exception {
    var crm =
        new CrmSyncApi(activeList(token("support-body", "e2e-client-crm-" + UUID.randomUUID())));
    String cursor = null;
    ChangeEntry last = null;
    for (int pages = 0; ; pages++) {
      assertTrue(pages < 1_000, "the change feed never caught up");
      var page = crm.listChanges(100, cursor);
      for (var entry : page.getItems()) {
        if (listingId.equals(entry.getListingId())) {
          last = entry;
        }
      }
      cursor = page.getCursor();
      if (Boolean.TRUE.equals(page.getCaughtUp())) {
        break;
      }
    }
    assertNotNull(last, "the listing is in the feed");
    assertEquals(ChangeEntry.KindEnum.UPSERT, last.getKind());
    assertEquals(registrationNumber, last.getListing().getRegistrationNumber());

    try (Receiver receiver = Receiver.start()) {
      var webhook =
          crm.registerWebhook(
              new NewWebhook()
                  .url(receiver.url())
                  .description("E2E generated client")
                  .cursor(cursor),
              "e2e-" + UUID.randomUUID());
      String secret = webhook.getSecret();
      assertTrue(secret != null && secret.startsWith("whsec_"), "the signing secret, once");
      UUID webhookId = webhook.getId();
      // Deleted when done (a failure while deleting is added to the test's own, not hiding it).
      try (AutoCloseable deleted = () -> deleteWebhook(crm, webhookId)) {
        var ping = crm.pingWebhook(webhookId);
        Received pinged =
            receiver.await(r -> r.header("RISS-Webhook-Id").equals(ping.getId().toString()));
        assertTrue(Signatures.verify(pinged, secret), () -> "ping signature: " + pinged);
        assertFalse(Signatures.verify(pinged.tampered(), secret), "a changed body fails");
        assertFalse(Signatures.verify(pinged, secret + "x"), "another secret fails");
        WebhookDelivery pingBody = STRICT.readValue(pinged.body(), WebhookDelivery.class);
        assertEquals(webhook.getId(), pingBody.getSubscriptionId());
        assertTrue(
            pingBody.getItems() == null || pingBody.getItems().isEmpty(), "a ping has no entries");

        // The owner changes the listing: the change is pushed, signed, after the cursor.
        String introduction = "CRM 同期の確認 " + UUID.randomUUID();
        editOwnListing(sd -> sd.setSelfIntroduction(introduction));
        Received pushed =
            receiver.await(
                r -> {
                  WebhookDelivery d = STRICT.readValue(r.body(), WebhookDelivery.class);
                  return d.getItems() != null
                      && d.getItems().stream()
                          .anyMatch(
                              e ->
                                  listingId.equals(e.getListingId())
                                      && e.getListing() != null
                                      && introduction.equals(
                                          e.getListing().getSelfDeclared().getSelfIntroduction()));
                });
        assertTrue(Signatures.verify(pushed, secret), () -> "delivery signature: " + pushed);
        WebhookDelivery delivery = STRICT.readValue(pushed.body(), WebhookDelivery.class);
        ChangeEntry pushedEntry =
            delivery.getItems().stream()
                .filter(e -> listingId.equals(e.getListingId()))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertTrue(pushedEntry.getSeq() > last.getSeq(), "after the snapshot entry");
        assertEquals(ChangeEntry.KindEnum.UPSERT, pushedEntry.getKind());

        // Polling from the registered cursor sees the same entry: webhook and feed agree.
        var polled = crm.listChanges(100, cursor);
        assertTrue(
            polled.getItems().stream().anyMatch(e -> e.getSeq().equals(pushedEntry.getSeq())),
            "the pushed entry is in the feed after the cursor");
        var deliveries = crm.listWebhookDeliveries(webhookId, 20, null);
        assertTrue(
            deliveries.getItems().stream()
                .anyMatch(d -> d.getId().toString().equals(pushed.header("RISS-Webhook-Id"))),
            "the delivery is in the webhook's log");
      }
    }
  }

  /**
   * The 204 has no body, so the generated client accepts only the problem type of the errors; the
   * services read that as no preference (platform {@code ProblemOnlyAccept}) instead of a 406.
   */
  private static void deleteWebhook(CrmSyncApi crm, UUID webhookId) throws Exception {
    crm.deleteWebhook(webhookId);
  }

  // ------------------------------------------------------------- 3. self-update, If-Match ----

  /** The specialist edits the listing with the ETag read; without it 428, with a stale one 412. */
  @Test
  void specialistSelfUpdateWithIfMatch() throws Exception {
    var listings = new ListingsApi(activeList(token("specialist", owner)));
    var read = listings.getListingWithHttpInfo(listingId);
    String etag = etag(read.getHeaders());
    SelfDeclared declared = read.getData().getSelfDeclared();
    declared.setFirstConsultationFree(true);
    declared.setSelfIntroduction("生成クライアントからの更新 " + UUID.randomUUID());

    // The contract requires If-Match, so the generated client refuses to send without it (the
    // service would answer 428).
    var withoutEtag =
        assertThrows(
            jp.riss.client.activelist.ApiException.class,
            () -> listings.updateListing(null, listingId, declared));
    assertTrue(withoutEtag.getMessage().contains("ifMatch"), withoutEtag.getMessage());

    var updated = listings.updateListingWithHttpInfo(etag, listingId, declared);
    assertEquals(
        declared.getSelfIntroduction(), updated.getData().getSelfDeclared().getSelfIntroduction());
    assertEquals(Boolean.TRUE, updated.getData().getSelfDeclared().getFirstConsultationFree());
    assertEquals(Listing.StatusEnum.PUBLISHED, updated.getData().getStatus());
    assertTrue(updated.getData().getVersion() > read.getData().getVersion());
    assertNotEquals(etag, etag(updated.getHeaders()));

    var stale =
        assertThrows(
            jp.riss.client.activelist.ApiException.class,
            () -> listings.updateListing(etag, listingId, declared));
    assertEquals(412, stale.getCode(), stale.getResponseBody());
  }

  // ------------------------------------------------------------------------- 4. inquiry ----

  /** A company asks the specialist (an idempotent create); the specialist accepts with If-Match. */
  @Test
  void anInquiryAcceptedByTheSpecialist() throws Exception {
    var company = new InquiriesApi(activeList(token("company", "e2e-client-company")));
    NewInquiry inquiry =
        new NewInquiry()
            .listingId(listingId)
            .sme(
                new SmeProfile()
                    .companyName("生成クライアント工業株式会社")
                    .industry("E")
                    .prefecture(TOKYO)
                    .sizeBand("6-20")
                    .themes(List.of(1))
                    .preferredFormat("online")
                    .acceptsOnline(true))
            .contact(new SmeContact().name("総務 花子").email("soumu-client@example.jp"))
            .consentToShareContact(true)
            .message("情報セキスペの方に基本方針づくりを相談したい");
    String key = "e2e-" + UUID.randomUUID();
    var created = company.createInquiryWithHttpInfo(inquiry, key);
    assertEquals(201, created.getStatusCode());
    var replay = company.createInquiryWithHttpInfo(inquiry, key);
    assertEquals(
        created.getData().getId(), replay.getData().getId(), "the same key, the same answer");
    assertEquals(List.of("true"), replay.getHeaders().get("Idempotent-Replayed"));
    UUID id = created.getData().getId();

    var specialist = new InquiriesApi(activeList(token("specialist", owner)));
    var read = specialist.getInquiryWithHttpInfo(id);
    assertEquals(listingId, read.getData().getListingId());
    assertEquals("soumu-client@example.jp", read.getData().getSmeContact().getEmail());
    var accepted = specialist.acceptInquiry(etag(read.getHeaders()), id);
    assertEquals("ACCEPTED", accepted.getStatus().getValue());
  }

  // --------------------------------------------------- 5. deemed attendance to approval ----

  /**
   * A specialist applies for the practical course, adds a block of work, has the client certify it
   * (the link from the dev mailbox), submits with the sworn declaration and If-Match; IPA approves.
   */
  @Test
  void aDeemedAttendanceApplicationToApproval() throws Exception {
    String subject = "e2e-client-applicant-" + UUID.randomUUID();
    LocalDate today = LocalDate.now(JAPAN);
    importCycle(subject, today.minusDays(400));
    var applications = new ApplicationsApi(deemedAttendance(token("specialist", subject)));

    var draft =
        applications.createApplication(
            new NewApplication().requirementKind("practical-course"), "e2e-" + UUID.randomUUID());
    assertEquals("DRAFT", draft.getStatus().getValue());
    String certifier = "e2e-client-certifier-" + UUID.randomUUID() + "@example.jp";
    // The block of work the deemed-attendance end-to-end test certifies, as the generated model.
    var entry =
        applications.addEntry(
            draft.getId(),
            STRICT.convertValue(DeemedAttendanceE2EIT.entry(certifier, today), EntryInput.class),
            "e2e-" + UUID.randomUUID());

    var attestation = new AttestationApi(deemedAttendance(token("specialist", subject)));
    attestation.requestAttestation(draft.getId(), entry.getId());
    var admin = new AttestationApi(deemedAttendance(token("ipa-admin", "e2e-client-admin")));
    String mail = admin.devMailbox(certifier).getItems().get(0).getBody();
    Matcher link = Pattern.compile("#token=([A-Za-z0-9_-]{43})").matcher(mail);
    assertTrue(link.find(), () -> "an attestation link in " + mail);
    var certifying = new AttestationApi(deemedAttendance(null));
    assertEquals("株式会社結合試験商事", certifying.viewAttestation(link.group(1)).getOrganisationName());
    certifying.decideAttestation(
        link.group(1),
        new AttestationDecision().decision(AttestationDecision.DecisionEnum.CONFIRMED));

    String declaration =
        new ApplicationsApi(deemedAttendance(null)).currentDeclaration().getVersion();
    var current = applications.getApplicationWithHttpInfo(draft.getId());
    var submitted =
        applications.submitApplication(
            etag(current.getHeaders()),
            draft.getId(),
            new NewSubmission().declarationVersion(declaration));
    assertEquals("SUBMITTED", submitted.getStatus().getValue());

    var review = new ReviewApi(deemedAttendance(token("ipa-reviewer", "e2e-client-reviewer")));
    var reviewed = review.reviewApplicationWithHttpInfo(draft.getId());
    assertEquals("CLIENT_ATTESTED", reviewed.getData().getStratum().getValue());
    var decision =
        review.decideApplication(
            etag(reviewed.getHeaders()),
            draft.getId(),
            new NewDecision().decision(NewDecision.DecisionEnum.APPROVED),
            "e2e-" + UUID.randomUUID());
    assertEquals("APPROVED", decision.getDecision().getValue());
    assertEquals("APPROVED", applications.getApplication(draft.getId()).getStatus().getValue());
  }

  // --------------------------------------------------- 6. guide diagnosis to closers ----

  /**
   * A company registers its organisation, answers the self-check (basic policy missing: Step 2),
   * reads its gaps and follows the gap's closers link to the recommendations: among them registered
   * specialists working in its prefecture, each a listing the Active List shows.
   */
  @Test
  void aGuideDiagnosisToRecommendations() throws Exception {
    var company = guide(token("company", "e2e-client-company-" + UUID.randomUUID()));
    var organisation =
        new OrganisationsApi(company)
            .createOrganisation(
                new OrganisationData()
                    .name("E2E 生成クライアント工業")
                    .prefecture(TOKYO)
                    .jsicDivision("E")
                    .employeeBand(OrganisationData.EmployeeBandEnum._6_20)
                    .securityStaff(new SecurityStaff().concurrent(2).dedicated(0))
                    .statisticsConsent(false),
                "e2e-" + UUID.randomUUID());
    var instrument =
        new DiagnosisApi(guide(null)).getInstrument("sme-self-check", "2025-1", null, null, null);
    Map<String, String> answers = new LinkedHashMap<>();
    instrument.getItems().forEach(item -> answers.put(item.getId(), "yes"));
    answers.put("o01", "no");
    var diagnoses = new DiagnosesApi(company);
    var diagnosis =
        diagnoses.submitDiagnosis(
            organisation.getId(),
            new Submission()
                .instrument("sme-self-check")
                .instrumentVersion("2025-1")
                .facts(List.of("usesWireless", "remoteWork", "outsources"))
                .answers(answers),
            "e2e-" + UUID.randomUUID());
    assertEquals(2, diagnosis.getPlacedStep());

    var gaps = diagnoses.getDiagnosisGaps(diagnosis.getId(), null);
    var gap = gaps.getItems().get(0);
    assertEquals("basic-policy", gap.getGapCode());
    // The link is the closers operation with its query; the client calls it by its parameters.
    Map<String, String> query = query(gap.getClosers().getMore());
    assertEquals(TOKYO, query.get("prefecture"));
    var closers = new ClosersApi(guide(null));
    var recommended =
        await("registered specialists in the prefecture among the closers")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofSeconds(1))
            .until(
                () ->
                    closers.getGapClosers(
                        query.get("gap"),
                        query.get("step"),
                        query.get("prefecture"),
                        query.get("seed"),
                        null,
                        null,
                        null),
                c ->
                    c.getClosers().stream()
                        .filter(k -> k.getKind() == GapCloser.KindEnum.SPECIALIST)
                        .flatMap(k -> k.getSpecialists().stream())
                        .anyMatch(s -> "prefecture".equals(s.getMatch().getValue())));
    assertEquals("basic-policy", recommended.getGap().getCode());
    var specialist =
        recommended.getClosers().stream()
            .filter(k -> k.getKind() == GapCloser.KindEnum.SPECIALIST)
            .flatMap(k -> k.getSpecialists().stream())
            .filter(s -> "prefecture".equals(s.getMatch().getValue()))
            .findFirst()
            .orElseThrow();
    assertTrue(specialist.getPrefectures().contains(TOKYO));
    // The recommendation names a listing the Active List publishes: the portal reads it there.
    var listing = new ListingsApi(activeList(null)).getListing(specialist.getListingId());
    assertEquals(Listing.StatusEnum.PUBLISHED, listing.getStatus());
  }

  // ------------------------------------------------ 7. community event registration ----

  /**
   * The camp office imports an alumnus's completion; the alumnus enrols with the mailed code; the
   * office creates a workshop and opens it (If-Match); the alumnus registers and has a seat.
   */
  @Test
  void aCommunityEventRegistration() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String office = token("camp-office", "e2e-client-office");
    String email = "e2e-client-" + run + "@example.jp";
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rowKey", "e2e-client-" + run);
    row.put("personRef", "e2e-client-" + run);
    row.put("fullName", "生成 修了 " + run);
    row.put("email", email);
    row.put("dateOfBirth", LocalDate.now(JAPAN).minusYears(28).toString());
    row.put("programme", "national");
    row.put("fiscalYear", 2023);
    row.put("verified", true);
    var report =
        new CompletionsApi(community(office))
            .importCompletions(
                bodyOf(CompletionsApi.class, "importCompletions", Map.of("rows", List.of(row))),
                null,
                "e2e-" + UUID.randomUUID());
    assertEquals(1, report.getCreated(), () -> "completion import: " + report);

    String mail =
        new jp.riss.client.community.api.DevApi(community(office))
            .devMailbox(email)
            .getItems()
            .get(0)
            .getBody();
    Matcher code = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(mail);
    assertTrue(code.find(), () -> "an enrolment code in " + mail);
    var alumnus = community(token("alumni", "e2e-client-alumni-" + run));
    var member =
        new MembersApi(alumnus)
            .enrol(bodyOf(MembersApi.class, "enrol", Map.of("code", code.group())));
    assertNotNull(member.getMemberId());

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime start = now.plusDays(30).truncatedTo(ChronoUnit.HOURS);
    var events = new EventsApi(community(office));
    var draft =
        events.createEventWithHttpInfo(
            new EventInput()
                .kind(EventKind.WORKSHOP)
                .title("生成クライアントの勉強会 " + run)
                .format(EventInput.FormatEnum.ONLINE)
                .startsAt(start)
                .endsAt(start.plusHours(2))
                .capacity(10)
                .waitlistLength(5)
                .registrationOpensAt(now.minusHours(1))
                .registrationClosesAt(start.minusDays(1))
                .audience(new EventAudience().programmes(List.of()).minAgeBand(AgeBand.ADULT)));
    UUID eventId = draft.getData().getId();
    assertEquals("draft", draft.getData().getState().getValue());
    assertEquals("open", events.openEvent(etag(draft.getHeaders()), eventId).getState().getValue());

    var registration =
        new EventsApi(alumnus)
            .registerForEvent(
                eventId,
                "e2e-" + UUID.randomUUID(),
                bodyOf(EventsApi.class, "registerForEvent", Map.of("attendance", "online")));
    assertEquals(RegistrationState.CONFIRMED, registration.getState());
    assertEquals(eventId, registration.getEventId());
    var mine = new EventsApi(alumnus).listMyRegistrations(20, null);
    assertTrue(
        mine.getItems().stream().anyMatch(r -> r.getId().equals(registration.getId())),
        "the registration among the member's own");
    assertEquals(1, new EventsApi(community(null)).getEvent(eventId).getSeats().getConfirmed());
  }

  // ------------------------------------------------------------------------- helpers ----

  private static String token(String role, String subject) {
    return LocalStack.token(role, subject);
  }

  private static jp.riss.client.activelist.ApiClient activeList(String token) {
    return client(jp.riss.client.activelist.ApiClient.class, token);
  }

  private static jp.riss.client.deemedattendance.ApiClient deemedAttendance(String token) {
    return client(jp.riss.client.deemedattendance.ApiClient.class, token);
  }

  private static jp.riss.client.community.ApiClient community(String token) {
    return client(jp.riss.client.community.ApiClient.class, token);
  }

  private static jp.riss.client.guide.ApiClient guide(String token) {
    return client(jp.riss.client.guide.ApiClient.class, token);
  }

  /**
   * A service's generated {@code ApiClient} aimed at the gateway, strict, with the bearer token
   * (none for public reads). The four are alike but share no type, hence reflection.
   */
  private static <C> C client(Class<C> type, String token) {
    try {
      ObjectMapper mapper =
          strict((ObjectMapper) type.getMethod("createDefaultObjectMapper").invoke(null));
      C client =
          type.getConstructor(HttpClient.Builder.class, ObjectMapper.class, String.class)
              .newInstance(http(), mapper, LocalStack.GATEWAY);
      type.getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer(token));
      type.getMethod("setReadTimeout", Duration.class).invoke(client, Duration.ofSeconds(30));
      return client;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " is not the generated ApiClient expected", e);
    }
  }

  /**
   * The JDK's client, pinned to HTTP/1.1 (its default would try an h2c upgrade on plain http): a
   * failure here is then about the contracts, not protocol negotiation.
   */
  private static HttpClient.Builder http() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5));
  }

  /**
   * The contract's security scheme is a bearer JWT; the native client leaves auth to the caller.
   */
  private static Consumer<HttpRequest.Builder> bearer(String token) {
    return request -> {
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
    };
  }

  private static ObjectMapper strict(ObjectMapper mapper) {
    return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The ETag an answer carries (header names are case-insensitive in the JDK's client). */
  private static String etag(Map<String, List<String>> headers) {
    List<String> values = headers.get("ETag");
    assertTrue(values != null && values.size() == 1, () -> "one ETag in " + headers);
    return values.get(0);
  }

  /**
   * The body an operation takes, from JSON-shaped values, typed as the generated method's body
   * parameter.
   */
  @SuppressWarnings("unchecked")
  private static <T> T bodyOf(Class<?> api, String operationId, Object json) {
    Method method =
        Arrays.stream(api.getMethods())
            .filter(m -> m.getName().equals(operationId))
            .min(Comparator.comparingInt(Method::getParameterCount))
            .orElseThrow(() -> new AssertionError(api.getSimpleName() + " has no " + operationId));
    Class<?> body =
        Arrays.stream(method.getParameterTypes())
            .filter(t -> t.getPackageName().endsWith(".model"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(operationId + " takes no body"));
    return (T) STRICT.convertValue(json, body);
  }

  /**
   * IPA's registry record of a specialist at the deemed-attendance service: a free number (a number
   * taken by an earlier run of the shared stack is rejected, so another is drawn) bound to the
   * account, its cycle started on {@code start}. Answers the number.
   */
  private static String importCycle(String subject, LocalDate start) throws Exception {
    var imports = new ImportsApi(deemedAttendance(token("ipa-admin", "e2e-client-admin")));
    for (int attempt = 0; attempt < 20; attempt++) {
      String number = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 900_000));
      var report =
          imports.importCycles(
              bodyOf(
                  ImportsApi.class,
                  "importCycles",
                  Map.of(
                      "records",
                      List.of(
                          Map.of(
                              "registrationNumber",
                              number,
                              "specialistSubject",
                              subject,
                              "cycleStart",
                              start.toString(),
                              "registeredOn",
                              "2020-04-01")))));
      if (report.getCreated() == 1) {
        return number;
      }
    }
    return fail("no free registration number in 20 draws");
  }

  /** The owner's edit of the shared listing: read with its ETag, change, put with If-Match. */
  private static void editOwnListing(Consumer<SelfDeclared> change) throws Exception {
    var listings = new ListingsApi(activeList(token("specialist", owner)));
    var read = listings.getListingWithHttpInfo(listingId);
    SelfDeclared declared = read.getData().getSelfDeclared();
    change.accept(declared);
    listings.updateListing(etag(read.getHeaders()), listingId, declared);
  }

  /** The query parameters of a relative link such as {@code /api/v1/guide/closers?gap=…}. */
  private static Map<String, String> query(String link) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = URI.create(link).getRawQuery();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  // ------------------------------------------------------------ the webhook receiver ----

  /** One request the receiver got: its headers and the raw body bytes, as they arrived. */
  record Received(Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? "" : values.get(0);
    }

    Received tampered() {
      byte[] copy = body.clone();
      copy[copy.length - 2] ^= 1;
      return new Received(headers, copy);
    }

    @Override
    public String toString() {
      return headers + " " + new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A CRM's webhook endpoint: the JDK's HTTP server on a free loopback port, answering 204. */
  private static final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Receiver(HttpServer server) {
      this.server = server;
    }

    static Receiver start() throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      Receiver receiver = new Receiver(server);
      server.createContext(
          "/crm/webhook",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            receiver.received.add(
                new Received(caseInsensitive(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
      Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(headers);
      return java.util.Collections.unmodifiableMap(copy);
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/crm/webhook";
    }

    /** Waits for a request that matches (earlier ones stay available to later waits). */
    Received await(Matching matching) {
      return org.awaitility.Awaitility.await("a webhook delivery")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                received.drainTo(seen);
                for (Received r : seen) {
                  if (matching.test(r)) {
                    return r;
                  }
                }
                return null;
              },
              Objects::nonNull);
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @FunctionalInterface
  interface Matching {
    boolean test(Received received) throws Exception;
  }

  /** The receiver's check, as the contract's registerWebhook describes it. */
  static final class Signatures {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Signatures() {}

    static boolean verify(Received delivery, String secret) {
      String timestamp = delivery.header("RISS-Webhook-Timestamp");
      long signedAt = Long.parseLong(timestamp);
      if (Duration.between(Instant.ofEpochSecond(signedAt), Instant.now())
              .abs()
              .compareTo(TOLERANCE)
          > 0) {
        return false;
      }
      byte[] expected = hmac(secret, timestamp, delivery.body());
      for (String part : delivery.header("RISS-Webhook-Signature").split(",")) {
        String value = part.strip();
        if (value.startsWith("v1=")
            && MessageDigest.isEqual(
                expected, value.substring(3).getBytes(StandardCharsets.US_ASCII))) {
          return true;
        }
      }
      return false;
    }

    /** Lowercase hex HMAC-SHA256 over the timestamp, a dot and the raw body bytes. */
    private static byte[] hmac(String secret, String timestamp, byte[] body) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
