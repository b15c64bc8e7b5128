package jp.riss.community.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Results as aggregates only. A count under {@link #MIN_CELL} is suppressed (null), whatever it
 * counts, so that no small group can be picked out; free texts are shown only when at least that
 * many answered the question, sorted so their order tells nothing.
 */
@ApplicationScoped
public class SurveyResults {

  public static final int MIN_CELL = 5;

  public record OptionCount(String option, Integer count) {}

  public record QuestionResult(
      int question,
      String kind,
      String text,
      Integer answered,
      List<OptionCount> options,
      List<Integer> scale,
      Double mean,
      List<String> texts) {}

  public record Results(
      UUID surveyId,
      boolean anonymous,
      Integer respondents,
      int minimumCell,
      List<QuestionResult> questions) {}

  @Inject EntityManager em;
  @Inject Surveys surveys;

  @Transactional
  public Results of(UUID surveyId) {
    Survey s = surveys.find(surveyId);
    List<Question> questions = surveys.questions(surveyId);
    long respondents = surveys.responses(surveyId);
    List<QuestionResult> out = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      out.add(question(surveyId, i + 1, questions.get(i)));
    }
    return new Results(s.id, s.anonymous, cell(respondents), MIN_CELL, out);
  }

  private QuestionResult question(UUID surveyId, int position, Question q) {
    long answered = count("", surveyId, position);
    List<OptionCount> options = null;
    List<Integer> scale = null;
    Double mean = null;
    List<String> texts = null;
    if (q.choice()) {
      options = new ArrayList<>();
      for (int o = 1; o <= q.options().size(); o++) {
        options.add(
            new OptionCount(
                q.options().get(o - 1),
                cell(count(" AND ?3 = ANY (a.choices)", surveyId, position, o))));
      }
    } else if ("scale".equals(q.kind())) {
      scale = new ArrayList<>();
      for (int v = 1; v <= 5; v++) {
        scale.add(cell(count(" AND a.scale = ?3", surveyId, position, v)));
      }
      if (answered >= MIN_CELL) {
        Number avg =
            (Number)
                em.createNativeQuery(
                        "SELECT avg(a.scale) FROM survey_answer a JOIN survey_response r"
                            + " ON r.id = a.response_id WHERE r.survey_id = ?1 AND a.position = ?2")
                    .setParameter(1, surveyId)
                    .setParameter(2, position)
                    .getSingleResult();
        mean = Math.round(avg.doubleValue() * 100) / 100.0;
      }
    } else if (answered >= MIN_CELL) {
      @SuppressWarnings("unchecked")
      List<String> found =
          em.createNativeQuery(
                  "SELECT a.text FROM survey_answer a JOIN survey_response r"
                      + " ON r.id = a.response_id WHERE r.survey_id = ?1 AND a.position = ?2"
                      + " ORDER BY a.text COLLATE \"C\"")
              .setParameter(1, surveyId)
              .setParameter(2, position)
              .getResultList();
      texts = found;
    }
    return new QuestionResult(
        position, q.kind(), q.text(), cell(answered), options, scale, mean, texts);
  }

  private long count(String condition, UUID surveyId, int position, Object... value) {
    var query =
        em.createNativeQuery(
                "SELECT count(*) FROM survey_answer a JOIN survey_response r"
                    + " ON r.id = a.response_id WHERE r.survey_id = ?1 AND a.position = ?2"
                    + condition)
            .setParameter(1, surveyId)
            .setParameter(2, position);
    if (value.length > 0) {
      query.setParameter(3, value[0]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }

  public static Integer cell(long count) {
    return count < MIN_CELL ? null : (int) count;
  }
}
