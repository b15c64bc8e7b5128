package jp.riss.deemedattendance.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.riss.deemedattendance.syllabus.SyllabusArea;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The example descriptions IPA publishes, and the check that refuses entries copying one: a
 * description whose {@link DescriptionSimilarity} to an example is at or over the configured
 * threshold is a 422 {@code copies-example} naming the closest example.
 */
@ApplicationScoped
public class Examples {

  @Inject Clock clock;

  public static final int TITLE_MAX = 200;
  public static final int TEXT_MIN = 50;
  public static final int TEXT_MAX = 4000;

  @Inject EntityManager em;

  @ConfigProperty(
      name = "riss.deemed-attendance.example-similarity-threshold",
      defaultValue = "0.6")
  double threshold;

  public double threshold() {
    return threshold;
  }

  @Transactional
  public List<DescriptionExample> all(Integer area) {
    if (area == null) {
      return em.createQuery(
              "SELECT e FROM DescriptionExample e ORDER BY e.area, e.createdAt, e.id",
              DescriptionExample.class)
          .getResultList();
    }
    return em.createQuery(
            "SELECT e FROM DescriptionExample e WHERE e.area = :area ORDER BY e.createdAt, e.id",
            DescriptionExample.class)
        .setParameter("area", area.intValue())
        .getResultList();
  }

  @Transactional
  public Optional<DescriptionExample> find(UUID id) {
    return Optional.ofNullable(em.find(DescriptionExample.class, id));
  }

  @Transactional
  public DescriptionExample create(ExampleInput input, String admin) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (input.area() == null) {
      violations.add(new Problem.Violation("area", "is required"));
    } else if (em.find(SyllabusArea.class, input.area()) == null) {
      violations.add(new Problem.Violation("area", "must be a syllabus area number (1–4)"));
    }
    String title = Texts.text(violations, "title", input.title(), 1, TITLE_MAX);
    String text = Texts.text(violations, "text", input.text(), TEXT_MIN, TEXT_MAX);
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    DescriptionExample example = new DescriptionExample();
    example.id = UUID.randomUUID();
    example.area = input.area();
    example.title = title;
    example.text = text;
    example.createdAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    example.createdBy = admin;
    em.persist(example);
    return example;
  }

  @Transactional
  public void delete(UUID id) {
    DescriptionExample example =
        find(id).orElseThrow(() -> ProblemException.notFound("example " + id));
    em.remove(example);
  }

  /**
   * Refuses a description too close to a published example.
   *
   * @throws ProblemException 422 {@code copies-example} naming the closest example (id, area,
   *     title) and the similarity, with a violation on {@code field}
   */
  public void refuseCopies(String field, String description) {
    var grams = DescriptionSimilarity.trigrams(description);
    DescriptionExample closest = null;
    double best = -1;
    for (DescriptionExample example : all(null)) {
      double similarity =
          DescriptionSimilarity.similarity(grams, DescriptionSimilarity.trigrams(example.text));
      if (similarity > best) {
        best = similarity;
        closest = example;
      }
    }
    if (closest == null || best < threshold) {
      return;
    }
    double rounded = Math.floor(best * 1000) / 1000;
    Map<String, Object> resembles = new LinkedHashMap<>();
    resembles.put("id", closest.id);
    resembles.put("area", closest.area);
    resembles.put("title", closest.title);
    throw new ProblemException(
        Problem.of(
                422,
                "copies-example",
                "Description copies a published example",
                "The description is too close to a published example description (similarity "
                    + rounded
                    + ", the limit is "
                    + threshold
                    + "). Describe the work you did in your own words.")
            .withViolations(
                List.of(new Problem.Violation(field, "is too close to a published example")))
            .with("example", resembles)
            .with("similarity", rounded)
            .with("threshold", threshold));
  }
}
