package jp.riss.deemedattendance;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.riss.platform.testing.EndpointMatrix;
import jp.riss.platform.testing.EndpointMatrix.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected endpoint: no token 401, a bad token 401, and every role that is not allowed 403,
 * as problem+json.
 */
@QuarkusTest
class ProtectedEndpointsTest {

  private static final List<String> ROLES =
      List.of(
          "specialist",
          "support-body",
          "company",
          "certifier",
          "alumni",
          "camp-office",
          "ipa-reviewer",
          "ipa-admin");

  private static final Map<String, Object> CYCLE_IMPORT =
      Map.of(
          "records",
          List.of(
              Map.of(
                  "registrationNumber", "000001",
                  "specialistSubject", "nobody",
                  "cycleStart", "2024-04-01")));
  private static final Map<String, Object> COMPLETION_IMPORT =
      Map.of(
          "records",
          List.of(
              Map.of(
                  "registrationNumber", "000001",
                  "cycleStart", "2024-04-01",
                  "requirementKind", "online-course",
                  "courseName", "x",
                  "completedOn", "2024-05-01")));

  static Stream<Endpoint> endpoints() {
    return Stream.of(
        new Endpoint("GET", DeemedAttendanceApi.ME, null, Set.of("specialist")),
        new Endpoint(
            "GET",
            DeemedAttendanceApi.CYCLES + "/000001",
            null,
            Set.of("specialist", "ipa-reviewer", "ipa-admin")),
        new Endpoint("POST", DeemedAttendanceApi.IMPORT_CYCLES, CYCLE_IMPORT, Set.of("ipa-admin")),
        new Endpoint(
            "POST", DeemedAttendanceApi.IMPORT_COMPLETIONS, COMPLETION_IMPORT, Set.of("ipa-admin")),
        new Endpoint(
            "PUT",
            DeemedAttendanceApi.KINDS + "/practical-course",
            Map.of("substitutable", false),
            Set.of("ipa-admin")),
        new Endpoint("POST", APPS, Map.of("requirementKind", "practical-course"), SPECIALIST),
        new Endpoint("GET", APPS + "/" + NO_ID, null, SPECIALIST),
        new Endpoint("DELETE", APPS + "/" + NO_ID, null, SPECIALIST),
        new Endpoint("GET", DeemedAttendanceApi.BASE + "/me/applications", null, SPECIALIST),
        new Endpoint("POST", APPS + "/" + NO_ID + "/entries", ENTRY, SPECIALIST),
        new Endpoint("GET", APPS + "/" + NO_ID + "/entries/" + NO_ID, null, SPECIALIST),
        new Endpoint("PUT", APPS + "/" + NO_ID + "/entries/" + NO_ID, ENTRY, SPECIALIST),
        new Endpoint("DELETE", APPS + "/" + NO_ID + "/entries/" + NO_ID, null, SPECIALIST),
        new Endpoint(
            "POST",
            APPS + "/" + NO_ID + "/submission",
            Map.of("declarationVersion", "2026-1"),
            SPECIALIST),
        new Endpoint(
            "POST",
            APPS + "/" + NO_ID + "/entries/" + NO_ID + "/attestation-requests",
            null,
            SPECIALIST),
        new Endpoint(
            "GET",
            DeemedAttendanceApi.BASE + "/dev/mailbox?to=a@example.jp",
            null,
            Set.of("ipa-admin")),
        new Endpoint("GET", EXAMPLES, null, Set.of("ipa-admin")),
        new Endpoint(
            "POST",
            EXAMPLES,
            Map.of("area", 1, "title", "t", "text", "あ".repeat(60)),
            Set.of("ipa-admin")),
        new Endpoint("GET", EXAMPLES + "/" + NO_ID, null, Set.of("ipa-admin")),
        new Endpoint("DELETE", EXAMPLES + "/" + NO_ID, null, Set.of("ipa-admin")),
        new Endpoint("GET", REVIEW + "/queue", null, IPA),
        new Endpoint("GET", REVIEW + "/rejection-reasons", null, IPA),
        new Endpoint("GET", REVIEW + "/applications/" + NO_ID, null, IPA),
        new Endpoint(
            "POST",
            REVIEW + "/applications/" + NO_ID + "/decisions",
            Map.of("decision", "APPROVED"),
            IPA),
        new Endpoint(
            "GET",
            APPS + "/" + NO_ID + "/decisions",
            null,
            Set.of("specialist", "ipa-reviewer", "ipa-admin")),
        new Endpoint("GET", AUDITS + "/strata", null, IPA),
        new Endpoint(
            "PUT", AUDITS + "/strata/CLIENT_ATTESTED", Map.of("rate", 0.05), Set.of("ipa-admin")),
        new Endpoint(
            "POST",
            AUDITS + "/draws",
            Map.of("periodFrom", "2026-01-01", "periodTo", "2026-01-31"),
            Set.of("ipa-admin")),
        new Endpoint("GET", AUDITS + "/draws/" + NO_ID, null, IPA),
        new Endpoint("POST", AUDITS + "/draws/" + NO_ID + "/re-run", null, Set.of("ipa-admin")),
        new Endpoint("GET", AUDITS + "/" + NO_ID, null, IPA),
        new Endpoint(
            "POST",
            AUDITS + "/" + NO_ID + "/follow-up",
            Map.of("text", "t"),
            Set.of("ipa-reviewer")),
        new Endpoint(
            "POST",
            AUDITS + "/" + NO_ID + "/outcome",
            Map.of("outcome", "CONFIRMED"),
            Set.of("ipa-reviewer")),
        new Endpoint(
            "POST",
            DeemedAttendanceApi.BASE + "/reminders/run?today=2026-01-01",
            null,
            Set.of("ipa-admin")),
        new Endpoint("GET", DeemedAttendanceApi.BASE + "/me/suggested-entries", null, SPECIALIST),
        new Endpoint(
            "GET", DeemedAttendanceApi.BASE + "/me/suggested-entries/" + NO_ID, null, SPECIALIST),
        new Endpoint(
            "POST",
            APPS + "/" + NO_ID + "/entries/from-suggestion",
            Map.of("suggestionId", NO_ID),
            SPECIALIST));
  }

