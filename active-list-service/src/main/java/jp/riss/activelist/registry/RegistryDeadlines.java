package jp.riss.activelist.registry;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.criteria.ListingCriterion;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.review.ListingLifecycle;
import jp.riss.activelist.verification.RegistrationFact;
import jp.riss.platform.time.PlatformClock;
import org.jboss.logging.Logger;

/**
 * The registry's facts carry dates (a course's due date, a cycle's end), and the criteria that read
 * them change outcome when a day passes, with no event from the registry's owner: a course due
 * yesterday and still undone fails {@code courses-not-overdue} today. Daily, shortly after midnight
 * in Japan, every published listing is checked again against the registry criteria as of today, and
 * one that now fails is suspended exactly as a registry change would suspend it (status reason,
 * owner notice, change feed entry, event, webhooks).
 */
@ApplicationScoped
public class RegistryDeadlines {

  private static final Logger LOG = Logger.getLogger(RegistryDeadlines.class);

  /**
   * Listings checked per transaction, so a list of 50,000 never sits in one persistence context.
   */
  private static final int PAGE = 500;

  @Inject Clock clock;
  @Inject EntityManager em;
  @Inject ListingCriteria criteria;
  @Inject ListingLifecycle lifecycle;

  @Scheduled(
      identity = "registry-deadlines",
      cron = "${riss.active-list.registry-deadlines.cron:0 5 0 * * ?}",
      timeZone = "Asia/Tokyo",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void daily() {
    List<UUID> suspended = run();
    if (!suspended.isEmpty()) {
      LOG.infof("registry deadlines: %d listings suspended", suspended.size());
    }
  }

  /**
   * @return the listings this run suspended
   */
  public List<UUID> run() {
    LocalDate today = LocalDate.now(clock.withZone(PlatformClock.JAPAN));
    List<UUID> suspended = new ArrayList<>();
    UUID after = null;
    while (true) {
      Page page = checkPage(after, today);
      suspended.addAll(page.suspended());
      if (page.last() == null) {
        return suspended;
      }
      after = page.last();
    }
  }

  record Page(UUID last, List<UUID> suspended) {}

  /** One page of published listings after {@code after} (by id), each checked as of today. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  Page checkPage(UUID after, LocalDate today) {
    List<ListingCriterion> registryCriteria = criteria.registryCriteria();
    if (registryCriteria.isEmpty()) {
      return new Page(null, List.of());
    }
    var query =
        em.createQuery(
                "SELECT l FROM Listing l WHERE l.status = :published"
                    + (after == null ? "" : " AND l.id > :after")
                    + " ORDER BY l.id",
                Listing.class)
            .setParameter("published", ListingStatus.PUBLISHED)
            .setMaxResults(PAGE);
    if (after != null) {
      query.setParameter("after", after);
    }
    List<Listing> listings = query.getResultList();
    Map<String, RegistrationFact> facts = new HashMap<>();
    if (!listings.isEmpty()) {
      em.createQuery(
              "SELECT f FROM RegistrationFact f WHERE f.registrationNumber IN :numbers",
              RegistrationFact.class)
          .setParameter("numbers", listings.stream().map(l -> l.registrationNumber).toList())
          .getResultList()
          .forEach(f -> facts.put(f.registrationNumber, f));
    }
    List<UUID> suspended = new ArrayList<>();
    for (Listing listing : listings) {
      CriteriaEvaluation evaluation =
          criteria.evaluate(listing, facts.get(listing.registrationNumber), registryCriteria, null);
      if (!evaluation.passed()) {
        lifecycle.suspendForRegistry(listing, "Registry dates as of " + today, null, evaluation);
        suspended.add(listing.id);
      }
    }
    return new Page(listings.isEmpty() ? null : listings.get(listings.size() - 1).id, suspended);
  }
}
