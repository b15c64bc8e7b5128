package jp.riss.activelist.inquiry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every committed change of a listing's load tells in-process views (the search index) once. */
@QuarkusTest
class ListingLoadSignalTest {

  @Inject TouchedListings touched;

  @Test
  void sendingAndDecliningEachSignalTheListingAndARefusalDoesNot() {
    String listing = Matching.publishedListing("sig-spec-a", "capacity", 1);
    int before = touched.of(listing);

    String id = Matching.sent("sig-sme-a", listing, false);
    await().atMost(Duration.ofSeconds(5)).until(() -> touched.of(listing) == before + 1);

    Matching.send("company", "sig-sme-b", Matching.inquiry(listing, Matching.sme(), false))
        .statusCode(409);
    Matching.act("specialist", "sig-spec-a", id, "decline", Map.of("reason", "schedule"))
        .statusCode(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> touched.of(listing) == before + 2);
    assertEquals(before + 2, touched.of(listing), "the refused inquiry committed nothing");
  }
}
