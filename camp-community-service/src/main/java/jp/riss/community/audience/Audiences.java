package jp.riss.community.audience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Pattern;
import jp.riss.community.member.AgeBand;
import jp.riss.community.member.Completions;
import jp.riss.community.member.Member;
import jp.riss.community.programme.Programme;
import jp.riss.community.support.Checks;

/** Checks an audience as sent, and decides whether a member belongs to one. */
@ApplicationScoped
public class Audiences {

  static final Pattern PROGRAMME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  @Inject EntityManager em;
  @Inject Completions completions;

  /** The audience with every bad part named in {@code checks} under {@code field}; null if bad. */
  public Audience check(Checks checks, String field, Audience audience) {
    if (audience == null) {
      checks.reject(field, "is required");
      return null;
    }
    boolean good = true;
    List<String> programmes = audience.programmes() == null ? List.of() : audience.programmes();
    if (programmes.size() > 10) {
      checks.reject(field + ".programmes", "must hold at most 10 items");
      good = false;
    } else {
      for (int i = 0; i < programmes.size(); i++) {
        String name = field + ".programmes[" + i + "]";
        String code =
            checks.matching(name, programmes.get(i), PROGRAMME, "must be a programme code");
        if (code == null) {
          good = false;
        } else if (em.find(Programme.class, code) == null) {
          checks.reject(name, "is not a known programme");
          good = false;
        }
      }
      if (good && programmes.stream().distinct().count() != programmes.size()) {
        checks.reject(field + ".programmes", "must not repeat an item");
        good = false;
      }
    }
    Integer from = audience.completionYearFrom();
    Integer to = audience.completionYearTo();
    if (from != null && checks.integer(field + ".completionYearFrom", from, 2000, 2100) == null) {
      good = false;
    }
    if (to != null && checks.integer(field + ".completionYearTo", to, 2000, 2100) == null) {
      good = false;
    }
    if (good && from != null && to != null && to < from) {
      checks.reject(field + ".completionYearTo", "must not be before completionYearFrom");
      good = false;
    }
    String band = checks.oneOf(field + ".minAgeBand", audience.minAgeBand(), AgeBand.codes());
    return good && band != null ? new Audience(List.copyOf(programmes), from, to, band) : null;
  }

  /** Old enough, and holding a verified completion of a listed programme in the listed years. */
  public boolean admits(Audience audience, Member member) {
    if (!member.band().atLeast(AgeBand.byCode(audience.minAgeBand()))) {
      return false;
    }
    List<String> programmes = audience.programmes();
    return completions.of(member.person().id).stream()
        .filter(c -> c.verified())
        .filter(c -> programmes.isEmpty() || programmes.contains(c.programme()))
        .filter(
            c ->
                audience.completionYearFrom() == null
                    || c.fiscalYear() >= audience.completionYearFrom())
        .anyMatch(
            c ->
                audience.completionYearTo() == null
                    || c.fiscalYear() <= audience.completionYearTo());
  }

  /** Whether members under 18 may be in it. */
  public static boolean admitsMinors(Audience audience) {
    return AgeBand.byCode(audience.minAgeBand()).minor();
  }
}
