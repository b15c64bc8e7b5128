package jp.riss.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * One public place to discover the four API contracts; each is fetched live from its service, so
 * the index can never disagree with what a service actually serves.
 */
@ApplicationScoped
public class ContractIndex implements Handler<RoutingContext> {

  static final String PATH = "/openapi";
  private static final String SERVICE_CONTRACT = "/q/openapi";

  record Contract(String service, String context, String href) {}

  record Index(List<Contract> contracts) {}

  private final Buffer index;

  ContractIndex(Upstreams upstreams, ObjectMapper json) {
    List<Contract> contracts =
        upstreams.all().stream()
            .map(u -> new Contract(u.service(), u.context(), PATH + "/" + u.context()))
            .toList();
    try {
      this.index = Buffer.buffer(json.writeValueAsBytes(new Index(contracts)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the contract index always serialises", e);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(index);
  }

  /** Points a proxied {@code /openapi/<context>} request at the service's own document. */
  ProxyInterceptor serviceContract() {
    return new ProxyInterceptor() {
      @Override
      public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        String query = request.proxiedRequest().query();
        request.setURI(query == null ? SERVICE_CONTRACT : SERVICE_CONTRACT + "?" + query);
        // Contracts are public and this route verifies no token, so none may travel upstream.
        request.headers().remove(HttpHeaders.AUTHORIZATION);
        return context.sendRequest();
      }
    };
  }
}
