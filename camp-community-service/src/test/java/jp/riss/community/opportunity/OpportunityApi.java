package jp.riss.community.opportunity;

import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;

/** Drives opportunities and targeting the way the camp office and members do. */
public final class OpportunityApi {

  public static final String OPPORTUNITIES = CommunityApi.BASE + "/opportunities";
  public static final String FEED = CommunityApi.ME + "/feed";

  private OpportunityApi() {}

  /** An instant {@code days} from now, as the contract writes it (Japan's offset). */
  public static String inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(9))
        .plusDays(days)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
  }

  public static Map<String, Object> targeting(String minAgeBand, List<String> prefectures) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("programmes", List.of("national"));
    t.put("completionYearFrom", 2020);
    t.put("prefectures", prefectures);
    t.put("minAgeBand", minAgeBand);
    return t;
  }

  public static Map<String, Object> opportunity(String kind, int slots, String format) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("provider", "IPA サイバー技術研究室");
    body.put("title", CommunityApi.fresh("OSS 開発への参画"));
    body.put("description", "攻撃情報の調査・分析と OSS 開発に参加する修了生を募集します。");
    body.put("format", format);
    body.put("slots", slots);
    body.put("deadline", inDays(2));
    body.put("targeting", targeting("adult", List.of()));
    body.put("minorSuitable", false);
    return body;
  }

  public static String create(Map<String, Object> body) {
    return office()
        .contentType(ContentType.JSON)
        .body(body)
        .post(OPPORTUNITIES)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static String interest(String opportunity, Person p, int status) {
    return member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("statement", "興味があります"))
        .post(OPPORTUNITIES + "/" + opportunity + "/interests")
        .then()
        .statusCode(status)
        .extract()
        .path("id");
  }

  /** The member says where they live (their profile's residence prefecture). */
  public static void livesIn(Person p, String prefecture) {
    String etag = member(p).get(CommunityApi.ME).then().statusCode(200).extract().header("ETag");
    member(p)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "displayName",
                "修了生 " + prefecture,
                "prefecture",
                prefecture,
                "affiliationKind",
                "employed"))
        .put(CommunityApi.ME)
        .then()
        .statusCode(200);
  }

  /** The ids the member's feed lists, every page. */
  public static List<String> feedIds(Person p) {
    List<String> ids = new java.util.ArrayList<>();
    String next = FEED + "?limit=50";
    while (next != null) {
      var page = member(p).get(next).then().statusCode(200).extract().jsonPath();
      ids.addAll(page.getList("items.id", String.class));
      next = page.getString("next");
    }
    return ids;
  }
}
