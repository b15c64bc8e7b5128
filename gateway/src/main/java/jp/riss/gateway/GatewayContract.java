package jp.riss.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's own contract: what it answers itself (the portal, the contract index, its
 * problems), checked in at {@code gateway/src/main/openapi/openapi.yaml} and served byte for byte
 * as checked in, like each service's {@code /q/openapi}. Listed in the index with the others.
 */
@ApplicationScoped
public class GatewayContract {

  static final String SERVICE = "gateway";
  static final String CONTEXT = "gateway";
  static final String PATH = ContractIndex.PATH + "/" + CONTEXT;
  // Where the build puts the checked-in file (gateway/pom.xml, resources).
  static final String RESOURCE = "gateway-contract/openapi.yaml";

  private final GatewayProblems problems;

  GatewayContract(GatewayProblems problems) {
    this.problems = problems;
  }

  void init(@Observes Router router) {
    Buffer contract = StaticResource.load(RESOURCE);
    router
        .get(PATH)
        .handler(problems::refuseQuery)
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml")
                    .end(contract));
  }
}
