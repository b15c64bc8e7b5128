package jp.riss.community;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.EndpointMatrix;
import jp.riss.platform.testing.EndpointMatrix.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected endpoint met with no token (401), every bad kind of token (401) and every role
 * that is not allowed (403), as problem+json; then the object-level checks with a token of the
 * right role for the wrong object.
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
          "ipa-admin",
          "connect-reviewer",
          "sponsor",
          "government-body");

  private static final String B = CommunityApi.BASE;
  private static final String NO_ID = "00000000-0000-4000-8000-00000000dead";
  private static final Set<String> ALUMNI = Set.of("alumni");
  private static final Set<String> OFFICE = Set.of("camp-office");
  private static final Set<String> BOTH = Set.of("alumni", "camp-office");

  private static final Map<String, Object> EDITION =
      Map.of(
          "programme", "national",
          "fiscalYear", 2025,
          "stage", "single",
          "startsOn", "2025-08-12",
          "endsOn", "2025-08-16",
          "format", "in-person",
          "capacity", 90,
          "eligibilityReferenceDate", "2026-03-31");

  static Stream<Endpoint> endpoints() {
    return Stream.of(
        new Endpoint(
            "PUT",
            B + "/programmes/national/community-eligibility",
            Map.of("communityEligible", true),
            OFFICE),
        new Endpoint("POST", B + "/editions", EDITION, OFFICE),
        new Endpoint("PUT", B + "/editions/" + NO_ID, EDITION, OFFICE),
        new Endpoint(
            "POST",
            B + "/completion-imports",
            Map.of("rows", List.of(Map.of("rowKey", "k"))),
            OFFICE),
        new Endpoint("GET", B + "/alumni/me", null, ALUMNI),
        new Endpoint(
            "PUT",
            B + "/alumni/me",
            Map.of("displayName", "a", "prefecture", "13", "affiliationKind", "other"),
            ALUMNI),
        new Endpoint("DELETE", B + "/alumni/me", null, ALUMNI),
        new Endpoint("POST", B + "/alumni/me/enrolment", Map.of("code", "ABCD-EFGH-JKMN"), ALUMNI),
        new Endpoint("PUT", B + "/alumni/me/settings", Map.of("scopes", List.of("groups")), ALUMNI),
        new Endpoint("POST", B + "/alumni/me/guardian-links", null, ALUMNI),
        new Endpoint(
            "POST",
            B + "/alumni/me/guardian-email-change",
            Map.of("email", "g@example.jp"),
            ALUMNI),
        new Endpoint("GET", B + "/alumni/me/export", null, ALUMNI),
        new Endpoint("GET", B + "/alumni/me/moderation-actions", null, ALUMNI),
        new Endpoint("GET", B + "/members?personRef=x", null, OFFICE),
        new Endpoint("GET", B + "/members/" + NO_ID, null, OFFICE),
        new Endpoint("POST", B + "/members/" + NO_ID + "/guardian-links", null, OFFICE),
        new Endpoint("GET", B + "/guardian-email-changes", null, OFFICE),
        new Endpoint(
            "POST",
            B + "/guardian-email-changes/" + NO_ID + "/decision",
            Map.of("confirm", true),
            OFFICE),
        new Endpoint("GET", B + "/groups", null, BOTH),
        new Endpoint(
            "POST",
            B + "/groups",
            Map.of("name", "n", "purpose", "topic", "visibility", "open", "minAgeBand", "adult"),
            OFFICE),
        new Endpoint("GET", B + "/groups/" + NO_ID, null, BOTH),
        new Endpoint("POST", B + "/groups/" + NO_ID + "/membership", null, ALUMNI),
        new Endpoint(
            "POST", B + "/groups/" + NO_ID + "/members", Map.of("memberId", NO_ID), OFFICE),
        new Endpoint(
            "POST",
            B + "/groups/" + NO_ID + "/moderators",
            Map.of("subject", "s", "displayName", "d"),
            OFFICE),
        new Endpoint("GET", B + "/groups/" + NO_ID + "/posts", null, BOTH),
        new Endpoint("POST", B + "/groups/" + NO_ID + "/posts", Map.of("body", "b"), ALUMNI),
        new Endpoint("GET", B + "/groups/" + NO_ID + "/posts/" + NO_ID, null, BOTH),
        new Endpoint(
            "PUT", B + "/groups/" + NO_ID + "/posts/" + NO_ID, Map.of("body", "b"), ALUMNI),
        new Endpoint("GET", B + "/direct-messages", null, ALUMNI),
        new Endpoint(
            "POST", B + "/direct-messages", Map.of("recipientId", NO_ID, "body", "b"), ALUMNI),
        new Endpoint(
            "POST",
            B + "/moderation-reports",
            Map.of("targetKind", "post", "targetId", NO_ID, "reason", "r"),
            ALUMNI),
        new Endpoint("GET", B + "/moderation-cases", null, OFFICE),
        new Endpoint("GET", B + "/moderation-cases/" + NO_ID, null, OFFICE),
        new Endpoint(
            "POST",
            B + "/moderation-cases/" + NO_ID + "/actions",
            Map.of("action", "warn", "reason", "r"),
            OFFICE),
        new Endpoint(
            "POST",
            B + "/moderation-actions/" + NO_ID + "/appeal",
            Map.of("statement", "s"),
            ALUMNI),
        new Endpoint(
            "POST",
            B + "/moderation-actions/" + NO_ID + "/appeal/decision",
            Map.of("outcome", "upheld", "reason", "r"),
            OFFICE),
        new Endpoint(
            "GET", B + "/dev/mailbox?to=a@example.jp", null, Set.of("camp-office", "ipa-admin")),
        // ---- events and registrations (issue 12 §1) ----
        new Endpoint("POST", B + "/events", Map.of("kind", "workshop"), OFFICE),
        new Endpoint("PUT", B + "/events/" + NO_ID, Map.of("kind", "workshop"), OFFICE),
        new Endpoint("POST", B + "/events/" + NO_ID + "/opening", null, OFFICE),
        new Endpoint("POST", B + "/events/" + NO_ID + "/registrations", Map.of(), ALUMNI),
        new Endpoint("GET", B + "/events/" + NO_ID + "/registrations", null, OFFICE),
        new Endpoint("GET", B + "/event-registrations", null, ALUMNI),
        new Endpoint("DELETE", B + "/event-registrations/" + NO_ID, null, ALUMNI),
        new Endpoint("POST", B + "/event-registrations/" + NO_ID + "/acceptance", null, ALUMNI),
        new Endpoint("POST", B + "/calendar-feed", null, ALUMNI),
        new Endpoint("DELETE", B + "/calendar-feed", null, ALUMNI),
        new Endpoint("GET", B + "/code-of-conduct", null, ALUMNI),
        new Endpoint(
            "POST", B + "/code-of-conduct/acceptance", Map.of("version", "2025-1"), ALUMNI),
        new Endpoint(
            "POST", B + "/events/" + NO_ID + "/lecturers", Map.of("memberId", NO_ID), OFFICE),
        new Endpoint("GET", B + "/events/" + NO_ID + "/pupil-registrations", null, OFFICE),
        // ---- end of events and registrations ----
        // ---- surveys (issue 12 §3) ----
        new Endpoint("GET", B + "/surveys", null, BOTH),
        new Endpoint("POST", B + "/surveys", Map.of("title", "t"), OFFICE),
        new Endpoint("GET", B + "/surveys/" + NO_ID, null, BOTH),
        new Endpoint("PUT", B + "/surveys/" + NO_ID, Map.of("title", "t"), OFFICE),
        new Endpoint(
            "POST", B + "/surveys/" + NO_ID + "/responses", Map.of("answers", List.of()), ALUMNI),
        new Endpoint("GET", B + "/surveys/" + NO_ID + "/results", null, OFFICE),
        // ---- end of surveys ----
        // --- part 2: achievements, certificates, Active List link ---
        new Endpoint("GET", B + "/achievements", null, BOTH),
        new Endpoint(
            "POST",
            B + "/achievements",
            Map.of("kind", "participation-report", "audience", "public", "title", "t", "body", "b"),
            ALUMNI),
        new Endpoint("GET", B + "/achievements/" + NO_ID, null, BOTH),
        new Endpoint(
            "PUT",
            B + "/achievements/" + NO_ID,
            Map.of("kind", "participation-report", "audience", "public", "title", "t", "body", "b"),
            ALUMNI),
        new Endpoint("POST", B + "/achievements/" + NO_ID + "/submission", null, ALUMNI),
        new Endpoint(
            "PUT",
            B + "/achievements/" + NO_ID + "/consents/me",
            Map.of("decision", "withdraw"),
            ALUMNI),
        new Endpoint(
            "POST", B + "/achievements/" + NO_ID + "/review", Map.of("outcome", "accept"), OFFICE),
        new Endpoint("POST", B + "/achievements/" + NO_ID + "/publication", null, OFFICE),
        new Endpoint("POST", B + "/achievements/" + NO_ID + "/withdrawal", null, BOTH),
        new Endpoint(
            "POST",
            B + "/certificates",
            Map.of("programme", "national", "fiscalYear", 2024),
            ALUMNI),
        new Endpoint("GET", B + "/active-list-links", null, ALUMNI),
        new Endpoint(
            "POST",
            B + "/active-list-links",
            Map.of("registrationNumber", "123456", "programme", "national", "fiscalYear", 2024),
            ALUMNI),
        new Endpoint("POST", B + "/active-list-links/" + NO_ID + "/withdrawal", null, ALUMNI),
        // --- end of part 2 ---
        // --- outcomes: what alumni do after the camp (issue 12 §4a) ---
        new Endpoint("GET", B + "/alumni/me/outcome", null, ALUMNI),
        new Endpoint("PUT", B + "/alumni/me/outcome", Map.of("status", "studying"), ALUMNI),
        new Endpoint("DELETE", B + "/alumni/me/outcome", null, ALUMNI),
        new Endpoint(
            "POST",
            B + "/editions/" + NO_ID + "/applications",
            Map.of("rows", List.of(Map.of("applicantRef", "a-1", "participated", true))),
            OFFICE),
        new Endpoint("GET", B + "/outcome-figures", null, OFFICE),
        new Endpoint(
            "POST", B + "/events/" + NO_ID + "/cancellation", Map.of("reason", "r"), OFFICE),
        // --- end of outcomes ---
        // ---- Camp Connect (issue 12 §5) ----
        new Endpoint("POST", B + "/connect-calls", Map.of("title", "t"), OFFICE),
        new Endpoint(
            "POST", B + "/connect-calls/" + NO_ID + "/results", Map.of("summary", "s"), OFFICE),
        new Endpoint(
            "POST",
            B + "/connect-calls/" + NO_ID + "/reviewers",
            Map.of("subject", "s", "displayName", "d"),
            OFFICE),
        new Endpoint(
            "POST",
            B + "/connect-calls/" + NO_ID + "/sponsors",
            Map.of("subject", "s", "organisation", "o"),
            OFFICE),
        new Endpoint(
            "POST",
            B + "/connect-calls/" + NO_ID + "/applications",
            Map.of("themeId", NO_ID, "schoolKind", "kosen", "motivation", "m", "expertise", "e"),
            ALUMNI),
        new Endpoint(
            "GET",
            B + "/connect-calls/" + NO_ID + "/applications",
            null,
            Set.of("camp-office", "connect-reviewer")),
        new Endpoint(
            "GET",
            B + "/connect-calls/" + NO_ID + "/statistics",
            null,
            Set.of("camp-office", "sponsor")),
        new Endpoint("GET", B + "/connect-applications", null, ALUMNI),
        new Endpoint("GET", B + "/connect-applications/" + NO_ID, null, ALUMNI),
        new Endpoint("POST", B + "/connect-applications/" + NO_ID + "/withdrawal", null, ALUMNI),
        new Endpoint("POST", B + "/connect-applications/" + NO_ID + "/decline", null, ALUMNI),
        new Endpoint("POST", B + "/connect-applications/" + NO_ID + "/acceptance", null, ALUMNI),
        new Endpoint(
            "POST",
            B + "/connect-applications/" + NO_ID + "/conflict",
            Map.of("reason", "r"),
            Set.of("connect-reviewer")),
        new Endpoint(
            "PUT",
            B + "/connect-applications/" + NO_ID + "/reviews/me",
            Map.of("scores", List.of(Map.of("criterion", "bridging", "score", 1))),
            Set.of("connect-reviewer")),
        new Endpoint(
            "POST",
            B + "/connect-applications/" + NO_ID + "/decision",
            Map.of("outcome", "accepted", "rank", 1),
            OFFICE),
        // ---- end of Camp Connect ----
        // ---- opportunities, government calls, feed (issue 12 §2) ----
        new Endpoint("GET", B + "/opportunities", null, BOTH),
        new Endpoint("POST", B + "/opportunities", Map.of("kind", "camp-forum"), OFFICE),
        new Endpoint("GET", B + "/opportunities/" + NO_ID, null, BOTH),
        new Endpoint("PUT", B + "/opportunities/" + NO_ID, Map.of("kind", "camp-forum"), OFFICE),
        new Endpoint("POST", B + "/opportunities/" + NO_ID + "/cancellation", null, OFFICE),
        new Endpoint("POST", B + "/opportunities/" + NO_ID + "/interests", Map.of(), ALUMNI),
        new Endpoint("GET", B + "/opportunities/" + NO_ID + "/interests", null, OFFICE),
        new Endpoint("DELETE", B + "/opportunities/" + NO_ID + "/interests/me", null, ALUMNI),
        new Endpoint(
            "POST",
            B + "/opportunities/" + NO_ID + "/selections",
            Map.of("interestId", NO_ID),
            OFFICE),
        new Endpoint(
            "GET",
            B + "/government-calls",
            null,
            Set.of("alumni", "camp-office", "government-body")),
        new Endpoint(
            "POST",
            B + "/government-calls",
            Map.of("kind", "opinion"),
            Set.of("camp-office", "government-body")),
        new Endpoint(
            "GET",
            B + "/government-calls/" + NO_ID,
            null,
            Set.of("alumni", "camp-office", "government-body")),
        new Endpoint(
            "POST",
            B + "/government-calls/" + NO_ID + "/responses",
            Map.of("body", "b", "contactConsent", false),
            ALUMNI),
        new Endpoint(
            "GET",
            B + "/government-calls/" + NO_ID + "/responses",
            null,
            Set.of("camp-office", "government-body")),
        new Endpoint(
            "GET",
            B + "/government-calls/" + NO_ID + "/contacts",
            null,
            Set.of("camp-office", "government-body")),
        new Endpoint("GET", B + "/alumni/me/feed", null, ALUMNI)
        // ---- end of opportunities, government calls, feed ----
        );
  }

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

  /**
   * Right role, wrong object: another group's posts, another member's action, another moderator's
   * case.
   */
  @Test
  void wrongObjectTokens() {
    String g = CommunityApi.group("topic", "invitation", "adult");
    Person inside = CommunityApi.enrolled(30);
    Person outside = CommunityApi.enrolled(31);
    CommunityApi.addToGroup(g, inside);
    String postId = CommunityApi.post(g, inside, "はじめまして").getString("id");
    CommunityApi.member(outside).get(CommunityApi.GROUPS + "/" + g).then().statusCode(404);
    CommunityApi.member(outside)
        .get(CommunityApi.GROUPS + "/" + g + "/posts")
        .then()
        .statusCode(404);
    CommunityApi.member(outside)
        .get(CommunityApi.GROUPS + "/" + g + "/posts/" + postId)
        .then()
        .statusCode(404);
    CommunityApi.member(outside)
        .contentType(ContentType.JSON)
        .body(Map.of("body", "侵入"))
        .post(CommunityApi.GROUPS + "/" + g + "/posts")
        .then()
        .statusCode(404);
    CommunityApi.member(outside)
        .contentType(ContentType.JSON)
        .body(Map.of("targetKind", "post", "targetId", postId, "reason", "r"))
        .post(B + "/moderation-reports")
        .then()
        .statusCode(404);
    String caseId = CommunityApi.openCaseOf(postId);
    CommunityApi.as("camp-office", "not-a-moderator-here")
        .get(B + "/moderation-cases/" + caseId)
        .then()
        .statusCode(403);
    String actionId =
        CommunityApi.office()
            .contentType(ContentType.JSON)
            .body(Map.of("action", "restore", "reason", "ok"))
            .post(B + "/moderation-cases/" + caseId + "/actions")
            .then()
            .statusCode(200)
            .extract()
            .path("actions[0].id");
    CommunityApi.member(outside)
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "s"))
        .post(B + "/moderation-actions/" + actionId + "/appeal")
        .then()
        .statusCode(404);
  }
}
