package jp.riss.guide.links;

import io.vertx.core.Vertx;
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
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.riss.guide.references.References;
import jp.riss.platform.net.OutboundTargets;

/**
 * Checks one link: HEAD first, GET when HEAD is refused with an error status (some servers do not
 * answer HEAD), redirects followed up to the limit with every hop through the SSRF guard, each
 * request sent to exactly the address the guard checked. Bodies are never read.
 */
@ApplicationScoped
public class LinkProbe {

  @Inject LinkCheckConfig config;
  @Inject LinkTargets targets;
  @Inject Vertx vertx;
  @Inject Clock clock;

  private HttpClient client;

  private record Answer(int status, String location) {}

  @PostConstruct
  void init() {
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(Math.max(1, config.concurrency()) * 2));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public References.Finding probe(String url) {
    long start = System.nanoTime();
    OffsetDateTime at = OffsetDateTime.now(clock);
    String current = url;
    int redirects = 0;
    try {
      while (true) {
        URI uri = targets.parse(current);
        InetAddress address = targets.check(uri).get(0);
        Answer answer = exchange(HttpMethod.HEAD, uri, address);
        if (answer.status() >= 400) {
          answer = exchange(HttpMethod.GET, uri, address);
        }
        if (answer.status() >= 300 && answer.status() < 400 && answer.location() != null) {
          if (++redirects > config.maxRedirects()) {
            return new References.Finding(
                "failing",
                answer.status(),
                current,
                redirects - 1,
                "more than " + config.maxRedirects() + " redirects",
                at,
                millisSince(start));
          }
          current = uri.resolve(answer.location().strip()).toString();
          continue;
        }
        int status = answer.status();
        String state;
        if (status >= 200 && status < 300) {
          state = redirects > 0 ? "moved" : "ok";
        } else if (status == 404 || status == 410) {
          state = "dead";
        } else {
          state = "failing";
        }
        return new References.Finding(
            state,
            status,
            redirects > 0 ? current : null,
            redirects,
            state.equals("failing") ? "answered HTTP " + status : null,
            at,
            millisSince(start));
      }
    } catch (OutboundTargets.Refused refused) {
      return failing(current, redirects, "refused: the URL " + refused.getMessage(), at, start);
    } catch (TimeoutException e) {
      return failing(current, redirects, "timed out", at, start);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TimeoutException
          || cause instanceof io.netty.channel.ConnectTimeoutException) {
        return failing(current, redirects, "timed out", at, start);
      }
      return failing(
          current,
          redirects,
          "connection failed: "
              + cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
          at,
          start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failing(current, redirects, "interrupted", at, start);
    } catch (IllegalArgumentException e) {
      return failing(current, redirects, "redirected to an address that is not a URL", at, start);
    }
  }

  private Answer exchange(HttpMethod method, URI uri, InetAddress address)
      throws InterruptedException, ExecutionException, TimeoutException {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    RequestOptions request =
        new RequestOptions()
            .setMethod(method)
            .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
            .setHost(uri.getHost())
            .setPort(port)
            .setSsl(https)
            .setURI(OutboundTargets.pathAndQuery(uri))
            .setFollowRedirects(false)
            .setIdleTimeout(config.requestTimeout().toMillis())
            .putHeader("User-Agent", "RISS-Guide-LinkCheck/1");
    HttpClientResponse response =
        client
            .request(request)
            .compose(sending -> sending.send())
            .toCompletionStage()
            .toCompletableFuture()
            .get(
                config.connectTimeout().plus(config.requestTimeout()).toMillis() + 1_000,
                TimeUnit.MILLISECONDS);
    String location = response.getHeader("Location");
    // The body is not ours to read: closing stops a large or endless one holding the checker.
    response.request().connection().close();
    return new Answer(response.statusCode(), location);
  }

  private static References.Finding failing(
      String url, int redirects, String error, OffsetDateTime at, long start) {
    String bounded = error.length() > 500 ? error.substring(0, 500) : error;
    return new References.Finding(
        "failing", null, redirects > 0 ? url : null, redirects, bounded, at, millisSince(start));
  }

  private static int millisSince(long start) {
    return (int) ((System.nanoTime() - start) / 1_000_000);
  }
}
