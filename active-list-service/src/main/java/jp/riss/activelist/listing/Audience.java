package jp.riss.activelist.listing;

import java.util.Set;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is reading a listing, which decides whether they see its internal state (status reasons,
 * history, a listing that is not public): the owner and IPA do, everyone else does not. Contact
 * details follow their own rule, {@link ContactDisclosure}.
 */
public enum Audience {
  OTHERS,
  OWNER_OR_IPA;

  public static Audience of(JsonWebToken token, Listing listing) {
    return isOwnerOrIpa(token, listing) ? OWNER_OR_IPA : OTHERS;
  }

  static boolean isOwnerOrIpa(JsonWebToken token, Listing listing) {
    if (token == null || token.getRawToken() == null) {
      return false;
    }
    Set<String> groups = token.getGroups();
    return listing.isOwnedBy(token.getSubject())
        || groups.contains(Roles.IPA_REVIEWER)
        || groups.contains(Roles.IPA_ADMIN);
  }

  public boolean seesInternals() {
    return this == OWNER_OR_IPA;
  }
}
