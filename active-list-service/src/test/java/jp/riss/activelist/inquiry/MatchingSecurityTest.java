package jp.riss.activelist.inquiry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Role × endpoint for inquiries and matching: anonymous and invalid tokens 401, every role outside
 * an endpoint's rule 403, every role inside it gets past security (whatever the domain answers).
 */
@QuarkusTest
class MatchingSecurityTest {

  static final String ID = "00000000-0000-0000-0000-0000000000aa";
  static final List<String> ROLES =
      List.of(
          "specialist",
          "support-body",
          "company",
          "certifier",
          "alumni",
          "camp-office",
          "ipa-reviewer",
          "ipa-admin");
  static final Set<String> IPA = Set.of("ipa-reviewer", "ipa-admin");

  record Endpoint(String method, String path, Set<String> allowed) {}

  static List<Endpoint> endpoints() {
    String inq = Matching.INQUIRIES;
    String ev = Matching.API + "/consultation-events";
    String en = Matching.API + "/engagements";
    Set<String> readers =
        Set.of("company", "support-body", "specialist", "ipa-reviewer", "ipa-admin");
    Set<String> eventReaders = Set.of("support-body", "specialist", "ipa-reviewer", "ipa-admin");
    return List.of(
        new Endpoint("POST", inq, Set.of("company", "support-body")),
        new Endpoint("GET", inq, readers),
        new Endpoint("POST", inq + "/expire", Set.of("ipa-admin")),
        new Endpoint("GET", inq + "/" + ID, readers),
        new Endpoint("POST", inq + "/" + ID + "/accept", Set.of("specialist")),
        new Endpoint("POST", inq + "/" + ID + "/decline", Set.of("specialist")),
        new Endpoint(
            "POST",
            inq + "/" + ID + "/close",
            Set.of("company", "support-body", "specialist", "ipa-admin")),
        new Endpoint(
            "POST",
            Matching.API + "/shortlists",
            Set.of("support-body", "company", "ipa-reviewer", "ipa-admin")),
        new Endpoint("POST", ev, Set.of("support-body")),
        new Endpoint("GET", ev, eventReaders),
        new Endpoint("GET", ev + "/" + ID, eventReaders),
        new Endpoint("POST", ev + "/" + ID + "/cancel", Set.of("support-body", "ipa-admin")),
        new Endpoint(
            "POST", ev + "/" + ID + "/invitations/" + ID + "/confirm", Set.of("specialist")),
        new Endpoint(
            "POST", ev + "/" + ID + "/invitations/" + ID + "/decline", Set.of("specialist")),
        new Endpoint("POST", ev + "/" + ID + "/registrations", Set.of("support-body")),
        new Endpoint("POST", ev + "/" + ID + "/slots", Set.of("support-body")),
        new Endpoint(
            "POST",
            ev + "/" + ID + "/slots/" + ID + "/outcome",
            Set.of("support-body", "specialist")),
        new Endpoint(
            "POST",
            ev + "/" + ID + "/slots/" + ID + "/cancel",
            Set.of("support-body", "specialist")),
        new Endpoint("POST", en, Set.of("support-body", "specialist")),
        new Endpoint("GET", en, eventReaders),
        new Endpoint("GET", en + "/" + ID, eventReaders),
        new Endpoint("PUT", en + "/" + ID + "/visits/1", Set.of("specialist")),
        new Endpoint("POST", en + "/" + ID + "/complete", Set.of("specialist", "support-body")),
        new Endpoint("POST", en + "/" + ID + "/cancel", Set.of("specialist", "support-body")));
  }

  static Stream<Arguments> everyRoleAtEveryEndpoint() {
    List<Arguments> cases = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      for (String role : ROLES) {
        cases.add(Arguments.of(e.method(), e.path(), role, e.allowed().contains(role)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} as {2}: allowed={3}")
  @MethodSource("everyRoleAtEveryEndpoint")
  void rolesOutsideTheRuleAre403AndInsideItGetPastSecurity(
      String method, String path, String role, boolean allowed) {
    var response =
        given()
            .header("Authorization", "Bearer " + Tokens.of(role, "matrix-" + role))
            .contentType(ContentType.JSON)
            .body("{}")
            .request(method, path)
            .then();
    if (allowed) {
      response.statusCode(not(oneOf(401, 403, 500)));
    } else {
      response
          .statusCode(403)
          .contentType("application/problem+json")
          .body("type", equalTo("https://riss.example/problems/forbidden"));
    }
  }

  static Stream<Arguments> endpointsAndBadTokens() {
    List<Arguments> tokens = Tokens.badTokens().toList();
    List<Arguments> cases = new ArrayList<>();
    List<Endpoint> all = endpoints();
    for (int i = 0; i < all.size(); i++) {
      Object[] token = tokens.get(i % tokens.size()).get();
      cases.add(Arguments.of(all.get(i).method(), all.get(i).path(), token[0], token[1]));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}: anonymous and {2} token are 401")
  @MethodSource("endpointsAndBadTokens")
  void anonymousAndInvalidTokensAre401(String method, String path, String kind, String token) {
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer " + token)
        .contentType(ContentType.JSON)
        .body("{}")
        .request(method, path)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer");
  }
}
