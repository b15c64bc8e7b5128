package jp.riss.gateway;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import jp.riss.platform.security.VerifiedTokens;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Turns away requests carrying a token the platform would not accept, so forged or stale tokens
 * never reach a service. A missing token passes: public reads need none, and each service still
 * verifies tokens and enforces roles itself. A verified token's subject is left in the routing
 * context ({@link #subject}) so later handlers (the rate limit) know who is calling.
 */
@Singleton
public class EdgeAuthentication implements Handler<RoutingContext> {

  private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);
  private static final String BEARER = "bearer ";
  private static final String SUBJECT_KEY = "riss.subject";

  private final JWTParser parser;
  private final GatewayProblems problems;
  private final VerifiedTokens verifiedTokens;

  EdgeAuthentication(JWTParser parser, GatewayProblems problems, VerifiedTokens verifiedTokens) {
    this.parser = parser;
    this.problems = problems;
    this.verifiedTokens = verifiedTokens;
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
    JsonWebToken known = verifiedTokens.get(token);
    if (known != null) {
      // Verified before and not expired: no signature check, no hop to a worker thread.
      remember(ctx, known);
      ctx.next();
      return;
    }
    // Hold the body back while the token is checked off the event loop; UpstreamExchange resumes
    // it.
    ctx.request().pause();
    // Verification may fetch keys (JWKS in production), so it must not run on the event loop.
    ctx.vertx()
        .executeBlocking(() -> verify(token), false)
        .onComplete(
            verified -> {
              if (verified.succeeded() && verified.result() != null) {
                // The platform's parser has remembered it in VerifiedTokens.
                remember(ctx, verified.result());
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

  /** The verified subject of this request's token; null without a (verified) token. */
  public static String subject(RoutingContext ctx) {
    return ctx.get(SUBJECT_KEY);
  }

  /** The verified token, or null if it must be refused. */
  private JsonWebToken verify(String token) {
    try {
      return parser.parse(token);
    } catch (ParseException e) {
      LOG.debugf(e, "token refused at the edge: %s", e.getMessage());
      return null;
    }
  }

  private static void remember(RoutingContext ctx, JsonWebToken jwt) {
    // sub is what the platform keys users by; upn/preferred_username only if an IdP omits it.
    String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
    if (subject != null) {
      ctx.put(SUBJECT_KEY, subject);
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
