package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deemed attendance end to end, through the gateway only, with tokens from deploy/local/token:
 * draft, certifier attestation (the link from the dev mailbox), sworn declaration and submission,
 * IPA's approval, a sample-audit draw, a false declaration and the approval revoked.
 */
@ExtendWith(LocalStack.class)
class DeemedAttendanceE2EIT {

  private static final String API = "/api/v1/deemed-attendance";
  private static final Pattern LINK =
      Pattern.compile("(https?://[^\\s#]+)#token=([A-Za-z0-9_-]{43})");
  private static final Pattern SCRIPT = Pattern.compile("<script src=\"([^\"]+)\"");

  @Test
  void fromDraftToRevocationAfterAnAudit() {
    String admin = LocalStack.token("ipa-admin", "e2e-ipa-admin");
    String reviewer = LocalStack.token("ipa-reviewer", "e2e-ipa-reviewer");
    String subject = "e2e-specialist-" + UUID.randomUUID();
    String specialist = LocalStack.token("specialist", subject);
    // Outside the 9000xx block of the demo data; a number taken by an earlier run is rejected, so
    // retry.
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    LocalDate start = today.minusDays(400);
    String number = null;
    for (int attempt = 0; number == null && attempt < 20; attempt++) {
      String candidate = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 900_000));
      int created =
          RegistryImports.post(
                  admin,
                  RegistryImports.CYCLES,
                  List.of(
                      Map.of(
                          "registrationNumber", candidate,
                          "specialistSubject", subject,
                          "cycleStart", start.toString())))
              .extract()
              .path("created");
      number = created == 1 ? candidate : null;
    }
    assertNotNull(number, "a free registration number");
    // The same specialist's Active List listing, whose verified training status follows the
    // decisions below (deemedattendance.application.v1 -> active list), and whose registry facts
    // follow this service's registration events (deemedattendance.registration.v1). Another
    // specialist sending the number is refused; the holder succeeds once the binding arrived.
    Map<String, Object> newListing =
        Map.of(
            "registrationNumber",
            number,
            "selfDeclared",
            Map.of(
                "displayName", "みなし 太郎",
                "affiliation", Map.of("kind", "INDEPENDENT"),
                "availability", Map.of("status", "ACCEPTING")));
    String squatter = LocalStack.token("specialist", "e2e-squatter-" + UUID.randomUUID());
    given()
        .auth()
        .oauth2(squatter)
        .contentType(ContentType.JSON)
        .body(newListing)
        .post("/api/v1/active-list/listings")
        .then()
        .statusCode(403)
        .body("type", equalTo("https://riss.example/problems/registration-not-held"));
    String listing =
        org.awaitility.Awaitility.await("the registry binding reaches the Active List")
            .atMost(java.time.Duration.ofSeconds(15))
            .pollInterval(java.time.Duration.ofMillis(200))
            .until(
                () ->
                    given()
                        .auth()
                        .oauth2(specialist)
                        .contentType(ContentType.JSON)
                        .body(newListing)
                        .post("/api/v1/active-list/listings"),
                r -> r.statusCode() == 201)
            .then()
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(squatter)
        .contentType(ContentType.JSON)
        .body(newListing)
        .post("/api/v1/active-list/listings")
        .then()
        .statusCode(403);
    awaitListing(specialist, listing, "verified.mandatoryCourses.practicalCourse.status", "DUE");

    String id =
        given()
            .auth()
            .oauth2(specialist)
            .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
            .contentType(ContentType.JSON)
            .body(Map.of("requirementKind", "practical-course"))
            .post(API + "/applications")
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .extract()
            .path("id");
    String email = "e2e-certifier-" + UUID.randomUUID() + "@example.jp";
    String entryId =
        given()
            .auth()
            .oauth2(specialist)
            .contentType(ContentType.JSON)
            .body(entry(email, today))
            .post(API + "/applications/" + id + "/entries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(specialist)
        .post(API + "/applications/" + id + "/entries/" + entryId + "/attestation-requests")
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING_ATTESTATION"));
    String mail =
        given()
            .auth()
            .oauth2(admin)
            .queryParam("to", email)
            .get(API + "/dev/mailbox")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].body");
    Matcher link = LINK.matcher(mail);
    assertTrue(link.find(), "an attestation link in " + mail);
    // The certifier opens the link: the gateway serves the page (the fragment stays in the
    // browser), whose script reads the token and makes the two calls below.
    String page =
        given()
            .get(link.group(1))
            .then()
            .statusCode(200)
            .contentType(startsWith("text/html"))
            .extract()
            .asString();
    Matcher script = SCRIPT.matcher(page);
    assertTrue(script.find(), "a script in " + page);
    given()
        .get(URI.create(link.group(1)).resolve(script.group(1)).toString())
        .then()
        .statusCode(200)
        .body(containsString("'" + API + "/attestations/current'"))
        .body(containsString("'X-Attestation-Token'"));
    given()
        .header("X-Attestation-Token", link.group(2))
        .get(API + "/attestations/current")
        .then()
        .statusCode(200)
        .body("organisationName", equalTo("株式会社結合試験商事"));
    given()
        .header("X-Attestation-Token", link.group(2))
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "CONFIRMED"))
        .post(API + "/attestations/current")
        .then()
        .statusCode(200)
        .body("decision", equalTo("CONFIRMED"));

    String declaration =
        given().get(API + "/declarations/current").then().statusCode(200).extract().path("version");
    String etag =
        given()
            .auth()
            .oauth2(specialist)
            .get(API + "/applications/" + id)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(specialist)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("declarationVersion", declaration))
        .post(API + "/applications/" + id + "/submission")
        .then()
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"));

    String reviewEtag =
        given()
            .auth()
            .oauth2(reviewer)
            .get(API + "/review/applications/" + id)
            .then()
            .statusCode(200)
            .body("stratum", equalTo("CLIENT_ATTESTED"))
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(reviewer)
        .header("If-Match", reviewEtag)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "APPROVED"))
        .post(API + "/review/applications/" + id + "/decisions")
        .then()
        .statusCode(201)
        .body("decision", equalTo("APPROVED"));
    awaitTrainingStatus(specialist, listing, "APPROVED");
    // The approval fulfils the practical course: one rule, shown on the other service.
    awaitListing(
        specialist,
        listing,
        "verified.mandatoryCourses.practicalCourse.fulfilledBy",
        "DEEMED_ATTENDANCE");
    awaitListing(
        specialist, listing, "verified.mandatoryCourses.practicalCourse.status", "COMPLETED");
    given()
        .auth()
        .oauth2(specialist)
        .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
        .contentType(ContentType.JSON)
        .body(Map.of("requirementKind", "practical-course"))
        .post(API + "/applications")
        .then()
        .statusCode(409)
        .body("type", equalTo("https://riss.example/problems/requirement-done"));

    // Every client-attested approval of today is drawn, so this one certainly is; the rate is
    // put back afterwards.
    JsonPath stratum =
        given()
            .auth()
            .oauth2(admin)
            .get(API + "/audits/strata")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    BigDecimal rate =
        new BigDecimal(stratum.getString("find { it.code == 'CLIENT_ATTESTED' }.rate"));
    int version = stratum.getInt("find { it.code == 'CLIENT_ATTESTED' }.version");
    int changed = setRate(admin, version, BigDecimal.ONE);
    JsonPath draw;
    try {
      draw =
          given()
              .auth()
              .oauth2(admin)
              .header("Idempotency-Key", "e2e-" + UUID.randomUUID())
              .contentType(ContentType.JSON)
              .body(Map.of("periodFrom", today.toString(), "periodTo", today.toString()))
              .post(API + "/audits/draws")
              .then()
              .statusCode(201)
              .body("strata.find { it.stratum == 'CLIENT_ATTESTED' }.selected", hasItem(id))
              .extract()
              .jsonPath();
    } finally {
      setRate(admin, changed, rate);
    }
    String drawId = draw.getString("id");
    given()
        .auth()
        .oauth2(admin)
        .post(API + "/audits/draws/" + drawId + "/re-run")
        .then()
        .statusCode(200)
        .body("identical", equalTo(true));

    String auditId = draw.getString("audits.find { it.applicationId == '" + id + "' }.id");
    String auditEtag =
        given()
            .auth()
            .oauth2(reviewer)
            .get(API + "/audits/" + auditId)
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(reviewer)
        .header("If-Match", auditEtag)
        .contentType(ContentType.JSON)
        .body(Map.of("outcome", "FALSE_DECLARATION", "comment", "E2E: 記載の業務は行われていなかった"))
        .post(API + "/audits/" + auditId + "/outcome")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("FALSE_DECLARATION"));

    given()
        .auth()
        .oauth2(specialist)
        .get(API + "/applications/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("REVOKED"));
    given()
        .auth()
        .oauth2(specialist)
        .get(API + "/applications/" + id + "/decisions")
        .then()
        .statusCode(200)
        .body("items.decision", equalTo(List.of("APPROVED", "REVOKED")))
        .body("items[1].reviewer", equalTo(null));
    awaitTrainingStatus(specialist, listing, "REVOKED");
    // The revocation reopens the practical course, on both services.
    awaitListing(specialist, listing, "verified.mandatoryCourses.practicalCourse.status", "DUE");
    given()
        .auth()
        .oauth2(specialist)
        .get(API + "/me/cycle")
        .then()
        .statusCode(200)
        .body("requirements.find { it.kind == 'practical-course' }.done", equalTo(false));

    // IPA's registry suspends the registration: imported here, seen by the Active List, whose
    // registry criterion now fails for the listing.
    RegistryImports.post(
            admin,
            RegistryImports.CYCLES,
            List.of(
                Map.of(
                    "registrationNumber",
                    number,
                    "specialistSubject",
                    subject,
                    "cycleStart",
                    start.toString(),
                    "registrationStatus",
                    "SUSPENDED")))
        .body("updated", equalTo(1));
    awaitListing(specialist, listing, "verified.registration.status", "SUSPENDED");
    given()
        .auth()
        .oauth2(specialist)
        .get("/api/v1/active-list/listings/" + listing + "/criteria")
        .then()
        .statusCode(200)
        .body("results.find { it.code == 'registration-valid' }.passed", equalTo(false));
  }

  /** Waits until the Active List shows {@code value} at {@code path} of the listing. */
  private static void awaitListing(String specialist, String listing, String path, String value) {
    org.awaitility.Awaitility.await(path + " = " + value)
        .atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(100))
        .until(
            () ->
                value.equals(
                    given()
                        .auth()
                        .oauth2(specialist)
                        .get("/api/v1/active-list/listings/" + listing)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path(path)));
  }

  /** The Active List shows the decision as the listing's verified training status. */
  private static void awaitTrainingStatus(String specialist, String listing, String status) {
    awaitListing(specialist, listing, "verified.deemedAttendance.status", status);
  }

  /** Sets the client-attested rate; answers the new version. */
  private static int setRate(String admin, int version, BigDecimal rate) {
    return given()
        .auth()
        .oauth2(admin)
        .header("If-Match", "\"" + version + "\"")
        .contentType(ContentType.JSON)
        .body(Map.of("rate", rate))
        .put(API + "/audits/strata/CLIENT_ATTESTED")
        .then()
        .statusCode(200)
        .extract()
        .path("version");
  }

  /** A block of work certified by the client at {@code email}, done 200 to 180 days ago. */
  static Map<String, Object> entry(String email, LocalDate today) {
    Map<String, Object> e = new HashMap<>();
    e.put("syllabusItems", List.of("4-2", "4-3"));
    e.put("title", "顧客企業におけるマルウェア感染疑い事案の初動対応の支援");
    e.put(
        "description",
        "顧客の卸売業の企業から、複数の端末で不審な通信が見られるとの相談を受け、初動対応を支援した。端末の通信記録と"
            + "認証の記録を取り寄せて時系列に並べ、感染が疑われる端末を三台に絞り込んだ上で、ネットワークからの切り離しと"
            + "証拠の保全の手順を担当者に指示した。あわせて取引先への連絡の要否を整理し、経営者への報告資料の作成を手伝った。"
            + "その結果、被害は三台にとどまり、業務は翌日に再開できた。再発防止のための監視の設定も提案し採用された。識別子 "
            + UUID.randomUUID());
    LocalDate from = today.minusDays(200);
    e.put("periodFrom", from.toString());
    e.put("periodTo", from.plusDays(20).toString());
    e.put("organisationName", "株式会社結合試験商事");
    e.put("corporateNumber", "7000012050002");
    e.put("applicantRole", "外部の支援者（独立）");
    e.put("certifierName", "結合 次郎");
    e.put("certifierTitle", "代表取締役");
    e.put("certifierEmail", email);
    e.put("certifierRelation", "CLIENT");
    return e;
  }
}
