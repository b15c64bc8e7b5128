package jp.riss.activelist.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Writes and reads the change history of listings. */
@ApplicationScoped
public class ListingHistory {

  /** The actor of changes made by the service itself (imports, schedules, consumed events). */
  public record Actor(String subject, String role) {
    public static Actor system(String what) {
      return new Actor(what, "system");
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      UUID listingId,
      Actor actor,
      String action,
      Map<String, ListingHistoryEntry.FieldChange> changes,
      String reason,
      OffsetDateTime at) {
    ListingHistoryEntry entry = new ListingHistoryEntry();
    entry.listingId = listingId;
    entry.at = at;
    entry.actor = actor.subject();
    entry.actorRole = actor.role();
    entry.action = action;
    entry.changes = changes == null ? Map.of() : changes;
    entry.reason = reason;
    entry.persist();
  }

  public List<ListingHistoryEntry> of(UUID listingId, long afterId, int limit) {
    return ListingHistoryEntry.find("listingId = ?1 and id > ?2 order by id", listingId, afterId)
        .page(0, limit)
        .list();
  }

  /** The components of two records of one type that differ, with their old and new values. */
  public static Map<String, ListingHistoryEntry.FieldChange> diff(Record before, Record after) {
    Map<String, ListingHistoryEntry.FieldChange> changes = new LinkedHashMap<>();
    for (RecordComponent component : after.getClass().getRecordComponents()) {
      Object from = before == null ? null : value(component, before);
      Object to = value(component, after);
      if (!Objects.equals(from, to)) {
        changes.put(component.getName(), new ListingHistoryEntry.FieldChange(from, to));
      }
    }
    return changes;
  }

  private static Object value(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
