package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.inquiry.Matching;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A specialist's e-mail and phone reach only who they chose: everyone when they made them public,
 * otherwise the owner, IPA and the companies and support bodies they already work with. Holding a
 * company or support-body token is not enough, so no token can collect the contacts of the list.
 */
@QuarkusTest
class ContactDisclosureTest {

  @Test
  void aRoleAloneDoesNotSeeAContactTheSpecialistKeptPrivate() {
    String owner = "contact-owner-" + tag();
    String id = Matching.publishedListing(owner);
    String email = owner + "@example.jp";

    read(id, null).body("selfDeclared.contact", nullValue());
    read(id, token("company", "harvester-" + tag())).body("selfDeclared.contact", nullValue());
    read(id, token("support-body", "harvester-" + tag())).body("selfDeclared.contact", nullValue());
    read(id, token("specialist", "other-" + tag())).body("selfDeclared.contact", nullValue());

    read(id, token("specialist", owner)).body("selfDeclared.contact.email", equalTo(email));
    read(id, token("ipa-reviewer", "r")).body("selfDeclared.contact.email", equalTo(email));
    read(id, token("ipa-admin", "a")).body("selfDeclared.contact.email", equalTo(email));
  }

  @Test
  void aCompanyWhoseInquiryWasAcceptedSeesIt() {
    String owner = "contact-owner-" + tag();
    String id = Matching.publishedListing(owner);
    String company = "contact-co-" + tag();
    String declined = "contact-declined-" + tag();
    String inquiry = Matching.sent(company, id, false);
    String refused = Matching.sent(declined, id, false);

    // Sending an inquiry is not working together yet.
    read(id, token("company", company)).body("selfDeclared.contact", nullValue());

    Matching.act("specialist", owner, inquiry, "accept", null).statusCode(200);
    Matching.act("specialist", owner, refused, "decline", Map.of("reason", "fully-booked"))
        .statusCode(200);

    read(id, token("company", company))
        .body("selfDeclared.contact.email", equalTo(owner + "@example.jp"));
    read(id, token("company", declined)).body("selfDeclared.contact", nullValue());
    // The same subject under another role is another party.
    read(id, token("support-body", company)).body("selfDeclared.contact", nullValue());
  }

  @Test
  void theSupportBodyOfAGuidanceEngagementSeesIt() {
    String owner = "contact-owner-" + tag();
    String id = Matching.publishedListing(owner);
    String chamber = "contact-chamber-" + tag();
    read(id, token("support-body", chamber)).body("selfDeclared.contact", nullValue());

    Map<String, Object> engagement = new LinkedHashMap<>();
    engagement.put("listingId", id);
    engagement.put("organisationName", "株式会社連絡先");
    engagement.put("themeNumber", 1);
    engagement.put("startedOn", "2026-10-01");
    given()
        .filter(Contracts.validator())
        .header("Authorization", token("support-body", chamber))
        .contentType(ContentType.JSON)
        .body(engagement)
        .post(Matching.API + "/engagements")
        .then()
        .statusCode(201);

    read(id, token("support-body", chamber))
        .body("selfDeclared.contact.email", equalTo(owner + "@example.jp"));
  }

  @Test
  void aContactMadePublicIsShownToEveryone() {
    String owner = "contact-public-" + tag();
    String id =
        Matching.publishedListing(
            owner,
            "contact",
            Map.of(
                "email", owner + "@example.jp", "phone", "03-1111-2222", "publiclyVisible", true));

    read(id, null).body("selfDeclared.contact.phone", equalTo("03-1111-2222"));
    read(id, token("company", "anyone-" + tag()))
        .body("selfDeclared.contact.email", equalTo(owner + "@example.jp"));
  }

  private static ValidatableResponse read(String id, String authorization) {
    var request = given().filter(Contracts.validator());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.get(Listings.PATH + "/" + id).then().statusCode(200);
  }

  private static String token(String role, String subject) {
    return "Bearer " + Tokens.of(role, subject);
  }

  private static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
