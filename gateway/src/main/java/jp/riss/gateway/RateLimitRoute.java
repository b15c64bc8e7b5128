package jp.riss.gateway;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.riss.platform.web.HttpOrder;
import org.jboss.logging.Logger;

/**
 * The rate limit as route handlers, so one client cannot starve the others: each proxied request
 * takes a token from its client's bucket or is answered {@code 429} without reaching a service.
 *
 * <p>Contract documents ({@code /openapi/<context>}) are counted too, in buckets of their own with
 * the anonymous limits: they are proxied over the same upstream connection pool as the API, so an
 * unlimited flood of them would starve API traffic, but a tool fetching them must not use up a
 * client's API allowance. The index itself ({@code /openapi}), the portal and the gateway's own
 * refusals are not counted, and health and metrics live on the management port (probes and scrapers
 * must never be turned away); their answers still carry the headers ({@link #install}).
 */
@ApplicationScoped
public class RateLimitRoute {

  private static final Logger LOG = Logger.getLogger(RateLimitRoute.class);

  // draft-ietf-httpapi-ratelimit-headers: the burst, what is left of it, and seconds until full.
  // Names made once with their hash (set on every answer; a String name is hashed on every set).
  static final CharSequence LIMIT = HttpHeaders.createOptimized("RateLimit-Limit");
  static final CharSequence REMAINING = HttpHeaders.createOptimized("RateLimit-Remaining");
  static final CharSequence RESET = HttpHeaders.createOptimized("RateLimit-Reset");

  private static final String DECISION_KEY = "riss.rate-limit.decision";

  private final Vertx vertx;
  private final RateLimitStore store;
  private final GatewayConfig.RateLimit config;
  private final ClientIdentity identity;
  private final GatewayProblems problems;
  private final RateLimitPolicy anonymous;
  private final RateLimitPolicy authenticated;
  private final RateLimitPolicy contracts;
  private final SharedRateLimiter limiter;
  private final boolean shared;
  private final List<Long> timers = new ArrayList<>();
  @Inject RateLimitedCount rateLimited;

  RateLimitRoute(
      Vertx vertx,
      GatewayConfig config,
      ClientIdentity identity,
      GatewayProblems problems,
      RateLimitStore store) {
    this.vertx = vertx;
    this.store = store;
    this.config = config.rateLimit();
    this.identity = identity;
    this.problems = problems;
    this.anonymous = policy("anonymous clients (per address)", this.config.anonymous());
    this.authenticated = policy("authenticated clients (per subject)", this.config.authenticated());
    this.contracts = policy("contract documents (per address)", this.config.anonymous());
    RateLimiter local = new RateLimiter(NanoClock.SYSTEM, this.config.maxClients());
    this.shared = this.config.store() == GatewayConfig.RateLimit.Store.postgres;
    // Store calls block (JDBC): they run on Vert.x's worker pool, unordered, never on an event
    // loop.
    this.limiter =
        new SharedRateLimiter(
            NanoClock.SYSTEM,
            store,
            task -> vertx.executeBlocking(() -> run(task), false),
            local,
            this.config.leaseTtl(),
            this.config.leaseFraction(),
            this.config.leaseWait());
  }

  /**
   * Whether the shared store is in use (false with RATE_LIMIT_STORE=local, or while it is down).
   */
  public boolean storeUp() {
    return limiter.storeUp();
  }

  /** Whether the limits are meant to be shared (RATE_LIMIT_STORE=postgres). */
  public boolean sharedStore() {
    return config.enabled() && shared;
  }

  /** Lease requests sent to the store by this replica. */
  public long leaseRequests() {
    return limiter.leaseRequests();
  }

  @PostConstruct
  void startSweeping() {
    if (!config.enabled()) {
      return;
    }
    // The sweep walks every tracked client, so it runs on a worker, never on an event loop.
    every(config.sweepInterval(), this::sweep);
    if (shared) {
      // Until the store has answered once, requests count locally. It is first tried one retry
      // interval after start-up, not during it: connecting and Flyway's schema check cost about
      // half a second of CPU, which start-up (and readiness) must not share.
      every(config.storeRetryInterval(), limiter::check);
      every(config.storeCleanupInterval(), this::cleanStore);
    }
  }

  @PreDestroy
  void stopSweeping() {
    // Vert.x outlives the application in dev mode; its timers must not outlive the limiter.
    timers.forEach(vertx::cancelTimer);
  }

  private void every(Duration interval, Runnable work) {
    timers.add(
        vertx.setPeriodic(
            interval.toMillis(), id -> vertx.executeBlocking(() -> run(work), false)));
  }

  private static Void run(Runnable work) {
    work.run();
    return null;
  }

