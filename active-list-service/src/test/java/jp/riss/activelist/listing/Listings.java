package jp.riss.activelist.listing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import jp.riss.activelist.registry.RegistrationFacts;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;

/** Test helpers that drive the listing API the way a client does. */
public final class Listings {

  public static final String PATH = "/api/v1/active-list/listings";

  /** Who created each draft, so the owner's steps of publishing can be taken for them. */
  private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

  private Listings() {}

  public static String uniqueRegistrationNumber() {
    // Drawn at random from a million, a suite's ~1,400 numbers collide somewhere more often than
    // not (the birthday bound); a repeat then fails a test with 409 listing-exists. So a number
    // is never handed out twice in one test JVM (the database is cleaned at each start).
    while (true) {
      String number = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      if (ISSUED.add(number)) {
        return number;
      }
    }
  }

  private static final java.util.Set<String> ISSUED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A complete declaration that meets every listing criterion; tests change what they test. */
  public static Map<String, Object> selfDeclared() {
    Map<String, Object> declared = new LinkedHashMap<>();
    declared.put("displayName", "情報 太郎");
    declared.put("displayNameKana", "じょうほう たろう");
    declared.put("affiliation", Map.of("kind", "INDEPENDENT"));
    declared.put("prefectures", List.of("13", "14"));
    declared.put("onlineNationwide", false);
    declared.put("engagementLengths", List.of("spot", "1-3-months"));
    declared.put("firstConsultationFree", true);
    declared.put(
        "formats",
        List.of(
            Map.of("format", "on-site", "feePerSessionJpy", 30000),
            Map.of("format", "online", "feePerSessionJpy", 20000)));
    declared.put("themes", List.of(1, 4));
    declared.put("syllabusItems", List.of("1-4", "4-1"));
    declared.put("industries", List.of("E"));
    declared.put("qualifications", List.of("it-coordinator"));
    declared.put("otherQualifications", List.of("ISMS審査員補"));
    declared.put("selfIntroduction", "中小製造業の情報セキュリティ規程の整備を支援しています。");
    declared.put(
        "trackRecords",
        List.of(Map.of("title", "製造業A社の規程整備", "year", 2024, "theme", 1, "industry", "E")));
    declared.put(
        "contact",
        Map.of("email", "taro@example.jp", "phone", "03-1234-5678", "publiclyVisible", false));
    declared.put("availability", Map.of("status", "ACCEPTING"));
    declared.put("capacity", 3);
    return declared;
  }

  public static Map<String, Object> body(String registrationNumber) {
    return Map.of("registrationNumber", registrationNumber, "selfDeclared", selfDeclared());
  }

  /** The declaration with some fields replaced. */
  public static Map<String, Object> selfDeclared(Object... keysAndValues) {
    Map<String, Object> declared = selfDeclared();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      declared.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return declared;
  }

  /**
   * IPA's registry (through its owner, the deemed-attendance service) binds the number to the owner
   * in good standing, then the owner creates the draft.
   */
  public static String createDraft(String owner, String registrationNumber) {
    RegistrationFacts.bind(registrationNumber, owner);
    String id =
        given()
            .filter(Contracts.validator())
            .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
            .contentType(ContentType.JSON)
            .body(body(registrationNumber))
            .post(PATH)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    OWNERS.put(id, owner);
    return id;
  }

  /** Records who owns a draft created some other way, so {@link #publish} can act for them. */
  public static void ownedBy(String id, String owner) {
    OWNERS.put(id, owner);
  }

  /** The subject that created the draft with {@link #createDraft}. */
  public static String owner(String id) {
    String owner = OWNERS.get(id);
    if (owner == null) {
      throw new IllegalStateException("listing " + id + " was not created with createDraft");
    }
    return owner;
  }

  /** Submit, then a reviewer approves: a draft from {@link #createDraft} ends PUBLISHED. */
  public static void publish(String id) {
    submit(id);
    approve(id);
  }

  /**
   * Meets the criterion a declaration alone cannot (the current ethics pledge accepted; the
   * registry facts came with {@link #createDraft}), then the owner submits: PENDING_REVIEW.
   */
  public static void submit(String id) {
    String owner = owner(id);
    acceptEthicsPledge(id);
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner))
        .post(PATH + "/" + id + "/submit")
        .then()
        .statusCode(200);
  }

  public static void approve(String id) {
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("ipa-reviewer", "reviewer-1"))
        .post(PATH + "/" + id + "/approve")
        .then()
        .statusCode(200);
  }

  /** The owner accepts the ethics pledge version now current. */
  public static void acceptEthicsPledge(String id) {
    String version =
        given().get("/api/v1/active-list/ethics-pledge").then().extract().path("version");
    given()
        .filter(Contracts.validator())
        .header("Authorization", "Bearer " + Tokens.of("specialist", owner(id)))
        .contentType(ContentType.JSON)
        .body(Map.of("version", version))
        .post(PATH + "/" + id + "/ethics-pledge")
        .then()
        .statusCode(200);
  }

  /**
   * As if the listing's "not accepting until" date had passed since it was last touched: the date
   * moves one day back, and nothing in the service hears of it (as nothing does when a day ends).
   */
  public static void dayPassed(DataSource dataSource, String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE listing SET unavailable_until = unavailable_until - 1 WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(id));
      ps.executeUpdate();
    }
  }
}
