package jp.riss.community.support;

import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, as the verified token says: the subject, whether it is camp-office staff, and whether
 * it is a member of the community (an alumni token).
 */
public record Caller(String subject, boolean office, boolean member) {

  public static Caller of(JsonWebToken token) {
    return new Caller(
        token.getSubject(),
        token.getGroups().contains(Roles.CAMP_OFFICE),
        token.getGroups().contains(Roles.ALUMNI));
  }
}
