package jp.riss.guide.organisation;

import static io.restassured.RestAssured.given;
import static jp.riss.guide.organisation.Orgs.PATH;
import static jp.riss.guide.organisation.Orgs.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Organisations belong to the company that created them; support bodies act only with consent. */
@QuarkusTest
class OrganisationTest {

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aCompanysOrganisationsArePagedOldestFirstByFollowingNext() {
    String company = "paging-" + UUID.randomUUID();
    List<String> created =
        List.of(Orgs.create(company, 0, 0), Orgs.create(company, 1, 0), Orgs.create(company, 0, 1));
    JsonPath first =
        as("company", company).get(PATH + "?limit=2").then().statusCode(200).extract().jsonPath();
    String next = first.getString("next");
    assertTrue(next != null && next.startsWith(PATH + "?"), "next: " + next);
    JsonPath second = as("company", company).get(next).then().statusCode(200).extract().jsonPath();
    assertEquals(null, second.getString("next"));
    List<String> seen = new java.util.ArrayList<>(first.getList("items.id", String.class));
    seen.addAll(second.getList("items.id", String.class));
    assertEquals(created, seen);
  }

  @Test
  void aCompanyCreatesReadsAndChangesItsOrganisationWithIfMatch() {
    String company = unique("co");
    String location =
        as("company", company)
            .contentType(ContentType.JSON)
            .body(Orgs.data(1, 0, true))
            .post(PATH)
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", startsWith(PATH + "/"))
            .body("actingAs", equalTo("company"))
            .body("securityStaff.concurrent", equalTo(1))
            .extract()
            .header("Location");
    as("company", company)
        .get(location)
        .then()
        .statusCode(200)
        .body("name", equalTo("株式会社テスト工業"))
        .body("prefecture", equalTo("13"));
    Map<String, Object> changed = Orgs.data(2, 1, false);
    Orgs.asRaw("company", company)
        .contentType(ContentType.JSON)
        .body(changed)
        .put(location)
        .then()
        .statusCode(428)
        .body("violations.field", hasItem("If-Match"));
    as("company", company)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\"")
        .body(changed)
        .put(location)
        .then()
        .statusCode(412);
    as("company", company)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(changed)
        .put(location)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("securityStaff.dedicated", equalTo(1))
        .body("statisticsConsent", equalTo(false));
    JsonPath list = as("company", company).get(PATH).then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(location.substring(PATH.length() + 1)), list.getList("items.id"));
  }

  @Test
  void anotherCompanyOrAStrangerSupportBodyFindsNothing() {
    String owner = unique("owner");
    String id = Orgs.create(owner, 1, 0);
    for (String[] who :
        List.of(
            new String[] {"company", unique("other")},
            new String[] {"support-body", unique("body")})) {
      as(who[0], who[1]).get(PATH + "/" + id).then().statusCode(404);
      as(who[0], who[1]).get(PATH + "/" + id + "/acts").then().statusCode(404);
      as(who[0], who[1]).get(PATH + "/" + id + "/diagnoses").then().statusCode(404);
      assertFalse(
          as(who[0], who[1])
              .get(PATH)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("items.id")
              .contains(id));
    }
    as("company", unique("other"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Orgs.data(1, 0, true))
        .put(PATH + "/" + id)
        .then()
        .statusCode(404);
    as("company", unique("other")).put(PATH + "/" + id + "/consents/body-x").then().statusCode(404);
    Orgs.asRaw("company", owner)
        .get(PATH + "/not-a-uuid")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("id"));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("name", "x".repeat(201));
    bad.put("prefecture", "48");
    bad.put("jsicDivision", "Z");
    bad.put("employeeBand", "lots");
    bad.put("securityStaff", Map.of("concurrent", -1, "dedicated", 1000));
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("company", unique("co")))
        .contentType(ContentType.JSON)
        .body(bad)
        .post(PATH)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "violations.field",
            containsInAnyOrder(
                "name",
                "prefecture",
                "jsicDivision",
                "employeeBand",
                "securityStaff.concurrent",
                "securityStaff.dedicated",
                "statisticsConsent"));
    Map<String, Object> blank = Orgs.data(0, 0, true);
    blank.put("name", "   ");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("company", unique("co")))
        .contentType(ContentType.JSON)
        .body(blank)
        .post(PATH)
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("name")));
    Map<String, Object> nul = Orgs.data(0, 0, true);
    nul.put("name", "a\u0000b");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("company", unique("co")))
        .contentType(ContentType.JSON)
        .body(nul)
        .post(PATH)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("name"));
    Map<String, Object> extra = Orgs.data(0, 0, true);
    extra.put("ownerSubject", "someone-else");
    given()
        .filter(Contracts.responseValidator())
        .header("Authorization", "Bearer " + Tokens.of("company", unique("co")))
        .contentType(ContentType.JSON)
        .body(extra)
        .post(PATH)
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("ownerSubject"));
    Orgs.asRaw("company", unique("co"))
        .get(PATH + "?sort=name")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("sort")));
    Orgs.asRaw("company", unique("co"))
        .get(PATH + "?limit=0")
        .then()
        .statusCode(400)
        .body("violations.field", equalTo(List.of("limit")));
    Orgs.asRaw("company", unique("co"))
        .get(PATH + "?cursor=bogus")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("cursor"));
  }

  @Test
  void aSupportBodyActsWhileConsentStandsAndEveryActSaysWhoActed() {
    String company = unique("co");
    String body = unique("body");
    String id = Orgs.create(company, 1, 0);
    as("support-body", body).get(PATH + "/" + id).then().statusCode(404);

    Orgs.grant(company, id, body);
    as("company", company).put(PATH + "/" + id + "/consents/" + body).then().statusCode(204);
    as("support-body", body)
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("actingAs", equalTo("support-body"));
    assertTrue(
        as("support-body", body)
            .get(PATH)
            .then()
            .extract()
            .jsonPath()
            .getList("items.id")
            .contains(id));
    // Consent is the owner's to give: the support body may not manage it or change the facts.
    as("support-body", body).get(PATH + "/" + id + "/consents").then().statusCode(403);
    as("support-body", body).delete(PATH + "/" + id + "/consents/" + body).then().statusCode(403);

    as("company", company).delete(PATH + "/" + id + "/consents/" + body).then().statusCode(204);
    as("support-body", body).get(PATH + "/" + id).then().statusCode(404);
    as("company", company).delete(PATH + "/" + id + "/consents/" + body).then().statusCode(404);
    as("company", company)
        .get(PATH + "/" + id + "/consents")
        .then()
        .statusCode(200)
        .body("items[0].supportBody", equalTo(body))
        .body("items[0].grantedBy", equalTo(company))
        .body("items[0].revokedBy", equalTo(company));

    JsonPath acts =
        as("company", company)
            .get(PATH + "/" + id + "/acts")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of("organisation-created", "consent-granted", "consent-revoked"),
        acts.getList("items.action"));
    assertEquals(List.of(company, company, company), acts.getList("items.actorSubject"));
    assertEquals(body, acts.getString("items[1].target"));
    Orgs.asRaw("company", company)
        .put(PATH + "/" + id + "/consents/" + "bad%20subject")
        .then()
        .statusCode(400)
        .body("violations.field", hasItem("supportBody"));
    as("company", company)
        .get(PATH + "/" + id + "/acts?limit=1")
        .then()
        .statusCode(200)
        .body("next", not(equalTo(null)));
  }
}
