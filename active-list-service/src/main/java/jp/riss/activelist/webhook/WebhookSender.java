package jp.riss.activelist.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one signed POST of a delivery, with timeouts, and says how it went. The connection goes to
 * the address {@link WebhookTargets} just checked, never to a fresh lookup of the name: the name
 * still goes into the Host header, SNI and certificate check, so TLS verifies the real receiver.
 */
@ApplicationScoped
public class WebhookSender {

  @Inject Clock clock;

  /** What one attempt got: an HTTP status, or an error instead. */
  public record Outcome(Integer statusCode, long durationMs, String error) {
    /** The most of an error kept: exception messages are unbounded, the delivery log is not. */
    static final int MAX_ERROR = 1000;

    public Outcome {
      if (error != null && error.length() > MAX_ERROR) {
        error = error.substring(0, MAX_ERROR - 1) + "…";
      }
    }

    boolean accepted() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  @Inject WebhookConfig config;
  @Inject WebhookTargets targets;
  @Inject WebhookSecrets secrets;
  @Inject Vertx vertx;

  private HttpClient client;

  @PostConstruct
  void init() {
    // Redirects are not followed (one could lead to a target the guard never saw); one connection
    // per attempt, since each attempt may be pinned to a different checked address.
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public Outcome send(DeliveryLedger.Job job) {
    long start = System.nanoTime();
    try {
      URI uri = targets.parse(job.url());
      InetAddress address = targets.check(uri).get(0);
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
      List<String> signing = new ArrayList<>();
      signing.add(secrets.open(job.subscriptionId(), job.sealedSecret()));
      if (job.sealedPreviousSecret() != null) {
        signing.add(secrets.open(job.subscriptionId(), job.sealedPreviousSecret()));
      }
      long timestamp = Instant.now(clock).getEpochSecond();
      RequestOptions request =
          new RequestOptions()
              .setMethod(HttpMethod.POST)
              .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
              .setHost(uri.getHost())
              .setPort(port)
              .setSsl(https)
              .setURI(pathAndQuery(uri))
              .setIdleTimeout(config.requestTimeout().toMillis())
              .putHeader("Content-Type", "application/json")
              .putHeader("User-Agent", "RISS-Active-List-Webhooks/1")
              .putHeader(WebhookSignature.ID, job.deliveryId().toString())
              .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
              .putHeader(
                  WebhookSignature.SIGNATURE,
                  WebhookSignature.sign(signing, timestamp, job.body()));
      HttpClientResponse response =
          client
              .request(request)
              .compose(sending -> sending.send(Buffer.buffer(job.body())))
              .toCompletionStage()
              .toCompletableFuture()
              .get(
                  config.connectTimeout().plus(config.requestTimeout()).toMillis() + 1_000,
                  TimeUnit.MILLISECONDS);
      // The answer's body is not ours to read: closing stops an endless one holding us.
      response.request().connection().close();
      return new Outcome(response.statusCode(), millisSince(start), null);
    } catch (WebhookSecrets.Unreadable unreadable) {
      return new Outcome(null, millisSince(start), "not signed: " + unreadable.getMessage());
    } catch (WebhookTargets.Refused refused) {
      return new Outcome(null, millisSince(start), "refused: the URL " + refused.getMessage());
    } catch (TimeoutException e) {
      return new Outcome(null, millisSince(start), "timed out");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException
          || cause instanceof io.netty.channel.ConnectTimeoutException) {
        return new Outcome(null, millisSince(start), "timed out");
      }
      return new Outcome(
          null,
          millisSince(start),
          "connection failed: "
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, millisSince(start), "interrupted");
    }
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
