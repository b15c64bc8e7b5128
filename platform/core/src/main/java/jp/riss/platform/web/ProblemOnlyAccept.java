package jp.riss.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that accepts only {@code application/problem+json} has said how it reads errors and
 * nothing about success. Generated clients send exactly that for operations whose success has no
 * body (a 204 on DELETE): the contract lists no other media type for them. Without this, content
 * negotiation refuses such a request with a 406 before the operation runs. Such an Accept is read
 * as no preference; any other Accept is negotiated as sent.
 */
public class ProblemOnlyAccept {

  private static final String PROBLEM = "application/problem+json";

  @ServerRequestFilter(preMatching = true)
  public void widen(ContainerRequestContext request) {
    List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (accept == null || accept.isEmpty()) {
      return;
    }
    for (String header : accept) {
      for (String range : header.split(",")) {
        String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.equals(PROBLEM)) {
          return;
        }
      }
    }
    request.getHeaders().remove(HttpHeaders.ACCEPT);
  }
}
