package jp.riss.community.outcome;

import static jp.riss.community.CommunityApi.BASE;
import static jp.riss.community.CommunityApi.ME;
import static jp.riss.community.CommunityApi.member;
import static jp.riss.community.CommunityApi.office;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import jp.riss.community.CommunityApi;
import jp.riss.community.CommunityApi.Person;
import jp.riss.community.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What alumni do after the camp: statuses given with consent, counted per programme and completion
 * year for the camp office, small cells hidden in what leaves it, and the yearly prompt.
 */
@QuarkusTest
class AlumniOutcomeTest {

  static final String OUTCOME = ME + "/outcome";
  static final String FIGURES = BASE + "/outcome-figures";

  @Inject MovableClock clock;
  @Inject OutcomePrompts prompts;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static JsonPath figures(boolean publicView) {
    var request = publicView ? CommunityApi.checked() : office();
    return request
        .get(publicView ? FIGURES + "/public" : FIGURES)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /**
   * A past completion year of the programme that no record of this run uses yet (completions are
   * refused for fiscal years still to come).
   */
  static int freshYear(String programme) {
    JsonPath f = figures(false);
    Set<Integer> used = new HashSet<>();
    used.addAll(
        f.getList("programmes.find { it.programme == '" + programme + "' }.years.fiscalYear"));
    used.addAll(
        f.getList(
            "programmes.find { it.programme == '" + programme + "' }.outcomes.completionYear"));
    used.addAll(
        CommunityApi.checked()
            .queryParam("programme", programme)
            .get(BASE + "/editions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.fiscalYear", Integer.class));
    while (true) {
      int year = ThreadLocalRandom.current().nextInt(2000, 2015);
      if (!used.contains(year)) {
        return year;
      }
    }
  }

  static Person alumnus(String programme, int year) {
    return CommunityApi.enrol(
        CommunityApi.recorded(CommunityApi.today().minusYears(30), programme, year));
  }

  static void report(Person p, String status, String sector) {
    member(p)
        .contentType(ContentType.JSON)
        .body(Map.of("status", status, "sector", sector, "prefecture", "13"))
        .put(OUTCOME)
        .then()
        .statusCode(200)
        .body("status", equalTo(status))
        .body("sector", equalTo(sector));
  }

  static String cohort(String programme, int year) {
    return "programmes.find { it.programme == '"
        + programme
        + "' }.outcomes.find { it.completionYear == "
        + year
        + " }";
  }

  @Test
  void statusesAreCountedPerProgrammeAndYearAndSmallCellsStayInTheOffice() {
    int year = freshYear("next");
    List<Person> alumni = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      alumni.add(alumnus("next", year));
    }
    for (int i = 0; i < 5; i++) {
      report(alumni.get(i), "working-security", "security-vendor");
    }
    report(alumni.get(5), "research", "education");
    // Reporting again in the same year replaces the status rather than counting twice.
    report(alumni.get(5), "research", "education");
    member(alumni.get(5))
        .get(OUTCOME)
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].status", equalTo("research"));

    String c = cohort("next", year);
    JsonPath inOffice = figures(false);
    assertEquals(6, inOffice.getInt(c + ".respondents"));
    assertEquals(5, inOffice.getInt(c + ".statuses.find { it.code == 'working-security' }.count"));
    assertEquals(1, inOffice.getInt(c + ".statuses.find { it.code == 'research' }.count"));
    assertEquals(0, inOffice.getInt(c + ".statuses.find { it.code == 'studying' }.count"));
    assertEquals(5, inOffice.getInt(c + ".sectors.find { it.code == 'security-vendor' }.count"));
    assertEquals("camp-office", inOffice.getString("audience"));

    JsonPath outside = figures(true);
    assertEquals("public", outside.getString("audience"));
    assertEquals(5, outside.getInt(c + ".statuses.find { it.code == 'working-security' }.count"));
    assertNull(outside.get(c + ".statuses.find { it.code == 'research' }.count"), "1 is hidden");
    assertNull(outside.get(c + ".statuses.find { it.code == 'studying' }.count"), "0 is hidden");
    // 6 respondents minus the 5 shown would reveal the one researcher: the total is hidden too.
    assertNull(outside.get(c + ".respondents"));
    assertNull(outside.get(c + ".sectors.find { it.code == 'education' }.count"));

