package jp.riss.guide;

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
 * The role rule of every protected endpoint of the guide: no token 401, a bad token 401, every role
 * that is not allowed 403, as problem+json. (Which organisation a permitted caller may act for is
 * tested with each feature: others get 404.)
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

  // --- organisations, diagnoses, plans, instrument versions (issue 14) ---
  private static final String G = "/api/v1/guide";
  private static final String NO_ID = "00000000-0000-4000-8000-00000000dead";
  private static final String ORG = G + "/organisations/" + NO_ID;
  private static final Set<String> ACTING = Set.of("company", "support-body");
  private static final Set<String> COMPANY = Set.of("company");
  private static final Set<String> ADMIN = Set.of("ipa-admin");
  private static final Map<String, Object> ORGANISATION =
      Map.of(
          "name", "n",
          "prefecture", "13",
          "jsicDivision", "E",
          "employeeBand", "1-5",
          "securityStaff", Map.of("concurrent", 1, "dedicated", 0),
          "statisticsConsent", true);
  private static final Map<String, Object> SUBMISSION =
      Map.of(
          "instrument", "sme-self-check",
          "instrumentVersion", "2025-1",
          "answers", Map.of("b01", "yes"));
  private static final Map<String, Object> PLAN =
      Map.of(
          "diagnosisId", NO_ID,
          "gaps", List.of("os-updates"),
          "actions", List.of(Map.of("description", "d", "owner", "o", "dueOn", "2026-01-01")));
  private static final Map<String, Object> INSTRUMENT =
      Map.of(
          "version", "2099-9",
          "title", Map.of("ja", "t"),
          "parts", List.of(Map.of("code", "basics", "ja", "基本")),
          "scale",
              List.of(
                  Map.of("answer", "yes", "points", 4, "ja", "はい"),
                  Map.of("answer", "no", "points", 0, "ja", "いいえ")),
          "bands", List.of(Map.of("code", "all", "fromPercent", -100, "toPercent", 100, "ja", "全")),
          "items",
              List.of(
                  Map.of(
                      "id",
                      "x1",
                      "part",
                      "basics",
                      "step",
                      1,
                      "measureKeys",
                      List.of(),
                      "gapCode",
                      "xx",
                      "ja",
                      Map.of("text", "問"))),
          "placement", Map.of("version", "2099-9", "exits", List.of()));

  static Stream<Endpoint> endpoints() {
    return Stream.of(
        new Endpoint("POST", G + "/organisations", ORGANISATION, COMPANY),
        new Endpoint("GET", G + "/organisations", null, ACTING),
        new Endpoint("GET", ORG, null, ACTING),
        new Endpoint("PUT", ORG, ORGANISATION, COMPANY),
        new Endpoint("GET", ORG + "/consents", null, COMPANY),
        new Endpoint("PUT", ORG + "/consents/body-1", null, COMPANY),
        new Endpoint("DELETE", ORG + "/consents/body-1", null, COMPANY),
        new Endpoint("GET", ORG + "/acts", null, ACTING),
        new Endpoint("POST", ORG + "/diagnoses", SUBMISSION, ACTING),
        new Endpoint("GET", ORG + "/diagnoses", null, ACTING),
        new Endpoint("GET", G + "/diagnoses/" + NO_ID, null, ACTING),
        new Endpoint("GET", G + "/diagnoses/" + NO_ID + "/gaps", null, ACTING),
        new Endpoint("GET", G + "/diagnoses/" + NO_ID + "/comparison", null, ACTING),
        new Endpoint("POST", ORG + "/action-plans", PLAN, ACTING),
        new Endpoint("GET", ORG + "/action-plans", null, ACTING),
        new Endpoint("GET", ORG + "/action-plans/overdue", null, ACTING),
        new Endpoint("GET", ORG + "/history", null, ACTING),
        new Endpoint("GET", G + "/action-plans/" + NO_ID, null, ACTING),
        new Endpoint(
            "POST", G + "/action-plans/" + NO_ID + "/actions/" + NO_ID + "/done", Map.of(), ACTING),
        new Endpoint("POST", G + "/rediagnosis-reminders/run", null, ADMIN),
        new Endpoint("POST", G + "/instruments/sme-self-check/versions", INSTRUMENT, ADMIN),
        new Endpoint("PUT", G + "/instruments/sme-self-check/versions/2099-9", INSTRUMENT, ADMIN),
        new Endpoint(
            "POST", G + "/instruments/sme-self-check/versions/2099-9/publish", null, ADMIN));
  }

  // --- end of issue 14 ---

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
