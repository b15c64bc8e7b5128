package jp.riss.activelist.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import jp.riss.activelist.listing.EffectiveAvailability;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingChanged;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.PublicListing;
import jp.riss.activelist.verification.Verification;
import jp.riss.activelist.verification.VerifiedFacts;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;

/**
 * Rebuilds the public representation of the listings a transaction touched and, where it differs
 * from the listing's last feed entry, gives it a new public revision, its feed entry and its {@code
 * activelist.listing.v1} event. Comparing the outcome rather than trusting each write path to say
 * what it changed is what makes every public change reach the feed: a native update of the inquiry
 * load, a completed engagement or a consumed event is seen the same way as an owner's edit.
 */
@ApplicationScoped
class PublicChanges {

  @Inject Clock clock;

  @Inject EntityManager em;
  @Inject Verification verification;
  @Inject ObjectMapper json;
  @Inject ChangeLog log;
  @Inject Outbox outbox;
  @Inject EventSource events;

  /** The feed entries of the touched listings, in the transaction about to commit. */
  List<PendingChange> rebuild(Connection connection, Collection<UUID> touched) throws SQLException {
    em.flush();
    LocalDate today = EffectiveAvailability.today(clock);
    List<PendingChange> changes = new ArrayList<>();
    // In id order, so two transactions touching the same listings lock them in the same order.
    for (UUID id : touched.stream().sorted().toList()) {
      Listing listing = em.find(Listing.class, id);
      if (listing == null) {
        continue;
      }
      // Read afresh (native updates bypass the entity) under the row lock, so a concurrent
      // transaction touching the listing compares with the entry this one writes.
      em.refresh(listing, LockModeType.PESSIMISTIC_WRITE);
      PendingChange change = changeOf(listing, log.last(connection, id), today);
      if (change != null) {
        changes.add(change);
      }
    }
    em.flush();
    return changes;
  }

  private PendingChange changeOf(Listing listing, ChangeLog.Last last, LocalDate today) {
    boolean wasPublic = last != null && last.kind() == ChangeKind.UPSERT;
    EffectiveAvailability availability = EffectiveAvailability.of(listing, today);
    if (listing.status != ListingStatus.PUBLISHED) {
      if (!wasPublic) {
        return null;
      }
      emit(
          listing,
          listing.status == ListingStatus.WITHDRAWN
              ? ListingChanged.WITHDRAWN
              : ListingChanged.DELISTED,
          availability,
          nextRevision(listing),
          List.of());
      return new PendingChange(listing.id, ChangeKind.TOMBSTONE, null);
    }
    VerifiedFacts verified =
        verification.of(
            listing.registrationNumber,
            listing.engagementsCompleted,
            listing.engagementsVerifiedAt);
    if (wasPublic
        && same(
            last.payload(),
            PublicListing.of(listing, verified, availability, listing.publicRevision))) {
      return null;
    }
    long revision = nextRevision(listing);
    emit(
        listing,
        wasPublic ? ListingChanged.CHANGED : ListingChanged.PUBLISHED,
        availability,
        revision,
        verified.groups());
    return new PendingChange(
        listing.id,
        ChangeKind.UPSERT,
        write(PublicListing.of(listing, verified, availability, revision)));
  }

  /**
   * The first entry of a listing that was public before the feed existed: its state now, at its
   * current revision, without an event — its consumers heard of it when it was published.
   */
  PendingChange firstEntry(Listing listing) {
    return new PendingChange(
        listing.id,
        ChangeKind.UPSERT,
        write(
            PublicListing.of(
                listing,
                verification.of(
                    listing.registrationNumber,
                    listing.engagementsCompleted,
                    listing.engagementsVerifiedAt),
                EffectiveAvailability.of(listing, EffectiveAvailability.today(clock)),
                listing.publicRevision)));
  }

  /** Compared as JSON trees: the stored payload went through jsonb, which reorders keys. */
  private boolean same(String stored, PublicListing now) {
    try {
      return stored != null && json.readTree(stored).equals(json.readTree(write(now)));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private long nextRevision(Listing listing) {
    listing.publicRevision =
        ((Number)
                em.createNativeQuery(
                        "UPDATE listing SET public_revision = public_revision + 1 WHERE id = ?1"
                            + " RETURNING public_revision")
                    .setParameter(1, listing.id)
                    .getSingleResult())
            .longValue();
    return listing.publicRevision;
  }

  private void emit(
      Listing listing,
      String type,
      EffectiveAvailability availability,
      long revision,
      List<String> verified) {
    outbox.append(
        ListingChanged.TOPIC,
        listing.id.toString(),
        events.create(
            type,
            listing.id.toString(),
            ListingChanged.SCHEMA,
            ListingChanged.of(listing, availability, revision, verified)));
  }

  private String write(PublicListing representation) {
    try {
      return json.writeValueAsString(representation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write listing " + representation.id(), e);
    }
  }
}
