package jp.riss.activelist.shortlist;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.activelist.listing.Listing;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling a matching endpoint and in which capacity, for the object-level rules: a
 * specialist acts on their own listings' objects, a support body or company on the objects it
 * created, IPA on all. Every endpoint allows exactly one role per token, so the role is unique.
 */
public record Caller(String subject, String role) {

  private static final List<String> ORDER =
      List.of(
          Roles.IPA_ADMIN, Roles.IPA_REVIEWER, Roles.SUPPORT_BODY, Roles.COMPANY, Roles.SPECIALIST);

  public static Caller of(JsonWebToken token) {
    Set<String> groups = token.getGroups();
    String role = ORDER.stream().filter(groups::contains).findFirst().orElse("none");
    return new Caller(token.getSubject(), role);
  }

  public boolean isIpa() {
    return Roles.IPA_ADMIN.equals(role) || Roles.IPA_REVIEWER.equals(role);
  }

  public boolean isSpecialist() {
    return Roles.SPECIALIST.equals(role);
  }

  public boolean isSupportBody() {
    return Roles.SUPPORT_BODY.equals(role);
  }

  public Actor actor() {
    return new Actor(subject, role);
  }

  /** The listings this caller owns as a specialist (none for other roles). */
  public List<UUID> ownListingIds() {
    if (!isSpecialist()) {
      return List.of();
    }
    return Listing.<Listing>list("ownerSubject", subject).stream().map(l -> l.id).toList();
  }

  public boolean owns(Listing listing) {
    return isSpecialist() && listing.isOwnedBy(subject);
  }
}
