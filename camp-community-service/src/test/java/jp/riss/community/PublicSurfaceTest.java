package jp.riss.community;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/**
 * Puts a minor in every kind of data this service holds — completion record, profile, consents,
 * group membership, posts (visible and held), a report and a moderation case, a guardian address
 * change — then reads every public endpoint and finds nothing of them: no name, address, date of
 * birth, residence or text.
 */
@QuarkusTest
class PublicSurfaceTest {

  @Test
  void noPublicEndpointShowsAnythingOfAMinor() {
    Person minor =
        CommunityApi.minorWith(15, "membership", "groups", "profile-in-community", "events-online");
    String name = "公開テスト" + minor.personRef().substring(minor.personRef().length() - 6);
    String etag = CommunityApi.member(minor).get(CommunityApi.ME).then().extract().header("ETag");
    CommunityApi.member(minor)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName",
                name,
                "prefecture",
                "47",
                "affiliationKind",
                "student",
                "interests",
                List.of("秘密の関心" + name)))
        .put(CommunityApi.ME)
        .then()
        .statusCode(200);
    String g = CommunityApi.group("programme-cohort", "invitation", "junior");
    Person adult = CommunityApi.enrolled(40);
    CommunityApi.addToGroup(g, minor);
    CommunityApi.addToGroup(g, adult);
    String text = "未成年の投稿 " + name;
    String postId = CommunityApi.post(g, minor, text).getString("id");
    CommunityApi.post(g, minor, "電話 090-1111-2222 " + name);
    CommunityApi.member(adult)
        .contentType(ContentType.JSON)
        .body(Map.of("targetKind", "post", "targetId", postId, "reason", "通報 " + name))
        .post(CommunityApi.BASE + "/moderation-reports")
        .then()
        .statusCode(201);
    CommunityApi.member(minor)
        .contentType(ContentType.JSON)
        .body(Map.of("email", "other-" + minor.guardianEmail()))
        .post(CommunityApi.ME + "/guardian-email-change")
        .then()
        .statusCode(202);
    String memberDob =
        CommunityApi.office()
            .get(CommunityApi.BASE + "/members/" + minor.memberId())
            .then()
            .extract()
            .path("dateOfBirth");

    // ---- events (issue 12 §1): the minor registers for an open event ----
    Map<String, Object> event = jp.riss.community.event.EventTestData.workshop();
    String eventId =
        CommunityApi.office()
            .contentType(ContentType.JSON)
            .body(event)
            .post(CommunityApi.BASE + "/events")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String eventTag =
        CommunityApi.office()
            .get(CommunityApi.BASE + "/events/" + eventId)
            .then()
            .extract()
            .header("ETag");
    CommunityApi.office()
        .header("If-Match", eventTag)
        .post(CommunityApi.BASE + "/events/" + eventId + "/opening")
        .then()
        .statusCode(200);
    CommunityApi.member(minor)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(CommunityApi.BASE + "/events/" + eventId + "/registrations")
        .then()
        .statusCode(201);
    // ---- end of events ----

    List<String> secrets =
        List.of(
            name,
            minor.personRef(),
            minor.email(),
            minor.guardianEmail(),
            memberDob,
            minor.memberId(),
            text,
            "090-1111-2222");
    List<String> publicPaths =
        new ArrayList<>(
            List.of(
                CommunityApi.BASE + "/programmes",
                CommunityApi.BASE + "/programmes/national",
                CommunityApi.BASE + "/programmes/junior",
                CommunityApi.BASE + "/editions",
                CommunityApi.BASE + "/editions?programme=junior",
                CommunityApi.BASE + "/events/" + eventId,
                CommunityApi.BASE + "/events/" + eventId + "/calendar",
                // part 2: the showcase, its feed and the achievement reference data
                CommunityApi.BASE + "/showcase?limit=100",
                CommunityApi.BASE + "/showcase/changes?limit=500",
                CommunityApi.BASE + "/achievement-reference",
                // outcomes: the figures for anyone outside the camp office, and the codes
                CommunityApi.BASE + "/outcome-figures/public",
                CommunityApi.BASE + "/outcome-reference"));
    List<String> editions =
        given()
            .get(CommunityApi.BASE + "/editions")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    editions.stream()
        .limit(5)
        .forEach(id -> publicPaths.add(CommunityApi.BASE + "/editions/" + id));
    for (String path : publicPaths) {
      String body =
          given()
              .filter(Contracts.validator())
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .asString();
      for (String secret : secrets) {
        assertFalse(body.contains(secret), path + " shows " + secret);
      }
      assertFalse(
          body.matches("(?s).*[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}.*"),
          path + " shows an address");
    }
    // The guardian endpoints need the guardian's own link: without it nothing is shown.
    given()
        .filter(Contracts.responseValidator())
        .get(CommunityApi.BASE + "/guardian/consent-request")
        .then()
        .statusCode(400);
  }
}
