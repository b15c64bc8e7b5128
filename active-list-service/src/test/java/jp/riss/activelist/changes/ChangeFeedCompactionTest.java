package jp.riss.activelist.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * After a month the feed keeps only each listing's latest entry: edits older than that are
 * compacted away, the latest state and every tombstone stay, recent history is untouched, and a CRM
 * syncing afresh sees exactly what it saw before.
 */
@QuarkusTest
class ChangeFeedCompactionTest {

  @Inject EntityManager em;
  @Inject ChangeFeedCompaction compaction;

  @Test
  void oldSupersededEntriesGoLatestStatesTombstonesAndRecentHistoryStay() {
    String edited = CrmListings.published("compact-a", "圧縮 一郎", false);
    CrmListings.rename("compact-a", edited, "圧縮 二郎", false);
    CrmListings.rename("compact-a", edited, "圧縮 三郎", false);
    String gone = CrmListings.published("compact-b", "圧縮 撤回", false);
    CrmListings.withdraw("compact-b", gone);
    String recent = CrmListings.published("compact-c", "圧縮 最近", false);
    CrmListings.rename("compact-c", recent, "圧縮 最新", false);
    backdate(edited, 40);
    backdate(gone, 40);
    List<String> before = kinds(recent);
    Map<String, Object> latestBefore = latestInASnapshot(edited);

    int removed = compaction.compact(OffsetDateTime.now().minusDays(30));

    assertTrue(removed >= 3, "at least the two superseded edits and the withdrawn upsert");
    assertEquals(List.of("UPSERT"), kinds(edited), "only the latest state");
    assertEquals(List.of("TOMBSTONE"), kinds(gone), "the tombstone stays");
    assertEquals(before, kinds(recent), "the last month is untouched");
    assertEquals(latestBefore, latestInASnapshot(edited));
    assertEquals("圧縮 三郎", ChangeFeedTest.declared(latestInASnapshot(edited)).get("displayName"));
  }

  private void backdate(String listing, int days) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE listing_change SET committed_at = now() - make_interval(days => :d)"
                            + " WHERE listing_id = :id")
                    .setParameter("d", days)
                    .setParameter("id", UUID.fromString(listing))
                    .executeUpdate());
  }

  @SuppressWarnings("unchecked")
  private List<String> kinds(String listing) {
    return em.createNativeQuery(
            "SELECT kind FROM listing_change WHERE listing_id = :id ORDER BY seq")
        .setParameter("id", UUID.fromString(listing))
        .getResultList();
  }

  private static Map<String, Object> latestInASnapshot(String listing) {
    List<Map<String, Object>> entries =
        ChangeFeedTest.of(ChangeFeedTest.readUntilCaughtUp(null, 500), listing);
    return entries.get(entries.size() - 1);
  }
}
