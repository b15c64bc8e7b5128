package jp.riss.activelist.listing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import jp.riss.platform.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one rule for a specialist's e-mail and phone on a listing: public when the specialist made
 * them public; otherwise only for the owner, IPA, and a party the specialist already works with —
 * the sender of an inquiry the specialist accepted, or the support body of a guidance engagement
 * with the listing. A role alone (any company or support-body token) is not enough, so no token can
 * harvest the contacts of the whole list.
 */
@ApplicationScoped
public class ContactDisclosure {

  @Inject EntityManager em;

  public boolean disclosesTo(JsonWebToken token, Listing listing) {
    if (listing.contactPublic || Audience.isOwnerOrIpa(token, listing)) {
      return true;
    }
    if (token == null || token.getRawToken() == null || listing.contact == null) {
      return false;
    }
    Set<String> groups = token.getGroups();
    boolean company = groups.contains(Roles.COMPANY);
    boolean supportBody = groups.contains(Roles.SUPPORT_BODY);
    if (!company && !supportBody) {
      return false;
    }
    // An inquiry was accepted when the specialist answered it without a decline reason.
    Object related =
        em.createNativeQuery(
                "SELECT EXISTS (SELECT 1 FROM inquiry WHERE listing_id = ?1"
                    + " AND requester_subject = ?2"
                    + " AND ((requester_role = 'company' AND ?3) OR (requester_role = 'support-body' AND ?4))"
                    + " AND responded_at IS NOT NULL AND decline_reason IS NULL)"
                    + " OR (?4 AND EXISTS (SELECT 1 FROM guidance_engagement WHERE listing_id = ?1"
                    + " AND support_body_subject = ?2))")
            .setParameter(1, listing.id)
            .setParameter(2, token.getSubject())
            .setParameter(3, company)
            .setParameter(4, supportBody)
            .getSingleResult();
    return Boolean.TRUE.equals(related);
  }
}