  /**
   * Deletes the store's rows of buckets that are full again (any replica may; it is idempotent).
   */
  private void cleanStore() {
    if (!limiter.storeUp()) {
      return;
    }
    try {
      int deleted = store.deleteFullBuckets();
      LOG.tracef("rate-limit store cleanup deleted %d full buckets", deleted);
    } catch (Exception e) {
      // The next lease notices an outage; a failed cleanup only leaves rows for the next one.
      LOG.debugf("rate-limit store cleanup failed: %s", e);
    }
  }

  /** For {@code /api/v1/<context>/**}; must run after {@link EdgeAuthentication}. */
  public Handler<RoutingContext> api() {
    if (!config.enabled()) {
      return RoutingContext::next;
    }
    return ctx -> {
      ClientIdentity.Client client = identity.of(ctx);
      limit(ctx, client.key(), client.authenticated() ? authenticated : anonymous);
    };
  }

  /** For {@code /openapi/<context>}: no token is checked there, so always by address. */
  public Handler<RoutingContext> contracts() {
    if (!config.enabled()) {
      return RoutingContext::next;
    }
    return ctx -> limit(ctx, "contracts|" + identity.of(ctx).key(), contracts);
  }

  /**
   * Every answer on the public port carries the RateLimit headers, the gateway's own problems (404,
   * 413, 414, 431, 503, ...) and pages included. A limited route leaves its decision in the
   * context; elsewhere they show the caller's address allowance without counting the request.
   */
  void install(@Observes Router router) {
    if (!config.enabled()) {
      return;
    }
    router.route().order(HttpOrder.REQUEST_ID - 1).handler(this::headers);
  }

  private void headers(RoutingContext ctx) {
    // Set at the last moment, like the request id, so they are on every answer (a service's,
    // a 503 of UpstreamFailures, our 429) and a service's own RateLimit headers cannot replace
    // them.
    ctx.addHeadersEndHandler(
        v -> {
          TokenBucket.Decision decision = ctx.get(DECISION_KEY);
          if (decision == null) {
            decision = limiter.peek("address:" + identity.address(ctx), anonymous);
          }
          ctx.response()
              .headers()
              .set(LIMIT, Integer.toString(decision.limit()))
              .set(REMAINING, Integer.toString(decision.remaining()))
              .set(RESET, Long.toString(decision.resetSeconds()));
        });
    ctx.next();
  }

  private void limit(RoutingContext ctx, String client, RateLimitPolicy policy) {
    CompletableFuture<TokenBucket.Decision> decision = limiter.acquire(client, policy);
    if (decision.isDone()) {
      // The usual case: the client's lease (or the local bucket) decided at once.
      decide(ctx, decision.join(), client, policy);
      return;
    }
    // Waiting for a lease (a client's first request here after a quiet spell): the event loop goes
    // on with other requests, and this one continues on its own context when the lease arrives.
    Context context = ctx.vertx().getOrCreateContext();
    decision.thenAccept(
        d ->
            context.runOnContext(
                v -> {
                  try {
                    decide(ctx, d, client, policy);
                  } catch (RuntimeException e) {
                    ctx.fail(e); // outside the router's own call: hand it the failure
                  }
                }));
  }

  private void decide(
      RoutingContext ctx, TokenBucket.Decision decision, String client, RateLimitPolicy policy) {
    ctx.put(DECISION_KEY, decision);
    if (decision.allowed()) {
      ctx.next();
      return;
    }
    long retryAfter = decision.retryAfterSeconds();
    rateLimited.add(policy == authenticated);
    LOG.debugf("rate limited %s on %s", client, ctx.request().path());
    // EdgeAuthentication paused the body; left unread it would stall the connection.
    ctx.request().resume();
    problems.send(
        ctx,
        GatewayProblems.Kind.RATE_LIMITED,
        "Rate limit for "
            + policy.describe()
            + ". Retry in "
            + retryAfter
            + " s; the RateLimit-* headers tell how to pace requests.",
        MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
  }

  private void sweep() {
    int forgotten = limiter.sweep();
    long overflowed = limiter.takeOverflowed();
    if (overflowed > 0) {
      LOG.warnf(
          "rate limit tracks %d clients (max-clients %d): %d requests from further clients shared"
              + " one bucket since the last sweep",
          limiter.trackedClients(), limiter.maxClients(), overflowed);
    }
    LOG.tracef("rate limit sweep forgot %d idle clients", forgotten);
  }

  private static RateLimitPolicy policy(String who, GatewayConfig.RateLimit.Bucket bucket) {
    return new RateLimitPolicy(who, bucket.requestsPerSecond(), bucket.burst());
  }
}
