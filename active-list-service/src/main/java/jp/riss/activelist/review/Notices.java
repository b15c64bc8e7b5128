package jp.riss.activelist.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.riss.activelist.criteria.FailedCriterion;
import jp.riss.activelist.listing.Listing;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.mail.MailTemplates;
import jp.riss.platform.outbox.Outbox;

/**
 * Tells the owner of a listing, in the caller's transaction: the notice event (keyed by listing)
 * and, when the listing has a contact e-mail, the message to it, queued under the event's id (one
 * notice, one mail). Texts: {@code mail/notice-<type>.<language>.txt}.
 */
@ApplicationScoped
public class Notices {

  @Inject Clock clock;

  private static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneId.of("Asia/Tokyo"));

  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject MailQueue mail;
  @Inject MailTemplates templates;

  public void send(String type, ListingNotice notice) {
    String key = notice.listingId().toString();
    CloudEvent event = events.create(type, key, ListingNotice.SCHEMA, notice);
    outbox.append(ListingNotice.TOPIC, key, event);
    Listing listing = Listing.findById(notice.listingId());
    if (listing == null || listing.contact == null || listing.contact.email() == null) {
      return; // no address to write to: the event alone tells IPA's back office
    }
    MailTemplates.Rendered message =
        templates.render("notice-" + type.substring(type.lastIndexOf('.') + 1), values(notice));
    mail.send(
        UUID.fromString(event.id()),
        listing.contact.email(),
        message.subject(),
        message.body(),
        OffsetDateTime.now(clock));
  }

  private static Map<String, String> values(ListingNotice notice) {
    return Map.of(
        "registrationNumber", notice.registrationNumber(),
        "listingId", notice.listingId().toString(),
        "failedCriteriaJa", lines(notice, FailedCriterion::reasonJa),
        "failedCriteria", lines(notice, FailedCriterion::reason),
        "reconfirmedAt", date(notice.reconfirmedAt()),
        "staleAt", date(notice.staleAt()));
  }

  private static String lines(
      ListingNotice notice, java.util.function.Function<FailedCriterion, String> reason) {
    return notice.failedCriteria().stream()
        .map(c -> "- " + reason.apply(c))
        .collect(Collectors.joining("\n"));
  }

  private static String date(OffsetDateTime at) {
    return at == null ? "-" : JST.format(at);
  }
}
