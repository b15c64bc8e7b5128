package jp.riss.community.event;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static jp.riss.community.event.EventApi.EVENTS;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.platform.testing.Contracts;
import org.junit.jupiter.api.Test;

/** Youth lectures: two qualified adult lecturers before opening; pupils as headcounts only. */
@QuarkusTest
class YouthLectureTest {

  private static void acceptCode(Person p) {
    String version =
        member(p).get(BASE + "/code-of-conduct").then().statusCode(200).extract().path("version");
    member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("version", version))
        .post(BASE + "/code-of-conduct/acceptance")
        .then()
        .statusCode(200)
        .body("acceptedByMe", equalTo(true));
  }

  private static void addLecturer(String event, Person p, int status) {
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("memberId", p.memberId()))
        .post(EVENTS + "/" + event + "/lecturers")
        .then()
        .statusCode(status);
  }

  @Test
  void aLectureOpensOnlyWithTwoQualifiedAdultsAndTakesPupilsAsHeadcounts() {
    Map<String, Object> body = EventApi.event("youth-lecture", "in-person", 30, 0);
    body.put("audience", Map.of("minAgeBand", "child"));
    var created = EventApi.create(body);
    String id = created.path("id");
    Person first = CommunityApi.enrolled(27);
    Person notAccepted = CommunityApi.enrolled(26);
    Person minor = CommunityApi.minorWith(17, "membership");
    acceptCode(first);
    acceptCode(minor);
    addLecturer(id, first, 200);
    addLecturer(id, notAccepted, 409);
    addLecturer(id, minor, 409);
    office()
        .header("If-Match", created.header("ETag"))
        .post(EVENTS + "/" + id + "/opening")
        .then()
        .statusCode(409)
        .body("violations.field", containsInAnyOrder("lecturers"));
    acceptCode(notAccepted);
    addLecturer(id, notAccepted, 200);
    String etag = office().get(EVENTS + "/" + id).then().extract().header("ETag");
    office()
        .header("If-Match", etag)
        .post(EVENTS + "/" + id + "/opening")
        .then()
        .statusCode(200)
        .body("lecturers.size()", equalTo(2));
    // Members see who teaches; the public and other signed-in roles see the lecture, not who.
    member(CommunityApi.enrolled(31))
        .get(EVENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("lecturers.size()", equalTo(2));
    CommunityApi.checked()
        .get(EVENTS + "/" + id)
        .then()
        .statusCode(200)
        .body("lecturers.size()", equalTo(0));
    for (String role : new String[] {"sponsor", "government-body"}) {
      CommunityApi.as(role, CommunityApi.fresh(role))
          .get(EVENTS + "/" + id)
          .then()
          .statusCode(200)
          .body("lecturers.size()", equalTo(0));
    }
    // Members do not register for a youth lecture; schools and guardians do, without an account.
    EventApi.register(id, CommunityApi.enrolled(30), 409);
    Map<String, Object> school = new HashMap<>();
    school.put("organiserKind", "school");
    school.put("organiserName", "情報 太郎");
    school.put("organisation", "千代田区立 第一中学校");
    school.put("organiserEmail", "teacher@school.example.jp");
    school.put("headcount", 25);
    CommunityApi.checked()
        .contentType(ContentType.JSON)
        .body(school)
        .post(EVENTS + "/" + id + "/pupil-registrations")
        .then()
        .statusCode(201)
        .body("headcount", equalTo(25))
        .body("$", not(hasKey("organiserEmail")));
    Map<String, Object> guardian = new HashMap<>(school);
    guardian.put("organiserKind", "guardian");
    guardian.remove("organisation");
    guardian.put("headcount", 6);
    CommunityApi.checked()
        .contentType(ContentType.JSON)
        .body(guardian)
        .post(EVENTS + "/" + id + "/pupil-registrations")
        .then()
        .statusCode(409)
        .body("seatsLeft", equalTo(5));
    office()
        .get(EVENTS + "/" + id + "/pupil-registrations")
        .then()
        .statusCode(200)
        .body("items[0].organiserEmail", equalTo("teacher@school.example.jp"));
    String publicView =
        CommunityApi.checked()
            .get(EVENTS + "/" + id)
            .then()
            .body("seats.pupils", equalTo(25))
            .extract()
            .asString();
    org.junit.jupiter.api.Assertions.assertFalse(publicView.contains("teacher@"));
  }

  @Test
  void badPupilRegistrationsNameEveryField() {
    io.restassured.RestAssured.given()
        .filter(Contracts.responseValidator())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "organiserKind",
                "club",
                "organiserName",
                "x".repeat(101),
                "organiserEmail",
                "not-mail",
                "headcount",
                0))
        .post(EVENTS + "/00000000-0000-4000-8000-00000000dead/pupil-registrations")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder("organiserKind", "organiserName", "organiserEmail", "headcount"));
  }
}
