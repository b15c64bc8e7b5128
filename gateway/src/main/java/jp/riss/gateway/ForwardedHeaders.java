package jp.riss.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells services who called and under which public address, since upstream they only see the
 * gateway; they need it for absolute links (pagination {@code next}) and audit logs.
 */
@ApplicationScoped
public class ForwardedHeaders implements ProxyInterceptor {

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    ProxyRequest request = context.request();
    HttpServerRequest caller = request.proxiedRequest();
    if (caller.authority() != null) {
      request.putHeader("X-Forwarded-Host", caller.authority().toString());
    }
    request.putHeader("X-Forwarded-Proto", caller.scheme());
    SocketAddress remote = caller.remoteAddress();
    if (remote != null && remote.hostAddress() != null) {
      String earlier = request.headers().get("X-Forwarded-For");
      request.putHeader(
          "X-Forwarded-For",
          earlier == null ? remote.hostAddress() : earlier + ", " + remote.hostAddress());
    }
    return context.sendRequest();
  }
}
