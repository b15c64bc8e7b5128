package jp.riss.activelist.inquiry;

import static io.restassured.RestAssured.given;
import static jp.riss.activelist.inquiry.Matching.INQUIRIES;
import static jp.riss.activelist.inquiry.Matching.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Racing requests never count an inquiry twice: the listing's load stays exact. */
@QuarkusTest
class InquiryConcurrencyTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void twoAcceptsRacingGiveOneAcceptanceAndOneConflict() throws Exception {
    String listing = Matching.publishedListing("race-spec-a");
    String id = Matching.sent("race-sme-a", listing, false);
    String etag = Matching.etag(INQUIRIES + "/" + id, "specialist", "race-spec-a");

    List<Integer> statuses = race(2, () -> post("race-spec-a", etag, id, "accept", null));

    assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
    assertEquals(1, Matching.openInquiries(dataSource, listing));
  }

  @Test
  void twoDeclinesRacingFreeThePlaceOnce() throws Exception {
    String listing = Matching.publishedListing("race-spec-b");
    String first = Matching.sent("race-sme-b", listing, false);
    Matching.sent("race-sme-c", listing, false);
    assertEquals(2, Matching.openInquiries(dataSource, listing));
    String etag = Matching.etag(INQUIRIES + "/" + first, "specialist", "race-spec-b");

    List<Integer> statuses =
        race(2, () -> post("race-spec-b", etag, first, "decline", Map.of("reason", "schedule")));

    assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
    assertEquals(1, Matching.openInquiries(dataSource, listing));
  }

  @Test
  void inquiriesRacingForTheLastPlaceTakeItOnce() throws Exception {
    String listing = Matching.publishedListing("race-spec-c", "capacity", 2);
    Matching.sent("race-sme-d", listing, false);

    List<Integer> statuses =
        race(
            3,
            () ->
                given()
                    .header("Authorization", bearer("company", "race-sme-e"))
                    .contentType(ContentType.JSON)
                    .body(Matching.inquiry(listing, Matching.sme(), false))
                    .post(INQUIRIES)
                    .statusCode());

    assertEquals(List.of(201, 409, 409), statuses.stream().sorted().toList());
    assertEquals(2, Matching.openInquiries(dataSource, listing));
  }

  private static int post(String specialist, String etag, String id, String action, Object body) {
    var request =
        given().header("Authorization", bearer("specialist", specialist)).header("If-Match", etag);
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    return request.post(INQUIRIES + "/" + id + "/" + action).statusCode();
  }

  /** Starts n copies of a request at once and returns their statuses. */
  private static List<Integer> race(int n, Callable<Integer> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
