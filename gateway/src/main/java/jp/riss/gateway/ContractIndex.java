package jp.riss.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;

/**
 * One public place to discover the API contracts: the four services' OpenAPI documents and their
 * AsyncAPI documents (the Kafka topics), each fetched live from its service so the index can never
 * disagree with what a service actually serves, and the gateway's own contract ({@link
 * GatewayContract}). The portal ({@code /portal/}) renders what this index lists.
 */
@ApplicationScoped
public class ContractIndex implements Handler<RoutingContext> {

  static final String PATH = "/openapi";
  static final String ASYNCAPI_PATH = "/asyncapi";
  private static final String SERVICE_CONTRACT = "/q/openapi";
  // Where each service serves its bundled AsyncAPI document, on its public port.
  private static final String SERVICE_ASYNCAPI = "/asyncapi";

  record Contract(String service, String context, String href) {}

  record Index(List<Contract> contracts, List<Contract> asyncapi) {}

  private final Buffer index;

  ContractIndex(Upstreams upstreams, ObjectMapper json) {
    List<Contract> contracts =
        Stream.concat(
                upstreams.all().stream()
                    .map(u -> new Contract(u.service(), u.context(), PATH + "/" + u.context())),
                Stream.of(
                    new Contract(
                        GatewayContract.SERVICE, GatewayContract.CONTEXT, GatewayContract.PATH)))
            .toList();
    List<Contract> asyncapi =
        upstreams.all().stream()
            .map(u -> new Contract(u.service(), u.context(), ASYNCAPI_PATH + "/" + u.context()))
            .toList();
    try {
      this.index = Buffer.buffer(json.writeValueAsBytes(new Index(contracts, asyncapi)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the contract index always serialises", e);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(index);
  }

  /** A proxied {@code /openapi/<context>} request goes to the service's own document. */
  static final ServiceDocument SERVICE_CONTRACT_DOCUMENT = new ServiceDocument(SERVICE_CONTRACT);

  /** A proxied {@code /asyncapi/<context>} request goes to the service's AsyncAPI document. */
  static final ServiceDocument SERVICE_ASYNCAPI_DOCUMENT = new ServiceDocument(SERVICE_ASYNCAPI);

  /** Where a service serves one of its public documents, and what a request for it carries. */
  record ServiceDocument(String servicePath) {

    /** The service's document, with the caller's query kept (e.g. {@code ?format=json}). */
    String uri(HttpServerRequest caller) {
      String query = caller.query();
      return query == null ? servicePath : servicePath + "?" + query;
    }

    /** Contracts are public and this route verifies no token, so none may travel upstream. */
    void adjustRequest(MultiMap headers) {
      headers.remove(HttpHeaders.AUTHORIZATION);
    }
  }
}
