package jp.riss.community.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.riss.community.audience.Audience;
import jp.riss.community.audience.Audiences;
import jp.riss.community.member.Member;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.web.FilteredPages;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * The camp office's surveys: questions, audience, window, anonymous or named. Members see the
 * surveys open now whose audience they are in; a member under 18 needs the {@code surveys} scope.
 */
@ApplicationScoped
public class Surveys {

  public record SurveyInput(
      String title,
      String description,
      Boolean anonymous,
      String opensAt,
      String closesAt,
      Audience audience,
      List<Question> questions) {}

  public record SurveyView(
      UUID id,
      String title,
      String description,
      boolean anonymous,
      OffsetDateTime opensAt,
      OffsetDateTime closesAt,
      Audience audience,
      List<Question> questions,
      Boolean answeredByMe,
      long version) {}

  public record Page(List<SurveyView> items, String next) {}

  /** Earliest opening first. */
  private static final Keyset.Order ORDER = Keyset.Order.OLDEST_FIRST;

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Audiences audiences;

  @Transactional
  public SurveyView create(SurveyInput input) {
    Survey s = new Survey();
    s.id = UUID.randomUUID();
    s.createdAt = members.now();
    List<Question> questions = apply(s, input);
    em.persist(s);
    em.flush();
    writeQuestions(s.id, questions);
    return view(s, null);
  }

  /** Changes a survey until its first response; after that its questions are what was answered. */
  @Transactional
  public SurveyView update(UUID id, String ifMatch, SurveyInput input) {
    Survey probe = new Survey();
    List<Question> questions = apply(probe, input);
    Survey s = find(id);
    Preconditions.requireIfMatch(ifMatch, s.version);
    if (responses(id) > 0) {
      throw ProblemException.conflict(
          "survey-answered",
          "Survey answered",
          "A survey that has responses is not changed any more.");
    }
    apply(s, input);
    em.createNativeQuery("DELETE FROM survey_question WHERE survey_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    writeQuestions(id, questions);
    // The questions live in their own rows: a change to them alone must still bump the version.
    em.lock(s, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    em.flush();
    return view(s, null);
  }

  @Transactional
  public Page list(Caller caller, String cursor, int limit, UriInfo uri) {
    Keyset after = Keyset.decode(cursor);
    Member member = caller.office() ? null : members.active(caller.subject());
    if (member != null && member.minor()) {
      member.require(Scope.SURVEYS);
    }
    OffsetDateTime now = members.now();
    // Audience is decided per member in Java, so the page is sifted from batches of rows.
    Keyset.Page<Survey> page =
        FilteredPages.fill(
            FilteredPages.query(
                position ->
                    em.createQuery(
                            "SELECT s FROM Survey s WHERE (:office = true OR (s.opensAt <= :now"
                                + " AND s.closesAt > :now))"
                                + ORDER.continuing(position, "s.opensAt", "s.id"),
                            Survey.class)
                        .setParameter("office", caller.office())
                        .setParameter("now", now)),
            after,
            limit,
            s -> member == null || audiences.admits(s.audience.value(), member),
            s -> s.opensAt,
            s -> s.id);
    return new Page(page.map(s -> view(s, member)).items(), page.nextLink(uri));
  }

  @Transactional
  public SurveyView get(UUID id, Caller caller) {
    if (caller.office()) {
      return view(find(id), null);
    }
    Member member = members.active(caller.subject());
    return view(forMember(id, member), member);
  }

  /** The survey if the member may answer it now: open, in its audience (404 otherwise). */
  Survey forMember(UUID id, Member member) {
    if (member.minor()) {
      member.require(Scope.SURVEYS);
    }
    Survey s = em.find(Survey.class, id);
    if (s == null || !s.openAt(members.now()) || !audiences.admits(s.audience.value(), member)) {
      throw ProblemException.notFound("survey " + id);
    }
    return s;
  }

  public Survey find(UUID id) {
    return ProblemException.requireFound(em.find(Survey.class, id), "survey " + id);
  }

  long responses(UUID id) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM survey_response WHERE survey_id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .longValue();
  }

  @SuppressWarnings("unchecked")
  public List<Question> questions(UUID surveyId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kind, text, options, required FROM survey_question WHERE survey_id = ?1"
                    + " ORDER BY position")
            .setParameter(1, surveyId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Question(
                    (String) r[0], (String) r[1], Arrays.asList((String[]) r[2]), (Boolean) r[3]))
        .toList();
  }

