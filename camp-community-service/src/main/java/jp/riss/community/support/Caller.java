package jp.riss.community.support;

import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who calls, as the verified token says: the subject, and whether it is camp-office staff. */
public record Caller(String subject, boolean office) {

  public static Caller of(JsonWebToken token) {
    return new Caller(token.getSubject(), token.getGroups().contains(Roles.CAMP_OFFICE));
  }
}