    // Withdrawing consent deletes the statuses: the cohort's cell drops under 5 everywhere.
    member(alumni.get(0)).delete(OUTCOME).then().statusCode(204);
    member(alumni.get(0)).get(OUTCOME).then().statusCode(200).body("items.size()", equalTo(0));
    CommunityApi.lenient(alumni.get(0).token()).delete(OUTCOME).then().statusCode(404);
    assertEquals(
        4, figures(false).getInt(c + ".statuses.find { it.code == 'working-security' }.count"));
    assertNull(figures(true).get(c + ".statuses.find { it.code == 'working-security' }.count"));
  }

  @Test
  void aMinorReportsOnlyWithTheGuardiansSurveysScope() {
    Person minor = CommunityApi.minorWith(16, "membership");
    member(minor)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "studying"))
        .put(OUTCOME)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("missingScope", equalTo("surveys"));
    member(minor).post(ME + "/guardian-links").then().statusCode(202);
    CommunityApi.guardianDecides(minor, CommunityApi.grant("membership", "surveys"));
    member(minor)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "studying"))
        .put(OUTCOME)
        .then()
        .statusCode(200)
        .body("status", equalTo("studying"));
  }

  @Test
  void anAdultWhoseOwnSettingsLeaveSurveysOutIsNeitherAskedNorCounted() {
    Person adult = CommunityApi.enrolled(40);
    member(adult)
        .contentType(ContentType.JSON)
        .body(Map.of("scopes", List.of("membership", "groups")))
        .put(ME + "/settings")
        .then()
        .statusCode(200);
    member(adult)
        .contentType(ContentType.JSON)
        .body(Map.of("status", "other"))
        .put(OUTCOME)
        .then()
        .statusCode(403)
        .body("missingScope", equalTo("surveys"));
  }

  @Test
  void aBadStatusNamesEveryFieldAtFault() {
    Person adult = CommunityApi.enrolled(35);
    CommunityApi.lenient(adult.token())
        .contentType(ContentType.JSON)
        .body(Map.of("status", "astronaut", "sector", "space-mining", "prefecture", "48"))
        .put(OUTCOME)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations.field", containsInAnyOrder("status", "sector", "prefecture"));
    CommunityApi.lenient(adult.token())
        .contentType(ContentType.JSON)
        .body(Map.of())
        .put(OUTCOME)
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("status"));
    CommunityApi.checked()
        .get(BASE + "/outcome-reference")
        .then()
        .statusCode(200)
        .body(
            "statuses.code",
            equalTo(
                List.of(
                    "studying",
                    "working-security",
                    "working-elsewhere",
                    "founded-company",
                    "research",
                    "other")));
    io.restassured.RestAssured.given()
        .filter(jp.riss.platform.testing.Contracts.responseValidator())
        .get(FIGURES + "/public?audience=all")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("audience"));
  }

  static String edition(String programme, int year) {
    return office()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "programme",
                programme,
                "fiscalYear",
                year,
                "stage",
                "single",
                "startsOn",
                year + "-08-12",
                "endsOn",
                year + "-08-16",
                "format",
                "in-person",
                "capacity",
                90,
                "eligibilityReferenceDate",
                (year + 1) + "-03-31"))
        .post(BASE + "/editions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void applications(String edition, String prefix, int applicants, int participants) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < applicants; i++) {
      rows.add(Map.of("applicantRef", prefix + "-" + i, "participated", i < participants));
    }
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(BASE + "/editions/" + edition + "/applications")
        .then()
        .statusCode(200)
        .body("applicants", equalTo(applicants))
        .body("participants", equalTo(participants));
  }

  static void completions(String programme, int year, int people) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String ref = CommunityApi.fresh("p");
      rows.add(
          CommunityApi.row(
              ref + "-c",
              ref,
              ref + "@example.jp",
              CommunityApi.today().minusYears(25),
              null,
              programme,
              year));
    }
    CommunityApi.importRows(rows);
  }

  @Test
  void yearlyFiguresAreCountedFromRecordsAgainstTheFirstYearOnRecord() {
    int first = freshYear("mini");
    int later = freshYear("mini");
    while (later == first) {
      later = freshYear("mini");
    }
    String e1 = edition("mini", first);
    String e2 = edition("mini", later);
    String prefix = CommunityApi.fresh("a");
    applications(e1, prefix + "-1", 10, 5);
    applications(e2, prefix + "-2", 30, 10);
    // Recording the same applicants again replaces their rows: nothing is counted twice.
    applications(e2, prefix + "-2", 30, 10);
    completions("mini", first, 5);
    completions("mini", later, 3);

    String p = "programmes.find { it.programme == 'mini' }";
    JsonPath f = figures(false);
    String y1 = p + ".years.find { it.fiscalYear == " + first + " }";
    String y2 = p + ".years.find { it.fiscalYear == " + later + " }";
    assertEquals(10, f.getInt(y1 + ".applicants"));
    assertEquals(5, f.getInt(y1 + ".participants"));
    assertEquals(5, f.getInt(y1 + ".completions"));
    assertEquals(30, f.getInt(y2 + ".applicants"));
    assertEquals(10, f.getInt(y2 + ".participants"));
    assertEquals(3, f.getInt(y2 + ".completions"));
    int base = f.getInt(p + ".firstYearOnRecord");
    assertTrue(base <= Math.min(first, later));
    String b = p + ".years.find { it.fiscalYear == " + base + " }";
    int baseApplicants = f.getInt(b + ".applicants");
    if (baseApplicants == 0) {
      assertNull(f.get(y2 + ".applicantsVsFirstYear"), "no ratio to a year without applicants");
    } else {
      assertEquals(
          Math.round(30.0 / baseApplicants * 100) / 100.0,
          f.getDouble(y2 + ".applicantsVsFirstYear"),
          0.001);
    }
    if (base == first) {
      assertEquals(3.0, f.getDouble(y2 + ".applicantsVsFirstYear"), 0.001);
      assertEquals(2.0, f.getDouble(y2 + ".participantsVsFirstYear"), 0.001);
    }

    JsonPath outside = figures(true);
    assertEquals(10, outside.getInt(y2 + ".participants"));
    assertNull(outside.get(y2 + ".completions"), "3 completions are hidden outside the office");
    assertNull(outside.get(y2 + ".completionsVsFirstYear"));

    // The report's own figures stand beside the derived ones.
    assertEquals(
        1232,
        f.getInt(
            "programmes.find { it.programme == 'national' }.reference.find { it.figure =="
                + " 'completions-to-date' }.value"));
    assertEquals(
        2,
        f.getInt(
            "programmes.find { it.programme == 'national' }.reference.find { it.figure =="
                + " 'training-scale-target' }.value"));
  }

  @Test
  void badApplicationRowsAreAllNamedAndNothingIsStored() {
    String e = edition("mini", freshYear("mini"));
    List<Map<String, Object>> rows =
        List.of(
            Map.of("applicantRef", "ok-1", "participated", true),
            Map.of("applicantRef", "bad ref", "participated", true),
            Map.of("applicantRef", "ok-1", "participated", false),
            Map.of("applicantRef", "ok-3"));
    CommunityApi.lenient(jp.riss.platform.testing.Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(Map.of("rows", rows))
        .post(BASE + "/editions/" + e + "/applications")
        .then()
        .statusCode(400)
        .body(
            "violations.field",
            containsInAnyOrder(
                "rows[1].applicantRef", "rows[2].applicantRef", "rows[3].participated"));
    applications(e, "only", 1, 0);
    CommunityApi.lenient(jp.riss.platform.testing.Tokens.of("camp-office", "o"))
        .contentType(ContentType.JSON)
        .body(Map.of("rows", List.of()))
        .post(BASE + "/editions/" + e + "/applications")
        .then()
        .statusCode(400)
        .body("violations.field", containsInAnyOrder("rows"));
    office()
        .contentType(ContentType.JSON)
        .body(Map.of("rows", List.of(Map.of("applicantRef", "x", "participated", true))))
        .post(BASE + "/editions/00000000-0000-4000-8000-00000000dead/applications")
        .then()
        .statusCode(404);
  }

  static int mails(Person p) {
    return office()
        .queryParam("to", p.email())
        .get(CommunityApi.MAILBOX)
        .then()
        .statusCode(200)
        .extract()
        .path("items.size()");
  }

  @Test
  void membersAreAskedOnceAYearAndOnlyWithConsent() {
    Person asked = CommunityApi.enrolled(28);
    Person minorWithout = CommunityApi.minorWith(15, "membership");
    Person minorWith = CommunityApi.minorWith(15, "membership", "surveys");
    int before = mails(asked);
    int minorBefore = mails(minorWithout);
    prompts.run();
    assertEquals(before, mails(asked), "not asked before a year has passed");

    clock.advance(Duration.ofDays(366));
    prompts.run();
    prompts.run();
    assertEquals(before + 1, mails(asked), "asked once, however often the sweep runs");
    assertTrue(CommunityApi.latestMail(asked.email()).contains("近況"));
    assertTrue(CommunityApi.latestMail(minorWith.email()).contains("近況"));
    assertEquals(minorBefore, mails(minorWithout), "no guardian consent, no prompt");

    clock.advance(Duration.ofDays(365));
    prompts.run();
    assertEquals(before + 2, mails(asked), "asked again the next year");
  }
}
