package jp.riss.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once per lifetime instead of once per request: the platform's token
 * parser (what Quarkus' JWT authentication and the gateway's edge check both call) answers a token
 * it verified before from {@link VerifiedTokens}. A profile of the practical guide under load put
 * the RS256 check at about a tenth of a request's CPU. Only the plain {@code parse(token)} is
 * remembered: a parse against another context (issuer, keys) always verifies.
 */
@Decorator
@Priority(10)
public abstract class RememberingJwtParser implements JWTParser {

  @Inject @Delegate JWTParser parser;
  @Inject VerifiedTokens verifiedTokens;

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken known = verifiedTokens.get(token);
    if (known != null) {
      return known;
    }
    JsonWebToken verified = parser.parse(token);
    verifiedTokens.put(token, verified);
    return verified;
  }
}
