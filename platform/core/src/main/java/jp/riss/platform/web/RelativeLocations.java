package jp.riss.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every {@code Location} a service answers with is a relative reference ({@code
 * /api/v1/active-list/listings/<id>}). JAX-RS makes a created resource's URI absolute against the
 * address the request reached, which behind the gateway is the service's internal port; paths are
 * the same on both sides, so the path alone is right wherever the client stands.
 */
public class RelativeLocations {

  @ServerResponseFilter
  public void relativise(ContainerRequestContext request, ContainerResponseContext response) {
    Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
    if (location == null) {
      return;
    }
    String relative = of(location.toString());
    response.getHeaders().putSingle(HttpHeaders.LOCATION, relative);
  }

  /** The path and query of {@code location}, whatever authority it was made absolute with. */
  public static String of(String location) {
    URI uri = URI.create(location);
    if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
      return location;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
