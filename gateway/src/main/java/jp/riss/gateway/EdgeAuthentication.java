package jp.riss.gateway;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Turns away requests carrying a token the platform would not accept, so forged or stale tokens
 * never reach a service. A missing token passes: public reads need none, and each service still
 * verifies tokens and enforces roles itself.
 */
@ApplicationScoped
public class EdgeAuthentication implements Handler<RoutingContext> {

  private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);
  private static final String BEARER = "bearer ";

  private final JWTParser parser;
  private final GatewayProblems problems;

  EdgeAuthentication(JWTParser parser, GatewayProblems problems) {
    this.parser = parser;
    this.problems = problems;
  }

  @Override
  public void handle(RoutingContext ctx) {
    List<String> authorization = ctx.request().headers().getAll(HttpHeaders.AUTHORIZATION);
    if (authorization.isEmpty()) {
      ctx.next();
      return;
    }
    String token = bearerToken(authorization);
    if (token == null) {
      reject(ctx, "Bearer", "The Authorization header must be a single 'Bearer <token>'.");
      return;
    }
    // Hold the body back while the token is checked off the event loop; the proxy resumes it.
    ctx.request().pause();
    // Verification may fetch keys (JWKS in production), so it must not run on the event loop.
    ctx.vertx()
        .executeBlocking(() -> verify(token), false)
        .onComplete(
            verified -> {
              if (verified.succeeded() && verified.result()) {
                ctx.next();
              } else {
                reject(
                    ctx,
                    "Bearer error=\"invalid_token\"",
                    "A valid bearer token (RS256, right issuer and audience, not expired) is"
                        + " required.");
              }
            });
  }

  private boolean verify(String token) {
    try {
      parser.parse(token);
      return true;
    } catch (ParseException e) {
      LOG.debugf(e, "token refused at the edge: %s", e.getMessage());
      return false;
    }
  }

  private static String bearerToken(List<String> authorization) {
    if (authorization.size() != 1) {
      return null;
    }
    String value = authorization.get(0).trim();
    if (!value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return null;
    }
    String token = value.substring(BEARER.length()).trim();
    return token.isEmpty() ? null : token;
  }

  private void reject(RoutingContext ctx, String challenge, String detail) {
    // A paused body that is never read would stall the connection for the next request.
    ctx.request().resume();
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("WWW-Authenticate", challenge);
    problems.send(ctx, GatewayProblems.Kind.UNAUTHORIZED, detail, headers);
  }
}
