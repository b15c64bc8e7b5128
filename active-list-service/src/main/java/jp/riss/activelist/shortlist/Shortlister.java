package jp.riss.activelist.shortlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.SelfDeclared;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;

/**
 * Picks k specialists for an SME profile among published listings that accept inquiries and have
 * room: matching its region (a prefecture they serve, or online nationwide when the SME accepts
 * online) and at least one of its themes. Beyond fit, it spreads exposure (seed lines 626, 1062:
 * inquiries must not pile up on the top results): busier specialists and those with many recent
 * engagements rank lower, equal candidates are ordered by the seed, no company appears twice and
 * independents and company-affiliated specialists are mixed.
 */
@ApplicationScoped
public class Shortlister {

  @Inject Clock clock;

  /** Weights of the fit and exposure terms; fit dominates, exposure separates near-equals. */
  static final double THEME = 10, LOCAL = 4, INDUSTRY = 3, FORMAT = 2, FIRST_FREE = 1;

  static final double LOAD = 6, RECENT = 1.5, DIVERSITY = 3;
  static final int RECENT_DAYS = 180;

  @Inject EntityManager em;
  @Inject MatchingReferences references;

  /** A shortlist for what was asked; without a seed, a fresh one (computing creates nothing). */
  @Transactional
  public Shortlist shortlist(ShortlistRequest request) {
    List<Problem.Violation> violations = references.check("profile.", request.profile());
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    long seed =
        request.seed() == null ? ThreadLocalRandom.current().nextLong(1L << 53) : request.seed();
    return shortlist(request.profile(), request.k(), seed, List.of());
  }

  public Shortlist shortlist(SmeProfile profile, int k, long seed, Collection<UUID> excluded) {
    List<Listing> pool = eligible(profile, excluded);
    Map<UUID, Long> recent = recentEngagements(pool);
    SplittableRandom random = new SplittableRandom(seed);
    // Jitter per listing id, not per position, so one seed gives one order whatever the pool.
    Map<UUID, Double> jitter = new HashMap<>();
    pool.stream()
        .sorted(Comparator.comparing(l -> l.id))
        .forEach(l -> jitter.put(l.id, random.nextDouble()));
    List<Scored> scored = new ArrayList<>();
    for (Listing listing : pool) {
      scored.add(score(profile, listing, recent.getOrDefault(listing.id, 0L), jitter));
    }
    return new Shortlist(seed, k, pick(scored, k));
  }

