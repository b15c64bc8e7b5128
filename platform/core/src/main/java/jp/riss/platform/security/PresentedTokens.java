package jp.riss.platform.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A bearer token the caller presents is verified even on public reads, so an expired or forged
 * token is a 401 problem instead of being silently treated as anonymous. Authentication is lazy
 * (platform default), and a {@code @PermitAll} endpoint alone would never look at the token.
 */
public class PresentedTokens {

  private static final String BEARER = "Bearer ";

  @Inject CurrentIdentityAssociation identities;

  @ServerRequestFilter
  public Uni<Void> verify(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Uni.createFrom().voidItem();
    }
    // Fails with AuthenticationFailedException, which ProblemMappers answers as a 401 problem.
    return identities.getDeferredIdentity().replaceWithVoid();
  }
}
