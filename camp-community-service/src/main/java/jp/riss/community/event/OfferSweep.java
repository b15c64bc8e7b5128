package jp.riss.community.event;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.riss.community.member.Members;

/**
 * Passes expired seat offers on without waiting for anyone to touch the event. Every write on an
 * event does the same first, so this only decides how soon the next person hears of a seat.
 */
@ApplicationScoped
public class OfferSweep {

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Registrations registrations;

  @Scheduled(
      identity = "event-offer-sweep",
      every = "{riss.community.events.offer-sweep}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    for (UUID event : due()) {
      registrations.sweep(event);
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  List<UUID> due() {
    return em.createNativeQuery(
            "SELECT DISTINCT event_id FROM event_registration WHERE state = 'offered'"
                + " AND offer_expires_at <= ?1")
        .setParameter(1, members.now())
        .getResultList();
  }
}