  private List<Listing> eligible(SmeProfile profile, Collection<UUID> excluded) {
    String themes =
        profile.themes().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "SELECT id FROM listing WHERE status = 'PUBLISHED'"
                    + " AND "
                    + Listing.ACCEPTING_TODAY_SQL
                    + " AND open_inquiries < capacity"
                    + " AND (?1 = ANY (prefectures) OR (?2 AND online_nationwide))"
                    + " AND themes && CAST(?3 AS integer[])")
            .setParameter(1, profile.prefecture())
            .setParameter(2, profile.acceptsOnline())
            .setParameter(3, themes)
            .getResultList();
    Set<UUID> keep = new HashSet<>();
    ids.forEach(id -> keep.add((UUID) id));
    keep.removeAll(excluded);
    return keep.isEmpty() ? List.of() : Listing.list("id in ?1", keep);
  }

  private Map<UUID, Long> recentEngagements(List<Listing> pool) {
    Map<UUID, Long> counts = new HashMap<>();
    if (pool.isEmpty()) {
      return counts;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT listing_id, count(*) FROM guidance_engagement"
                    + " WHERE listing_id IN (?1) AND created_at > ?2 GROUP BY listing_id")
            .setParameter(1, pool.stream().map(l -> l.id).toList())
            .setParameter(2, OffsetDateTime.now(clock).minusDays(RECENT_DAYS))
            .getResultList();
    rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  private record Scored(Listing listing, double score, List<String> reasons, String company) {}

  private static Scored score(
      SmeProfile profile, Listing listing, long recent, Map<UUID, Double> jitter) {
    List<String> reasons = new ArrayList<>();
    double score = 0;
    for (Integer theme : profile.themes()) {
      if (List.of(listing.themes).contains(theme)) {
        score += THEME;
        reasons.add("THEME_MATCH:" + theme);
      }
    }
    if (List.of(listing.prefectures).contains(profile.prefecture())) {
      score += LOCAL;
      reasons.add("REGION_MATCH");
    } else {
      reasons.add("ONLINE");
    }
    if (List.of(listing.industries).contains(profile.industry())) {
      score += INDUSTRY;
      reasons.add("INDUSTRY_MATCH:" + profile.industry());
    }
    if (profile.preferredFormat() != null
        && listing.formats.stream().anyMatch(f -> f.format().equals(profile.preferredFormat()))) {
      score += FORMAT;
      reasons.add("FORMAT_MATCH:" + profile.preferredFormat());
    }
    if (listing.firstConsultationFree) {
      score += FIRST_FREE;
      reasons.add("FIRST_FREE");
    }
    double load = (double) listing.openInquiries / listing.capacity;
    score -= LOAD * load;
    if (load < 0.5) {
      reasons.add("LOW_LOAD");
    }
    score -= RECENT * Math.min(recent, 5);
    score += jitter.get(listing.id);
    String company =
        listing.affiliation == SelfDeclared.Affiliation.Kind.COMPANY && listing.companyName != null
            ? listing.companyName.replaceAll("\\s", "").toLowerCase(Locale.ROOT)
            : null;
    return new Scored(listing, score, reasons, company);
  }

  /**
   * Greedy: each round takes the best remaining candidate of a company not yet picked, with a bonus
   * for the affiliation kind the picks so far have fewer of (when both kinds are available).
   */
  private static List<Shortlist.Candidate> pick(List<Scored> scored, int k) {
    List<Scored> remaining = new ArrayList<>(scored);
    List<Shortlist.Candidate> picked = new ArrayList<>();
    Set<String> companies = new HashSet<>();
    Map<SelfDeclared.Affiliation.Kind, Integer> kinds = new HashMap<>();
    Comparator<Scored> byScore =
        Comparator.comparingDouble(Scored::score)
            .thenComparing(s -> s.listing().id.toString(), Comparator.reverseOrder());
    while (picked.size() < k) {
      remaining.removeIf(s -> s.company() != null && companies.contains(s.company()));
      if (remaining.isEmpty()) {
        break;
      }
      Scored plain = remaining.stream().max(byScore).orElseThrow();
      SelfDeclared.Affiliation.Kind fewer = fewer(kinds, remaining);
      Scored chosen =
          remaining.stream()
              .max(
                  Comparator.comparingDouble(
                          (Scored s) ->
                              s.score() + (s.listing().affiliation == fewer ? DIVERSITY : 0))
                      .thenComparing(s -> s.listing().id.toString(), Comparator.reverseOrder()))
              .orElseThrow();
      List<String> reasons = new ArrayList<>(chosen.reasons());
      if (chosen != plain) {
        reasons.add("AFFILIATION_DIVERSITY");
      }
      remaining.remove(chosen);
      if (chosen.company() != null) {
        companies.add(chosen.company());
      }
      kinds.merge(chosen.listing().affiliation, 1, Integer::sum);
      Listing l = chosen.listing();
      picked.add(
          new Shortlist.Candidate(
              picked.size() + 1,
              l.id,
              l.displayName,
              l.affiliation,
              l.companyName,
              List.of(l.prefectures),
              l.onlineNationwide,
              List.of(l.themes),
              l.firstConsultationFree,
              List.copyOf(reasons)));
    }
    return picked;
  }

  /** The affiliation kind picked less often so far, or null when only one kind remains. */
  private static SelfDeclared.Affiliation.Kind fewer(
      Map<SelfDeclared.Affiliation.Kind, Integer> kinds, List<Scored> remaining) {
    Set<SelfDeclared.Affiliation.Kind> available = new HashSet<>();
    remaining.forEach(s -> available.add(s.listing().affiliation));
    if (available.size() < 2) {
      return null;
    }
    int independents = kinds.getOrDefault(SelfDeclared.Affiliation.Kind.INDEPENDENT, 0);
    int affiliated = kinds.getOrDefault(SelfDeclared.Affiliation.Kind.COMPANY, 0);
    if (independents == affiliated) {
      return null;
    }
    return independents < affiliated
        ? SelfDeclared.Affiliation.Kind.INDEPENDENT
        : SelfDeclared.Affiliation.Kind.COMPANY;
  }
}
