package jp.riss.activelist.inquiry;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.riss.activelist.listing.Listings;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/**
 * Test helpers for inquiries and matching that drive the API as clients do: published listings to
 * match against, SME profiles, inquiries. (The listing package's own helper is package-private.)
 */
public final class Matching {

  public static final String API = "/api/v1/active-list";
  public static final String INQUIRIES = API + "/inquiries";
  private static final AtomicInteger NUMBERS = new AtomicInteger(700_000);

  private Matching() {}

  public static String bearer(String role, String subject) {
    return "Bearer " + Tokens.of(role, subject);
  }

  /** A published listing of {@code owner}, with the given self-declared fields replaced. */
  public static String publishedListing(String owner, Object... overrides) {
    Map<String, Object> declared = new LinkedHashMap<>();
    declared.put("displayName", "照合 " + owner);
    declared.put("affiliation", Map.of("kind", "INDEPENDENT"));
    declared.put("prefectures", List.of("13"));
    declared.put("onlineNationwide", false);
    declared.put("firstConsultationFree", false);
    declared.put("formats", List.of(Map.of("format", "on-site", "feePerSessionJpy", 30000)));
    declared.put("themes", List.of(1));
    declared.put("industries", List.of("E"));
    declared.put("contact", Map.of("email", owner + "@example.jp", "publiclyVisible", false));
    declared.put("availability", Map.of("status", "ACCEPTING"));
    declared.put("capacity", 3);
    for (int i = 0; i < overrides.length; i += 2) {
      declared.put((String) overrides[i], overrides[i + 1]);
    }
    String number = String.format("%06d", NUMBERS.incrementAndGet());
    // Only the holder IPA's registry binds to the number may list it.
    jp.riss.activelist.registry.RegistrationFacts.bind(number, owner);
    String id =
        given()
            .header("Authorization", bearer("specialist", owner))
            .contentType(ContentType.JSON)
            .body(Map.of("registrationNumber", number, "selfDeclared", declared))
            .post(API + "/listings")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Listings.ownedBy(id, owner);
    Listings.publish(id);
    return id;
  }

  /** An SME profile in Tokyo (manufacturing, 6–20 staff, theme 1), with fields replaced. */
  public static Map<String, Object> sme(Object... overrides) {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("companyName", "株式会社テスト製作所");
    profile.put("industry", "E");
    profile.put("prefecture", "13");
    profile.put("sizeBand", "6-20");
    profile.put("themes", List.of(1));
    profile.put("preferredFormat", "on-site");
    profile.put("acceptsOnline", false);
    for (int i = 0; i < overrides.length; i += 2) {
      profile.put((String) overrides[i], overrides[i + 1]);
    }
    return profile;
  }

  public static Map<String, Object> inquiry(
      String listingId, Map<String, Object> sme, boolean consent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("listingId", listingId);
    body.put("sme", sme);
    body.put("message", "取引先からセキュリティ規程の整備を求められています。");
    body.put(
        "contact",
        Map.of("name", "総務 花子", "email", "soumu@test-seisakusho.example", "phone", "03-0000-0000"));
    body.put("consentToShareContact", consent);
    return body;
  }

  public static ValidatableResponse send(String role, String subject, Map<String, Object> body) {
    return given()
        .filter(Contracts.validator())
        .header("Authorization", bearer(role, subject))
        .contentType(ContentType.JSON)
        .body(body)
        .post(INQUIRIES)
        .then();
  }

  /** Sends an inquiry from a company and returns its id. */
  public static String sent(String company, String listingId, boolean consent) {
    return send("company", company, inquiry(listingId, sme(), consent))
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String etag(String path, String role, String subject) {
    return given()
        .header("Authorization", bearer(role, subject))
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  /** Acts on an inquiry with the ETag just read. */
  public static ValidatableResponse act(
      String role, String subject, String inquiryId, String action, Object body) {
    String etag = etag(INQUIRIES + "/" + inquiryId, role, subject);
    var request =
        given()
            .filter(Contracts.validator())
            .header("Authorization", bearer(role, subject))
            .header("If-Match", etag);
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    return request.post(INQUIRIES + "/" + inquiryId + "/" + action).then();
  }

  public static int openInquiries(DataSource dataSource, String listingId) throws Exception {
    return intQuery(
        dataSource, "SELECT open_inquiries FROM listing WHERE id = CAST(? AS uuid)", listingId);
  }

  public static int intQuery(DataSource dataSource, String sql, String arg) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
