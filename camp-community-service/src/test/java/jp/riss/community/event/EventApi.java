package jp.riss.community.event;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.office;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;

/** Drives events the way the camp office and members do. */
final class EventApi {

  static final String EVENTS = BASE + "/events";
  static final String MINE = BASE + "/event-registrations";
  static final ZoneOffset JST = ZoneOffset.ofHours(9);

  private EventApi() {}

  /** An event a month ahead, registration open since yesterday, for any adult or minor member. */
  static Map<String, Object> event(String kind, String format, int capacity, int waitlist) {
    OffsetDateTime start =
        OffsetDateTime.now(JST).plusDays(30).truncatedTo(ChronoUnit.HOURS).withHour(13);
    Map<String, Object> e = new HashMap<>();
    e.put("kind", kind);
    e.put("title", "マルウェア解析の基礎と応用 " + CommunityApi.fresh("w"));
    e.put("description", "修了生アンケートで評価の高かった講義の再演");
    e.put("format", format);
    if (!"online".equals(format)) {
      e.put("prefecture", "13");
      e.put("venue", "文京グリーンコート");
    }
    e.put("startsAt", at(start));
    e.put("endsAt", at(start.plusHours(3)));
    e.put("capacity", capacity);
    e.put("waitlistLength", waitlist);
    e.put("registrationOpensAt", at(OffsetDateTime.now(JST).minusDays(1)));
    e.put("registrationClosesAt", at(start.minusDays(1)));
    e.put("audience", Map.of("programmes", List.of(), "minAgeBand", "junior"));
    e.put("safeguardingLead", "事務局 安全 花子");
    return e;
  }

  static String at(OffsetDateTime t) {
    return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static ExtractableResponse<Response> create(Map<String, Object> body) {
    return office()
        .contentType(ContentType.JSON)
        .body(body)
        .post(EVENTS)
        .then()
        .statusCode(201)
        .extract();
  }

  /** Creates and opens; returns the event id. */
  static String open(Map<String, Object> body) {
    var created = create(body);
    String id = created.path("id");
    office()
        .header("If-Match", created.header("ETag"))
        .post(EVENTS + "/" + id + "/opening")
        .then()
        .statusCode(200);
    return id;
  }

  static ExtractableResponse<Response> register(String event, Person p, int status) {
    return CommunityApi.member(p)
        .contentType(ContentType.JSON)
        .body(Map.of())
        .post(EVENTS + "/" + event + "/registrations")
        .then()
        .statusCode(status)
        .extract();
  }
}
