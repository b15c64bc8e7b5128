package jp.riss.guide.organisation;

import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who acts on an organisation, proven by the token: a company (the owner, by subject) or a support
 * body (by subject, while the owner's consent stands). Endpoints allow one of these two roles, so a
 * token holding both acts as the company.
 */
public record Actor(String subject, String role) {

  public static Actor of(JsonWebToken token) {
    String role = token.getGroups().contains(Roles.COMPANY) ? Roles.COMPANY : Roles.SUPPORT_BODY;
    return new Actor(token.getSubject(), role);
  }

  public boolean isCompany() {
    return Roles.COMPANY.equals(role);
  }
}
