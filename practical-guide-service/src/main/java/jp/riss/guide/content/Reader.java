package jp.riss.guide.content;

import io.quarkus.security.identity.SecurityIdentity;
import jp.riss.platform.security.Roles;

/**
 * Who reads: anyone sees published and retired versions; IPA's editors and reviewers also see
 * drafts and versions in review (to others those do not exist).
 */
public record Reader(String subject, boolean editor) {

  public static Reader of(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return new Reader(null, false);
    }
    return new Reader(
        identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
            ? jwt.getSubject()
            : identity.getPrincipal().getName(),
        identity.hasRole(Roles.IPA_ADMIN) || identity.hasRole(Roles.IPA_REVIEWER));
  }
}