  private static final String REVIEW = DeemedAttendanceApi.BASE + "/review";
  private static final String AUDITS = DeemedAttendanceApi.BASE + "/audits";
  private static final Set<String> IPA = Set.of("ipa-reviewer", "ipa-admin");

  private static final String APPS = DeemedAttendanceApi.BASE + "/applications";
  private static final String EXAMPLES = DeemedAttendanceApi.BASE + "/examples";
  private static final String NO_ID = "00000000-0000-4000-8000-00000000dead";
  private static final Set<String> SPECIALIST = Set.of("specialist");
  private static final Map<String, Object> ENTRY =
      Map.ofEntries(
          Map.entry("syllabusItems", List.of("1-1")),
          Map.entry("title", "t"),
          Map.entry("description", "あ".repeat(200)),
          Map.entry("periodFrom", "2024-05-01"),
          Map.entry("periodTo", "2024-06-01"),
          Map.entry("organisationName", "o"),
          Map.entry("corporateNumber", "7000012050002"),
          Map.entry("applicantRole", "r"),
          Map.entry("certifierName", "n"),
          Map.entry("certifierTitle", "t"),
          Map.entry("certifierEmail", "a@example.jp"),
          Map.entry("certifierRelation", "EMPLOYER"));

  static Stream<Arguments> forbidden() {
    return EndpointMatrix.forbidden(endpoints(), ROLES);
  }

  static Stream<Arguments> badTokens() {
    return EndpointMatrix.badTokens(endpoints());
  }

  @ParameterizedTest(name = "{0}: no token is 401")
  @MethodSource("endpoints")
  void noTokenIs401(Endpoint endpoint) {
    EndpointMatrix.noTokenIs401(endpoint);
  }

  @ParameterizedTest(name = "{0}: {1} token is 401")
  @MethodSource("badTokens")
  void badTokenIs401(Endpoint endpoint, String kind, String token) {
    EndpointMatrix.badTokenIs401(endpoint, token);
  }

  @ParameterizedTest(name = "{0}: role {1} is 403")
  @MethodSource("forbidden")
  void wrongRoleIs403(Endpoint endpoint, String role) {
    EndpointMatrix.wrongRoleIs403(endpoint, role);
  }
}
