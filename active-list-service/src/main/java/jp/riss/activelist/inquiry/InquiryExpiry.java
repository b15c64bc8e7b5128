package jp.riss.activelist.inquiry;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Expires unanswered inquiries on a schedule, so their places free up and senders move on. */
@ApplicationScoped
class InquiryExpiry {

  @Inject Clock clock;

  private static final Logger LOG = Logger.getLogger(InquiryExpiry.class);

  @Inject InquiryService inquiries;

  @Scheduled(
      every = "${riss.inquiries.expiry-check-every:15m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void expire() {
    List<UUID> expired = inquiries.expireDue(OffsetDateTime.now(clock));
    if (!expired.isEmpty()) {
      LOG.infof("expired %d unanswered inquiries", expired.size());
    }
  }
}
