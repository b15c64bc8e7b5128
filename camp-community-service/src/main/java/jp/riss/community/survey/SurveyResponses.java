package jp.riss.community.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;

/**
 * One response per member. For an anonymous survey the fact of answering and the answers are
 * written to tables that share no key, no time and no order column, and nothing about the answers
 * is logged or published: no query can join free text to a person.
 */
@ApplicationScoped
public class SurveyResponses {

  /** One answer: {@code question} counts from 1, {@code choices} count options from 1. */
  public record Answer(Integer question, List<Integer> choices, Integer scale, String text) {}

  public record ResponseInput(List<Answer> answers) {}

  /** What the member gets back: no response id, which for an anonymous survey would be a key. */
  public record Receipt(UUID surveyId, boolean anonymous, int answered) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Surveys surveys;

  @Transactional
  public Receipt respond(String subject, UUID surveyId, ResponseInput input) {
    Member member = members.active(subject);
    Survey survey = surveys.forMember(surveyId, member);
    List<Question> questions = surveys.questions(surveyId);
    List<Answer> answers = check(questions, input);
    int inserted =
        em.createNativeQuery(
                "INSERT INTO survey_participation (survey_id, person_id) VALUES (?1, ?2)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, surveyId)
            .setParameter(2, member.person().id)
            .executeUpdate();
    if (inserted == 0) {
      throw ProblemException.conflict(
          "already-answered", "Already answered", "Each member answers a survey once.");
    }
    UUID responseId = UUID.randomUUID();
    em.createNativeQuery(
            "INSERT INTO survey_response (id, survey_id, person_id) VALUES (?1, ?2, ?3)")
        .setParameter(1, responseId)
        .setParameter(2, surveyId)
        .setParameter(3, survey.anonymous ? null : member.person().id)
        .executeUpdate();
    for (Answer a : answers) {
      em.createNativeQuery(
              "INSERT INTO survey_answer (response_id, position, choices, scale, text)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, responseId)
          .setParameter(2, a.question())
          .setParameter(
              3, (a.choices() == null ? List.<Integer>of() : a.choices()).toArray(Integer[]::new))
          .setParameter(4, a.scale())
          .setParameter(5, a.text())
          .executeUpdate();
    }
    return new Receipt(surveyId, survey.anonymous, answers.size());
  }

  /** Every answer checked against its question; every fault named at once. */
  private static List<Answer> check(List<Question> questions, ResponseInput input) {
    Checks checks = Checks.start();
    List<Answer> given = input == null ? null : input.answers();
    if (given == null || given.size() > questions.size()) {
      checks.reject("answers", "must hold at most one answer per question");
      checks.throwIfAny();
    }
    List<Answer> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "answers[" + i + "]";
      Answer a = given.get(i);
      if (a == null) {
        checks.reject(at, "is required");
        continue;
      }
      Integer n = checks.integer(at + ".question", a.question(), 1, questions.size());
      if (n == null) {
        continue;
      }
      if (!seen.add(n)) {
        checks.reject(at + ".question", "is answered twice");
        continue;
      }
      Question q = questions.get(n - 1);
      List<Integer> choices = a.choices() == null ? List.of() : a.choices();
      boolean good = true;
      if (q.choice()) {
        int max = "single-choice".equals(q.kind()) ? 1 : q.options().size();
        if (choices.isEmpty() || choices.size() > max) {
          checks.reject(at + ".choices", "must hold 1 to " + max + " option numbers");
          good = false;
        } else {
          for (int j = 0; j < choices.size(); j++) {
            if (checks.integer(at + ".choices[" + j + "]", choices.get(j), 1, q.options().size())
                == null) {
              good = false;
            }
          }
          if (good && choices.stream().distinct().count() != choices.size()) {
            checks.reject(at + ".choices", "must not repeat an option");
            good = false;
          }
        }
      } else if (!choices.isEmpty()) {
        checks.reject(at + ".choices", "are only for choice questions");
        good = false;
      }
      Integer scale = null;
      if ("scale".equals(q.kind())) {
        scale = checks.integer(at + ".scale", a.scale(), 1, 5);
        good &= scale != null;
      } else if (a.scale() != null) {
        checks.reject(at + ".scale", "is only for scale questions");
        good = false;
      }
      String text = null;
      if ("free-text".equals(q.kind())) {
        text = checks.text(at + ".text", a.text(), 2000);
        good &= text != null;
      } else if (a.text() != null) {
        checks.reject(at + ".text", "is only for free-text questions");
        good = false;
      }
      if (good) {
        out.add(new Answer(n, List.copyOf(choices), scale, text));
      }
    }
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).required() && !seen.contains(i + 1)) {
        checks.reject("answers", "must answer question " + (i + 1));
      }
    }
    checks.throwIfAny();
    return out;
  }
}
