package jp.riss.activelist.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Makes one signed POST of a delivery, with timeouts, and says how it went. */
@ApplicationScoped
public class WebhookSender {

  /** What one attempt got: an HTTP status, or an error instead. */
  public record Outcome(Integer statusCode, long durationMs, String error) {
    boolean accepted() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }

  @Inject WebhookConfig config;
  @Inject WebhookTargets targets;

  private HttpClient client;

  @PostConstruct
  void init() {
    // Redirects are not followed: one could lead to a target the guard never saw.
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Outcome send(DeliveryLedger.Job job) {
    long start = System.nanoTime();
    try {
      URI uri = targets.parse(job.url());
      targets.check(uri);
      long timestamp = Instant.now().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(config.requestTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "RISS-Active-List-Webhooks/1")
              .header(WebhookSignature.ID, job.deliveryId().toString())
              .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
              .header(
                  WebhookSignature.SIGNATURE,
                  WebhookSignature.sign(job.secret(), timestamp, job.body()))
              .POST(HttpRequest.BodyPublishers.ofString(job.body(), StandardCharsets.UTF_8))
              .build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      // The answer's body is not ours to read: closing it stops an endless one holding us.
      response.body().close();
      return new Outcome(response.statusCode(), millisSince(start), null);
    } catch (WebhookTargets.Refused refused) {
      return new Outcome(null, millisSince(start), "refused: the URL " + refused.getMessage());
    } catch (HttpTimeoutException e) {
      return new Outcome(null, millisSince(start), "timed out");
    } catch (IOException e) {
      return new Outcome(
          null,
          millisSince(start),
          "connection failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, millisSince(start), "interrupted");
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
