package jp.riss.deemedattendance.application;

import static io.restassured.RestAssured.given;
import static jp.riss.deemedattendance.DeemedAttendanceApi.BASE;
import static jp.riss.deemedattendance.DeemedAttendanceApi.bearer;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.riss.platform.testing.Contracts;

/** Test helpers for the attestation flow: the owner's request, the dev mailbox, the certifier. */
final class Attestation {

  static final String CURRENT = BASE + "/attestations/current";
  static final String MAILBOX = BASE + "/dev/mailbox";
  static final String HEADER = "X-Attestation-Token";
  private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");

  private Attestation() {}

  static String freshEmail() {
    return "certifier-" + UUID.randomUUID() + "@example.jp";
  }

  /** An entry whose certifier has a fresh address, so their mailbox is theirs alone. */
  static Map<String, Object> entryFor(String email) {
    Map<String, Object> e = ApplicationTest.entry();
    e.put("certifierEmail", email);
    return e;
  }

  static ValidatableResponse request(String subject, String applicationId, String entryId) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", subject))
        .post(
            ApplicationTest.APPLICATIONS
                + "/"
                + applicationId
                + "/entries/"
                + entryId
                + "/attestation-requests")
        .then();
  }

  static ValidatableResponse mailbox(String to) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-admin", "ipa-admin-1"))
        .queryParam("to", to)
        .get(MAILBOX)
        .then();
  }

  /** The tokens of the messages sent to {@code to}, newest first. */
  static List<String> tokens(String to) {
    List<String> bodies = mailbox(to).statusCode(200).extract().path("items.body");
    return bodies.stream()
        .map(
            b -> {
              Matcher m = TOKEN.matcher(b);
              if (!m.find()) {
                throw new AssertionError("no link in " + b);
              }
              return m.group(1);
            })
        .toList();
  }

  static ValidatableResponse view(String token) {
    return given().filter(Contracts.validator()).header(HEADER, token).get(CURRENT).then();
  }

  static ValidatableResponse decide(String token, Object body) {
    return given()
        .filter(Contracts.validator())
        .header(HEADER, token)
        .contentType(ContentType.JSON)
        .body(body)
        .post(CURRENT)
        .then();
  }

  /** Drafts, adds one entry, has it attested; answers {applicationId, entryId}. */
  static String[] attestedEntry(String subject, String applicationId, Map<String, Object> entry) {
    String email = (String) entry.get("certifierEmail");
    String entryId =
        ApplicationTest.addEntry(subject, applicationId, entry, true)
            .statusCode(201)
            .extract()
            .path("id");
    request(subject, applicationId, entryId).statusCode(202);
    decide(tokens(email).get(0), Map.of("decision", "CONFIRMED")).statusCode(200);
    return new String[] {applicationId, entryId};
  }
}
