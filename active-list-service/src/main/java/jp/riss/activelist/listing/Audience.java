package jp.riss.activelist.listing;

import java.util.Set;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is reading a listing, which decides what of it they see: anonymous callers see contact
 * details only where the specialist opted in; authenticated companies and support bodies see them;
 * the owner and IPA also see internal state (reasons, history).
 */
public enum Audience {
  ANONYMOUS,
  MEMBER,
  OWNER_OR_IPA;

  public static Audience of(JsonWebToken token, Listing listing) {
    if (token == null || token.getRawToken() == null) {
      return ANONYMOUS;
    }
    Set<String> groups = token.getGroups();
    if (listing.isOwnedBy(token.getSubject())
        || groups.contains(Roles.IPA_REVIEWER)
        || groups.contains(Roles.IPA_ADMIN)) {
      return OWNER_OR_IPA;
    }
    if (groups.contains(Roles.COMPANY) || groups.contains(Roles.SUPPORT_BODY)) {
      return MEMBER;
    }
    return ANONYMOUS;
  }

  boolean seesContact(Listing listing) {
    return this != ANONYMOUS || listing.contactPublic;
  }

  public boolean seesInternals() {
    return this == OWNER_OR_IPA;
  }
}
