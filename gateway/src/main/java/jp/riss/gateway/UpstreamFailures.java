package jp.riss.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeoutException;
import jp.riss.platform.web.Drain;
import jp.riss.platform.web.RequestIds;
import org.jboss.logging.Logger;

/**
 * Replaces the proxy's bare 502 with problem details that say what happened: an upstream that
 * cannot be reached is worth retrying shortly (503), one that stopped answering is not (504).
 */
@Singleton
public class UpstreamFailures implements ProxyInterceptor {

  private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);
  static final String RETRY_AFTER_SECONDS = "5";

  private final GatewayProblems problems;
  private final Vertx vertx;

  UpstreamFailures(GatewayProblems problems, Vertx vertx) {
    this.problems = problems;
    this.vertx = vertx;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    return context
        .sendRequest()
        .recover(failure -> Future.succeededFuture(answer(context, failure)));
  }

  private ProxyResponse answer(ProxyContext context, Throwable failure) {
    var request = context.request();
    String path = request.proxiedRequest().path();
    String requestId = request.headers().get(RequestIds.HEADER);
    Long limit = StreamedBodyLimit.exceeded(context);
    if (limit != null) {
      // The caller is still sending: read the rest and close once it is done, never mid-body.
      ProxyResponse response = request.response();
      Drain.rest(vertx, request.proxiedRequest());
      return problem(
              response,
              GatewayProblems.Kind.PAYLOAD_TOO_LARGE,
              "The body may be at most " + limit + " bytes.",
              path,
              requestId)
          .putHeader(HttpHeaders.CONNECTION, "close");
    }
    // release() drops what is left of the caller's body so the connection stays usable.
    ProxyResponse response = request.release().response();
    String service = context.get(ProxyRoutes.SERVICE_KEY, String.class);
    if (timedOut(context, failure)) {
      LOG.warnf("%s did not answer %s in time", service, path);
      return problem(
          response,
          GatewayProblems.Kind.UPSTREAM_TIMEOUT,
          service + " did not answer in time.",
          path,
          requestId);
    }
    LOG.warnf("%s unreachable for %s: %s", service, path, failure.toString());
    return problem(
            response,
            GatewayProblems.Kind.UPSTREAM_UNAVAILABLE,
            service + " is unavailable. Retry shortly.",
            path,
            requestId)
        .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
  }

  private static boolean timedOut(ProxyContext context, Throwable failure) {
    // Failing to get a connection at all means unavailable, however long it took.
    boolean connected = Boolean.TRUE.equals(context.get(ProxyRoutes.CONNECTED_KEY, Boolean.class));
    return connected && failure instanceof TimeoutException;
  }

  private ProxyResponse problem(
      ProxyResponse response,
      GatewayProblems.Kind kind,
      String detail,
      String path,
      String requestId) {
    return response
        .setStatusCode(kind.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, GatewayProblems.MEDIA_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .setBody(Body.body(problems.body(kind, detail, path, requestId)));
  }
}
