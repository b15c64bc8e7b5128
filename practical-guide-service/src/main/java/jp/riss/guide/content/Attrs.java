package jp.riss.guide.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an element carries besides its text, by kind: a task's side, a people measure's kind, a
 * Step's staffing band, the resources it cites, an exam's code, a scheme relation's level, a
 * support offer's kind, a case's industry and size. Only the fields its kind uses are set ({@link
 * ElementRules} checks which).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attrs(
    String side,
    String peopleKind,
    String band,
    Integer bandSeedLine,
    List<Integer> resources,
    String examCode,
    String handbookPage,
    Integer fivePoint,
    String code,
    String scheme,
    String level,
    String relation,
    String offerKind,
    Boolean ownDefinition,
    String source,
    String jsicDivision,
    String sizeBand) {

  public static final Attrs NONE =
      new Attrs(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null);

  public List<Integer> resourcesOrEmpty() {
    return resources == null ? List.of() : resources;
  }
}
