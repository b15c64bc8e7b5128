package jp.riss.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.riss.platform.testing.DevJwtResource;
import jp.riss.platform.testing.LogCapture;
import jp.riss.platform.testing.Metrics;
import jp.riss.platform.testing.PostgresResource;
import jp.riss.platform.testing.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits shared by gateway replicas through PostgreSQL. The running gateway is one replica,
 * driven over HTTP; a second {@link SharedRateLimiter} with lease state of its own, bound to the
 * same database through the same {@link RateLimitStore}, is another replica (what a second gateway
 * process would run per request). The authenticated limit is 6 at once and refills once per 100 s,
 * so no test sees a refill unless it waits for one; each test uses its own subjects.
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.Shared.class)
@WithTestResource(value = DevJwtResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(EchoUpstreams.class)
@WithTestResource(
    value = PostgresResource.class,
    initArgs = @ResourceArg(name = "database", value = "gateway_test"))
class SharedRateLimitTest {

  static final int BURST = 6;
  static final RateLimitPolicy AUTHENTICATED =
      new RateLimitPolicy("authenticated clients (per subject)", 0.01, BURST);

  public static class Shared implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "riss.gateway.rate-limit.store", "postgres",
          "riss.gateway.rate-limit.authenticated.requests-per-second", "0.01",
          "riss.gateway.rate-limit.authenticated.burst", String.valueOf(BURST),
          // Leases of 2 tokens, kept long enough that a slow test machine never sees one expire.
          "riss.gateway.rate-limit.lease-fraction", "0.34",
          "riss.gateway.rate-limit.lease-ttl", "60s",
          "riss.gateway.rate-limit.lease-wait", "5s",
          "riss.gateway.rate-limit.store-retry-interval", "200ms");
    }
  }

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool();

  @TestHTTPResource(value = "/", management = true)
  URL management;

  @Inject RateLimitStore store;
  @Inject AgroalDataSource dataSource;

  @ConfigProperty(name = "quarkus.datasource.username")
  String role;

  @BeforeEach
  void storeInUse() {
    await().atMost(Duration.ofSeconds(30)).until(() -> storeUp() == 1.0);
  }

  @AfterAll
  static void stopWorkers() {
    WORKERS.shutdownNow();
  }

  @Test
  void twoReplicasTogetherAllowTheLimitOnceNotTwice() {
    String subject = unique();
    SharedRateLimiter other = replica(NanoClock.SYSTEM, Duration.ofSeconds(60));

    // The other replica serves three of the client's requests first ...
    for (int i = 0; i < 3; i++) {
      assertTrue(other.acquire("subject:" + subject, AUTHENTICATED).join().allowed());
    }
    // ... so this one, knowing the shared bucket, announces at most what is left of it (with one
    // bucket per replica it would announce 5). The other replica still holds leased tokens.
    int allowed = 0;
    Response first = call(subject);
    assertEquals(200, first.statusCode());
    allowed++;
    assertEquals(String.valueOf(BURST), first.header("RateLimit-Limit"));
    assertTrue(
        Integer.parseInt(first.header("RateLimit-Remaining")) <= BURST - 3 - 1,
        "Remaining " + first.header("RateLimit-Remaining"));

    double limitedBefore = rateLimited();
    int refusals = 0;
    for (int i = 0; i < 2 * BURST && refusals == 0; i++) {
      Response response = call(subject);
      if (response.statusCode() == 200) {
        allowed++;
      } else {
        refusals++;
        response
            .then()
            .statusCode(429)
            .contentType(GatewayProblems.MEDIA_TYPE)
            .header("RateLimit-Remaining", "0")
            .body("type", equalTo("https://riss.example/problems/rate-limited"))
            .body("detail", containsString("authenticated"));
        assertTrue(Long.parseLong(response.header("Retry-After")) >= 1);
      }
    }
    assertEquals(1, refusals, "this replica refuses once the shared bucket is empty");
    assertEquals(limitedBefore + 1, rateLimited(), "riss_gateway_rate_limited_total counts it");
    // Both replicas together: exactly the burst, less what the other still holds unused.
    int otherMore = 0;
    while (other.acquire("subject:" + subject, AUTHENTICATED).join().allowed()) {
      otherMore++;
    }
    assertEquals(BURST, 3 + allowed + otherMore, "one budget for both replicas");
  }

  @Test
  void requestsOnBothReplicasInTurnNeverExceedTheLimit() {
    String subject = unique();
    SharedRateLimiter other = replica(NanoClock.SYSTEM, Duration.ofSeconds(60));
    int allowed = 0;
    for (int i = 0; i < 2 * BURST; i++) {
      if (call(subject).statusCode() == 200) {
        allowed++;
      }
      if (other.acquire("subject:" + subject, AUTHENTICATED).join().allowed()) {
        allowed++;
      }
    }
    // Per-replica buckets would allow 12. Tokens one replica leased but did not use (at most one
    // lease each, and they expire after lease-ttl) are the only shortfall.
    assertTrue(allowed <= BURST, allowed + " allowed");
    assertTrue(allowed >= BURST - 2 * 2, allowed + " allowed");
  }

  @Test
  void aLeaseServesSeveralRequestsAndExpiresUnused() {
    FakeClock clock = new FakeClock();
    SharedRateLimiter replica = replica(clock, Duration.ofSeconds(1));
    // Burst 20: leases of 6 tokens (0.34 of it).
    RateLimitPolicy policy = new RateLimitPolicy("lease test", 0.01, 20);
    String client = "subject:" + unique();

    TokenBucket.Decision first = replica.acquire(client, policy).join();
    assertTrue(first.allowed());
    assertEquals(19, first.remaining(), "5 leased here + 14 left in the shared bucket");
    assertTrue(replica.acquire(client, policy).join().allowed());
    assertEquals(1, replica.leaseRequests(), "the second request is served from the lease");

    // A lease not used within lease-ttl is dropped: its tokens stay spent in the shared bucket,
    // so the next request asks the store again and finds 6 + 6 gone.
    clock.advance(Duration.ofSeconds(2));
    TokenBucket.Decision later = replica.acquire(client, policy).join();
    assertTrue(later.allowed());
    assertEquals(2, replica.leaseRequests());
    assertEquals(13, later.remaining(), "5 leased here + 8 left in the shared bucket");
  }

  @Test
  void aSteadyClientRenewsOncePerLeaseNotOncePerTwoRequests() {
    FakeClock clock = new FakeClock();
    // The production defaults: leases of a tenth of the burst (10 of 100) living 10 s.
    SharedRateLimiter replica = replica(clock, Duration.ofSeconds(10), 0.1);
    RateLimitPolicy policy = new RateLimitPolicy("steady test", 50, 100);
    String client = "subject:" + unique();

    // Four requests a second for 15 s (what each company of the guide benchmark sends). With
    // leases lapsing after 500 ms, every other request would ask the store.
    for (int i = 0; i < 60; i++) {
      assertTrue(replica.acquire(client, policy).join().allowed());
      clock.advance(Duration.ofMillis(250));
    }
    // The first lease, then one each time half a lease is left (requests 5, 15, ..., 55).
    assertEquals(7, replica.leaseRequests(), "one round trip per lease of 10 requests");
  }

  @Test
  void twoReplicasExceedTheLimitByNoMoreThanTheTokensTheyHeldAtAWindowsStart() throws Exception {
    SharedRateLimiter one = replica(NanoClock.SYSTEM, Duration.ofSeconds(60), 0.1);
    SharedRateLimiter two = replica(NanoClock.SYSTEM, Duration.ofSeconds(60), 0.1);
    // Leases of 6 tokens (a tenth of 60); no refill within the test (one token per 100 s).
    int burst = 60;
    int lease = 6;
    RateLimitPolicy policy = new RateLimitPolicy("excess test", 0.01, burst);
    String client = "subject:" + unique();

    // The client spends a little on both replicas; each then holds leased tokens.
    for (int i = 0; i < 5; i++) {
      assertTrue(one.acquire(client, policy).join().allowed());
      assertTrue(two.acquire(client, policy).join().allowed());
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !one.leasing(client) && !two.leasing(client));
    int heldOne = one.held(client);
    int heldTwo = two.held(client);
    assertTrue(
        heldOne > 0 && heldOne <= lease + lease / 2, "a lease and a half at most: " + heldOne);
    assertTrue(
        heldTwo > 0 && heldTwo <= lease + lease / 2, "a lease and a half at most: " + heldTwo);

    // A window starts with the shared bucket full again (a row-less bucket: what a quiet spell
    // leaves, and what the cleanup turns it into). In it the client, asking both replicas as fast
    // as it can, gets the bucket plus exactly what the replicas held at the window's start.
    deleteRow(client);
    int inWindow = 0;
    for (int i = 0; i < burst; i++) {
      inWindow += one.acquire(client, policy).join().allowed() ? 1 : 0;
      inWindow += two.acquire(client, policy).join().allowed() ? 1 : 0;
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !one.leasing(client) && !two.leasing(client));
    assertEquals(
        burst + heldOne + heldTwo,
        inWindow + one.held(client) + two.held(client),
        "the bucket and the tokens held at the window's start, served or still held");
    assertTrue(inWindow > burst, "the held tokens are the excess: " + inWindow);
    assertTrue(inWindow <= burst + 2 * (lease + lease / 2), inWindow + " in the window");
  }

  @Test
  void anEmptyBucketRefillsOverTimeAndIsNotAskedAgainBeforeItCan() {
    FakeClock clock = new FakeClock();
    SharedRateLimiter replica = replica(clock, Duration.ofSeconds(60));
    // Two at once, then one every 200 ms (the store's clock refills it, the one every replica
    // shares); leases of one token.
    RateLimitPolicy policy = new RateLimitPolicy("refill test", 5, 2);
    String client = "address:" + unique();
    while (replica.acquire(client, policy).join().allowed()) {
      clock.advance(Duration.ofMillis(1));
    }

    TokenBucket.Decision refused = replica.acquire(client, policy).join();
    assertFalse(refused.allowed());
    assertEquals(1, refused.retryAfterSeconds(), "whole seconds, at least 1");
    long asked = replica.leaseRequests();
    for (int i = 0; i < 20; i++) {
      assertFalse(replica.acquire(client, policy).join().allowed());
    }
    assertEquals(asked, replica.leaseRequests(), "a refused client costs no round trip");

    // Once the replica's clock says a token is back, it asks; the shared bucket has refilled.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              clock.advance(Duration.ofMillis(250));
              return replica.acquire(client, policy).join().allowed();
            });
  }

  @Test
  void rowsOfBucketsThatAreFullAgainAreDeleted() throws SQLException {
    SharedRateLimiter replica = replica(NanoClock.SYSTEM, Duration.ofSeconds(60));
    String busy = "subject:" + unique();
    String quick = "subject:" + unique();
    assertTrue(replica.acquire(busy, AUTHENTICATED).join().allowed());
    // 1000 per second: full again within milliseconds of its lease.
    assertTrue(replica.acquire(quick, new RateLimitPolicy("quick", 1000, 2)).join().allowed());
    assertTrue(rowExists(busy) && rowExists(quick));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              store.deleteFullBuckets();
              return !rowExists(quick);
            });
    assertTrue(rowExists(busy), "a bucket still refilling keeps its row");
  }

  @Test
  void withTheStoreUnreachableEachReplicaLimitsOnItsOwnUntilItIsBack() {
    try (LogCapture log = LogCapture.of(SharedRateLimiter.class.getName())) {
      try {
        // The gateway's role may no longer log in, and its open connections are cut.
        Superuser.sql("ALTER ROLE " + role + " NOLOGIN");
        Superuser.sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
                + role
                + "'");
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> {
                  assertEquals(200, call(unique()).statusCode(), "served all the same");
                  return storeUp() == 0.0;
                });

        // Limited all the same, by this replica's own bucket: the configured burst, then 429.
        String subject = unique();
        for (int i = 0; i < BURST; i++) {
          assertEquals(200, call(subject).statusCode());
        }
        call(subject).then().statusCode(429).header("RateLimit-Remaining", "0");
        for (int i = 0; i < 5; i++) {
          call(unique()).then().statusCode(200);
        }
        assertEquals(
            1,
            log.records().stream().filter(r -> r.message().contains("unreachable")).count(),
            "logged once per outage");
      } finally {
        Superuser.sql("ALTER ROLE " + role + " LOGIN");
      }

      await().atMost(Duration.ofSeconds(30)).until(() -> storeUp() == 1.0);
      assertTrue(
          log.records().stream().anyMatch(r -> r.message().contains("reachable again")),
          "its return is logged");
    }
    // The shared budget applies again: what another replica spends, this one refuses.
    SharedRateLimiter other = replica(NanoClock.SYSTEM, Duration.ofSeconds(60));
    String subject = unique();
    for (int i = 0; i < BURST; i++) {
      assertTrue(other.acquire("subject:" + subject, AUTHENTICATED).join().allowed());
    }
    call(subject).then().statusCode(429);
  }

  /** Another gateway replica: lease state of its own, the same store. */
  private SharedRateLimiter replica(NanoClock clock, Duration leaseTtl) {
    return replica(clock, leaseTtl, 0.34);
  }

  private SharedRateLimiter replica(NanoClock clock, Duration leaseTtl, double leaseFraction) {
    SharedRateLimiter replica =
        new SharedRateLimiter(
            clock,
            store,
            WORKERS,
            new RateLimiter(clock, 1000),
            leaseTtl,
            leaseFraction,
            Duration.ofSeconds(5));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              replica.check();
              return replica.storeUp();
            });
    return replica;
  }

  private void deleteRow(String client) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM rate_limit_bucket WHERE client_key = ?")) {
      delete.setBytes(1, RateLimitStore.key(client));
      assertEquals(1, delete.executeUpdate());
    }
  }

  private boolean rowExists(String client) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM rate_limit_bucket WHERE client_key = ?")) {
      query.setBytes(1, RateLimitStore.key(client));
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static Response call(String subject) {
    return given()
        .header("Authorization", "Bearer " + Tokens.of("specialist", subject))
        .get("/api/v1/guide/steps");
  }

  private double storeUp() {
    Double value = Metrics.value(management, "riss_gateway_rate_limit_store_up", Map.of());
    return value == null ? -1 : value;
  }

  private double rateLimited() {
    return Metrics.count(
        management, "riss_gateway_rate_limited_total", Map.of("class", "authenticated"));
  }

  private static String unique() {
    return "shared-" + UUID.randomUUID();
  }
}
