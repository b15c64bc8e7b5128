package jp.riss.community.showcase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.community.support.Secrets;
import jp.riss.community.support.Times;
import jp.riss.platform.feed.CommitOrderedLog;
import jp.riss.platform.feed.FeedPosition;
import jp.riss.platform.web.Cursors;
import jp.riss.platform.web.Keyset;

/**
 * The public showcase as stored by {@link ShowcaseFeed}: pages of what is public now, newest first,
 * and the change feed portals keep their copies with.
 */
@ApplicationScoped
public class Showcase {

  /** A page of the showcase; {@code etag} is the digest of exactly this body. */
  public record Page(List<JsonNode> items, String next) {}

  public record Tagged(Page page, String etag) {}

  /** One feed entry: an UPSERT carries the item, a TOMBSTONE only its id. */
  public record Change(
      long seq, String kind, UUID itemId, OffsetDateTime committedAt, JsonNode item) {}

  public record Changes(
      List<Change> items, String cursor, String next, boolean snapshot, boolean caughtUp) {}

  @Inject EntityManager em;
  @Inject ObjectMapper json;
  @Inject ShowcaseFeed feed;

  public Tagged page(Keyset after, int limit, UriInfo uri) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        (after == null
                ? em.createNativeQuery(
                    "SELECT achievement_id, published_at, payload::text FROM showcase_item"
                        + " ORDER BY published_at DESC, achievement_id DESC LIMIT ?1")
                : em.createNativeQuery(
                        "SELECT achievement_id, published_at, payload::text FROM showcase_item"
                            + " WHERE (published_at, achievement_id) < (?2, ?3)"
                            + " ORDER BY published_at DESC, achievement_id DESC LIMIT ?1")
                    .setParameter(2, after.at())
                    .setParameter(3, after.id()))
            .setParameter(1, limit + 1)
            .getResultList();
    Keyset.Page<JsonNode> shown =
        Keyset.page(rows, limit, r -> Times.of(r[1]), r -> (UUID) r[0])
            .map(r -> tree((String) r[2]));
    Page page = new Page(shown.items(), shown.nextLink(uri));
    try {
      return new Tagged(page, Secrets.sha256(json.writeValueAsString(page)).substring(0, 32));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Changes changes(String cursor, int limit, UriInfo uri) {
    CommitOrderedLog.Page page = feed.log().read(FeedPosition.decode(cursor), limit);
    List<Change> items =
        page.entries().stream()
            .map(
                e ->
                    new Change(
                        e.seq(),
                        e.kind(),
                        e.key(),
                        e.committedAt(),
                        e.payload() == null ? null : tree(e.payload())))
            .toList();
    return new Changes(
        items,
        Cursors.encode(page.next()),
        Cursors.nextLink(uri, page.next()),
        page.snapshot(),
        page.caughtUp());
  }

  private JsonNode tree(String payload) {
    try {
      return json.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a showcase item", e);
    }
  }
}