  SurveyView view(Survey s, Member member) {
    Boolean answered = null;
    if (member != null) {
      answered =
          !em.createNativeQuery(
                  "SELECT 1 FROM survey_participation WHERE survey_id = ?1 AND person_id = ?2")
              .setParameter(1, s.id)
              .setParameter(2, member.person().id)
              .getResultList()
              .isEmpty();
    }
    return new SurveyView(
        s.id,
        s.title,
        s.description,
        s.anonymous,
        s.opensAt,
        s.closesAt,
        s.audience.value(),
        questions(s.id),
        answered,
        s.version);
  }

  private void writeQuestions(UUID surveyId, List<Question> questions) {
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      em.createNativeQuery(
              "INSERT INTO survey_question (survey_id, position, kind, text, options, required)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, surveyId)
          .setParameter(2, i + 1)
          .setParameter(3, q.kind())
          .setParameter(4, q.text())
          .setParameter(5, q.options().toArray(String[]::new))
          .setParameter(6, q.required())
          .executeUpdate();
    }
  }

  private List<Question> apply(Survey s, SurveyInput in) {
    Checks checks = Checks.start();
    if (in == null) {
      checks.reject("body", "is required").throwIfAny();
    }
    String title = checks.text("title", in.title(), 200);
    String description = checks.optionalText("description", in.description(), 5000);
    if (in.anonymous() == null) {
      checks.reject("anonymous", "is required");
    }
    OffsetDateTime opens = checks.dateTime("opensAt", in.opensAt());
    OffsetDateTime closes = checks.dateTime("closesAt", in.closesAt());
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      checks.reject("closesAt", "must be after opensAt");
    }
    Audience audience = audiences.check(checks, "audience", in.audience());
    List<Question> questions = questions(checks, in.questions());
    checks.throwIfAny();
    s.title = title;
    s.description = description;
    s.anonymous = in.anonymous();
    s.opensAt = opens;
    s.closesAt = closes;
    s.audience = jp.riss.community.audience.AudienceColumns.of(audience);
    return questions;
  }

  private static List<Question> questions(Checks checks, List<Question> given) {
    if (given == null || given.isEmpty() || given.size() > 50) {
      checks.reject("questions", "must hold 1 to 50 questions");
      return List.of();
    }
    List<Question> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = "questions[" + i + "]";
      Question q = given.get(i);
      if (q == null) {
        checks.reject(at, "is required");
        continue;
      }
      String kind = checks.oneOf(at + ".kind", q.kind(), Question.KINDS);
      String text = checks.text(at + ".text", q.text(), 500);
      List<String> options = q.options() == null ? List.of() : q.options();
      if (kind != null && new Question(kind, text, options, q.required()).choice()) {
        if (options.size() < 2 || options.size() > 20) {
          checks.reject(at + ".options", "must hold 2 to 20 options");
        } else {
          List<String> clean = new ArrayList<>();
          for (int j = 0; j < options.size(); j++) {
            String o = checks.text(at + ".options[" + j + "]", options.get(j), 200);
            if (o != null) {
              clean.add(o);
            }
          }
          if (clean.size() == options.size() && clean.stream().distinct().count() != clean.size()) {
            checks.reject(at + ".options", "must not repeat an option");
          }
          options = clean;
        }
      } else if (kind == null) {
        // The kind is named already; the options' own bounds are still checked, so that one
        // answer names every field at fault.
        if (options.size() > 20) {
          checks.reject(at + ".options", "must hold 2 to 20 options");
        } else {
          for (int j = 0; j < options.size(); j++) {
            checks.text(at + ".options[" + j + "]", options.get(j), 200);
          }
        }
      } else if (!options.isEmpty()) {
        checks.reject(at + ".options", "are only for choice questions");
      }
      boolean required = q.required() == null || q.required();
      out.add(new Question(kind, text, List.copyOf(options), required));
    }
    return out;
  }
}
