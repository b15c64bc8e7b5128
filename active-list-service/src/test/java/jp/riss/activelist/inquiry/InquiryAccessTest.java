package jp.riss.activelist.inquiry;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.inquiry.Matching.INQUIRIES;
import static jp.riss.activelist.inquiry.Matching.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Each party sees its own inquiries; anyone else gets a 404, so ids cannot be probed. */
@QuarkusTest
class InquiryAccessTest {

  @Test
  void othersGet404ForAnInquiryTheyAreNoPartyTo() {
    String listing = Matching.publishedListing("acc-spec-a");
    String id = Matching.sent("acc-sme-a", listing, true);
    String path = INQUIRIES + "/" + id;

    for (String[] outsider :
        new String[][] {
          {"company", "acc-sme-other"},
          {"support-body", "acc-chamber-other"},
          {"specialist", "acc-spec-other"},
          {"support-body", "acc-sme-a"} // the same subject in another role is another party
        }) {
      given()
          .filter(Contracts.validator())
          .header("Authorization", bearer(outsider[0], outsider[1]))
          .get(path)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    String etag = Matching.etag(path, "company", "acc-sme-a");
    given()
        .header("Authorization", bearer("specialist", "acc-spec-other"))
        .header("If-Match", etag)
        .post(path + "/accept")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", bearer("company", "acc-sme-other"))
        .header("If-Match", etag)
        .contentType("application/json")
        .body(Map.of("outcome", "CANCELLED"))
        .post(path + "/close")
        .then()
        .statusCode(404);
    // The sender sees the inquiry but only the listing's owner answers it.
    given()
        .header("Authorization", bearer("specialist", "acc-sme-a"))
        .header("If-Match", etag)
        .post(path + "/accept")
        .then()
        .statusCode(404);

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("ipa-reviewer", "ipa"))
        .get(path)
        .then()
        .statusCode(200)
        .body("smeContact", notNullValue());
  }

  @Test
  void listsHoldOnlyTheCallersOwnInquiriesPageByPage() {
    String listing = Matching.publishedListing("acc-spec-b", "capacity", 10);
    String mine1 = Matching.sent("acc-sme-b", listing, false);
    String mine2 = Matching.sent("acc-sme-b", listing, false);
    String mine3 = Matching.sent("acc-sme-b", listing, false);
    String theirs = Matching.sent("acc-sme-c", listing, false);

    String next =
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer("company", "acc-sme-b"))
            .queryParam("limit", 2)
            .get(INQUIRIES)
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("items[0].id", equalTo(mine3))
            .body("items[1].id", equalTo(mine2))
            .body("next", notNullValue())
            .extract()
            .path("next");
    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("company", "acc-sme-b"))
        .get(next)
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(mine1))
        .body("next", nullValue());

    given()
        .filter(Contracts.validator())
        .header("Authorization", bearer("specialist", "acc-spec-b"))
        .queryParam("status", "SENT")
        .get(INQUIRIES)
        .then()
        .statusCode(200)
        .body("items", hasSize(4))
        .body("items.listingId", everyItem(equalTo(listing)))
        .body("items.smeContact", everyItem(nullValue()));
    given()
        .header("Authorization", bearer("specialist", "acc-spec-nobody"))
        .get(INQUIRIES)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .header("Authorization", bearer("company", "acc-sme-c"))
        .get(INQUIRIES)
        .then()
        .body("items.id", hasItem(theirs))
        .body("items.id", not(hasItem(mine1)));
    given()
        .header("Authorization", bearer("ipa-admin", "ipa"))
        .queryParam("limit", 100)
        .get(INQUIRIES)
        .then()
        .statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
  }
}
