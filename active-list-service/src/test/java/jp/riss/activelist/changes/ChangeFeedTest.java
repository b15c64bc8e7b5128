package jp.riss.activelist.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.riss.platform.testing.Contracts;
import jp.riss.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

/** What a support body's CRM sees when it syncs the list: a snapshot, then every change. */
@QuarkusTest
class ChangeFeedTest {

  /** A CRM's whole read from a cursor until caught up, page by page as it would. */
  record Read(List<Map<String, Object>> entries, List<Boolean> snapshotFlags, String cursor) {}

  static Read readUntilCaughtUp(String cursor, int limit) {
    List<Map<String, Object>> entries = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    String at = cursor;
    for (int pages = 0; pages < 10_000; pages++) {
      var request =
          given()
              .filter(Contracts.validator())
              .header("Authorization", "Bearer " + Tokens.of("support-body", "cci-kyoto"))
              .queryParam("limit", limit);
      if (at != null) {
        request.queryParam("cursor", at);
      }
      JsonPath page = request.get(CrmListings.CHANGES).then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      entries.addAll(items);
      items.forEach(i -> flags.add(page.getBoolean("snapshot")));
      at = page.getString("cursor");
      assertTrue(page.getString("next").startsWith(CrmListings.CHANGES + "?"));
      if (page.getBoolean("caughtUp")) {
        return new Read(entries, flags, at);
      }
    }
    throw new AssertionError("the feed never caught up");
  }

  static List<Map<String, Object>> of(Read read, String listingId) {
    return read.entries().stream().filter(e -> listingId.equals(e.get("listingId"))).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> listing(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("listing");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> declared(Map<String, Object> entry) {
    return (Map<String, Object>) listing(entry).get("selfDeclared");
  }

  @Test
  void aSnapshotOfPublishedListingsThenEveryChangeWithoutGaps() {
    String open = CrmListings.published("crm-a", "公開 連絡", true);
    String closed = CrmListings.published("crm-b", "非公開 連絡", false);
    String gone = CrmListings.published("crm-c", "撤回 済み", false);
    CrmListings.withdraw("crm-c", gone);
    String draft = CrmListings.draft("crm-d", "下書き のみ", true);

    // Start the snapshot, then change things while it is being paged.
    JsonPath first =
        given()
            .filter(Contracts.validator())
            .header("Authorization", "Bearer " + Tokens.of("support-body", "cci-kyoto"))
            .queryParam("limit", 1)
            .get(CrmListings.CHANGES)
            .then()
            .statusCode(200)
            .body("snapshot", equalTo(true))
            .extract()
            .jsonPath();
    CrmListings.rename("crm-b", closed, "非公開 改名", false);
    String late = CrmListings.published("crm-e", "途中 公開", false);
    Read rest = readUntilCaughtUp(first.getString("cursor"), 2);
    List<Map<String, Object>> all = new ArrayList<>(first.getList("items"));
    all.addAll(rest.entries());
    List<Boolean> flags = new ArrayList<>();
    first.getList("items").forEach(i -> flags.add(true));
    flags.addAll(rest.snapshotFlags());
    Read read = new Read(all, flags, rest.cursor());

    // The snapshot: each published listing once, as it was when the snapshot began.
    List<Map<String, Object>> snapshot =
        java.util.stream.IntStream.range(0, all.size())
            .filter(flags::get)
            .mapToObj(all::get)
            .toList();
    assertEquals(1, snapshot.stream().filter(e -> open.equals(e.get("listingId"))).count());
    Map<String, Object> closedInSnapshot =
        snapshot.stream().filter(e -> closed.equals(e.get("listingId"))).findFirst().orElseThrow();
    assertEquals("非公開 連絡", declared(closedInSnapshot).get("displayName"));
    assertTrue(snapshot.stream().noneMatch(e -> gone.equals(e.get("listingId"))), "withdrawn");
    assertTrue(snapshot.stream().noneMatch(e -> late.equals(e.get("listingId"))), "later");
    assertTrue(snapshot.stream().allMatch(e -> "UPSERT".equals(e.get("kind"))));

    // After it, what changed while it was paged: nothing is missed.
    List<Map<String, Object>> closedEntries = of(read, closed);
    assertEquals(
        "非公開 改名", declared(closedEntries.get(closedEntries.size() - 1)).get("displayName"));
    assertEquals(1, of(read, late).size());
    assertFalse(flags.get(all.indexOf(of(read, late).get(0))), "a change after the snapshot");
    assertTrue(of(read, draft).isEmpty(), "drafts are never in the feed");

    // Contact details only where the specialist made them public; never internal state.
    Map<String, Object> openEntry = of(read, open).get(0);
    assertEquals("crm@example.jp", ((Map<?, ?>) declared(openEntry).get("contact")).get("email"));
    assertNull(declared(closedInSnapshot).get("contact"));
    for (Map<String, Object> entry : all) {
      if (entry.get("listing") != null) {
        assertFalse(listing(entry).containsKey("statusReason"));
        assertFalse(listing(entry).containsKey("ownerSubject"));
        assertFalse(listing(entry).containsKey("status"));
      }
    }

    // Seq strictly increasing over the incremental part.
    List<Long> seqs =
        java.util.stream.IntStream.range(0, all.size())
            .filter(i -> !flags.get(i))
            .mapToObj(i -> ((Number) all.get(i).get("seq")).longValue())
            .toList();
    for (int i = 1; i < seqs.size(); i++) {
      assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "dense and in order");
    }

    // Then, incrementally: an edit is an upsert, a withdrawal a tombstone.
    CrmListings.rename("crm-a", open, "公開 改名", false);
    CrmListings.withdraw("crm-a", open);
    Read after = readUntilCaughtUp(read.cursor(), 100);
    List<Map<String, Object>> changes = of(after, open);
    assertEquals(2, changes.size());
    assertEquals("UPSERT", changes.get(0).get("kind"));
    assertEquals("公開 改名", declared(changes.get(0)).get("displayName"));
    assertNull(declared(changes.get(0)).get("contact"), "contact no longer public");
    assertEquals("TOMBSTONE", changes.get(1).get("kind"));
    assertNull(changes.get(1).get("listing"));

    // Caught up: the same cursor gives nothing more, and says so.
    Read again = readUntilCaughtUp(after.cursor(), 100);
    assertTrue(again.entries().isEmpty());
    assertEquals(after.cursor(), again.cursor());
  }

  @Test
  void withdrawingADraftThatWasNeverPublishedLeavesNoTrace() {
    String before = readUntilCaughtUp(null, 500).cursor();
    String draft = CrmListings.draft("crm-f", "未公開 撤回", false);
    CrmListings.withdraw("crm-f", draft);
    assertTrue(of(readUntilCaughtUp(before, 100), draft).isEmpty());
  }

  @Test
  void badCursorsAndLimitsAreProblemsNamingTheParameter() {
    for (String[] bad :
        new String[][] {
          {"cursor", "not-a-cursor"},
          {"cursor", "eyJhZnRlciI6LTF9"}, // {"after":-1}
          {"limit", "0"},
          {"limit", "501"},
          {"limit", "many"}
        }) {
      given()
          .filter(Contracts.responseValidator())
          .header("Authorization", "Bearer " + Tokens.of("ipa-admin", "admin"))
          .queryParam(bad[0], bad[1])
          .get(CrmListings.CHANGES)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("violations.field", hasItem(bad[0]));
    }
  }
}
