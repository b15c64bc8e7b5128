package jp.riss.guide.diagnosis;

import static jp.riss.guide.organisation.Orgs.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers to sme-self-check 2025-1 for tests: all one answer, then exceptions. */
public final class Answers {

  static final List<String> ITEMS = new ArrayList<>();

  static {
    for (int i = 1; i <= 5; i++) {
      ITEMS.add(String.format("b%02d", i));
    }
    for (int i = 1; i <= 13; i++) {
      ITEMS.add(String.format("e%02d", i));
    }
    for (int i = 1; i <= 7; i++) {
      ITEMS.add(String.format("o%02d", i));
    }
  }

  private final Map<String, String> answers = new LinkedHashMap<>();
  private final List<String> facts =
      new ArrayList<>(List.of("usesWireless", "remoteWork", "outsources"));

  public static Answers all(String answer) {
    Answers a = new Answers();
    ITEMS.forEach(i -> a.answers.put(i, answer));
    return a;
  }

  public Answers with(String answer, String... items) {
    for (String item : items) {
      answers.put(item, answer);
    }
    return this;
  }

  public Answers facts(String... declared) {
    facts.clear();
    facts.addAll(List.of(declared));
    return this;
  }

  public Map<String, Object> body() {
    return Map.of(
        "instrument",
        "sme-self-check",
        "instrumentVersion",
        "2025-1",
        "facts",
        facts,
        "answers",
        answers);
  }

  /** Submits as {@code role}/{@code subject} for the organisation; the diagnosis. */
  public JsonPath submit(String role, String subject, String organisation) {
    return as(role, subject)
        .contentType(ContentType.JSON)
        .body(body())
        .post("/api/v1/guide/organisations/" + organisation + "/diagnoses")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  public JsonPath submit(String company, String organisation) {
    return submit("company", company, organisation);
  }
}
