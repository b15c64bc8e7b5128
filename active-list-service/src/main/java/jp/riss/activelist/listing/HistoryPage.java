package jp.riss.activelist.listing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.riss.activelist.history.ListingHistoryEntry;

/** A page of a listing's change history, oldest first. */
public record HistoryPage(List<Entry> items, String next) {

  /** One change: who (account and role), what (fields before and after), when, why. */
  public record Entry(
      long id,
      OffsetDateTime at,
      String actor,
      String actorRole,
      String action,
      Map<String, ListingHistoryEntry.FieldChange> changes,
      String reason) {

    static Entry of(ListingHistoryEntry e) {
      return new Entry(e.id, e.at, e.actor, e.actorRole, e.action, e.changes, e.reason);
    }
  }
}
