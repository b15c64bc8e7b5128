package jp.riss.community.call;

import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, as the verified token says: the subject, and whether it is the camp office or a
 * government body (which reads its own calls and their responses only).
 */
public record CallCaller(String subject, boolean office, boolean issuer) {

  public static CallCaller of(JsonWebToken token) {
    return new CallCaller(
        token.getSubject(),
        token.getGroups().contains(Roles.CAMP_OFFICE),
        token.getGroups().contains(Roles.GOVERNMENT_BODY));
  }

  /** Neither the office nor an issuer: a member. */
  public boolean member() {
    return !office && !issuer;
  }
}
