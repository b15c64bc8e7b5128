package jp.riss.guide.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Ids;
import jp.riss.platform.web.Keyset;
import jp.riss.platform.web.Preconditions;

/**
 * Organisations and who may act for them: the company whose token created one owns it; a support
 * body acts for it only while the owner's consent to that support body stands. To anyone else an
 * organisation does not exist (404, so its existence does not leak). Every act is recorded with the
 * actor.
 */
@ApplicationScoped
public class Organisations {

  public static final int NAME_MAX = 200;
  public static final int STAFF_MAX = 999;

  /** Token subjects as identity providers issue them (UUIDs, e-mail-like ids, URNs). */
  public static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@|+-]{1,200}");

  @Inject OrganisationStore store;
  @Inject Clock clock;

  /** The consents of an organisation, standing and past. */
  public record Consents(List<OrganisationStore.Consent> items) {}

  /** Acts on an organisation, oldest first. */
  public record Acts(List<OrganisationStore.Act> items, Long next) {}

  @Transactional
  public Organisation create(OrganisationData data, Actor actor) {
    check(data);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Organisation o = stated(UUID.randomUUID(), actor.subject(), data, 1, now, now);
    store.insert(o);
    store.recordAct(o.id(), actor, "organisation-created", null, now);
    return o;
  }

  /** A page of the organisations the actor may act for, oldest first. */
  @Transactional
  public Keyset.Page<OrganisationView> list(Actor actor, Keyset after, int limit) {
    return Keyset.page(
            store.visibleTo(actor, after, limit + 1),
            limit,
            Organisation::createdAt,
            Organisation::id)
        .map(o -> OrganisationView.of(o, actor));
  }

  @Transactional
  public Organisation get(String id, Actor actor) {
    return accessible(id, actor);
  }

  /** Replaces the owner's statements; only the owning company changes them. */
  @Transactional
  public Organisation replace(String id, String ifMatch, OrganisationData data, Actor actor) {
    Organisation o = owned(id, actor, true);
    Preconditions.requireIfMatch(ifMatch, o.revision());
    check(data);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Organisation changed =
        stated(o.id(), o.ownerSubject(), data, o.revision() + 1, o.createdAt(), now);
    store.update(changed);
    store.recordAct(o.id(), actor, "organisation-changed", null, now);
    return changed;
  }

  @Transactional
  public Consents consents(String id, Actor actor) {
    return new Consents(store.consents(owned(id, actor, false).id()));
  }

  /**
   * @return true when the consent is new, false when it already stood
   */
  @Transactional
  public boolean grant(String id, String supportBody, Actor actor) {
    Organisation o = owned(id, actor, true);
    checkSubject(supportBody);
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean granted = store.grant(o.id(), supportBody, actor.subject(), now);
    if (granted) {
      store.recordAct(o.id(), actor, "consent-granted", supportBody, now);
    }
    return granted;
  }

  @Transactional
  public void revoke(String id, String supportBody, Actor actor) {
    Organisation o = owned(id, actor, true);
    checkSubject(supportBody);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!store.revoke(o.id(), supportBody, actor.subject(), now)) {
      throw ProblemException.notFound("a standing consent to " + supportBody);
    }
    store.recordAct(o.id(), actor, "consent-revoked", supportBody, now);
  }

  @Transactional
  public Acts acts(String id, Actor actor, Long after, int limit) {
    Organisation o = accessible(id, actor);
    List<OrganisationStore.Act> rows = store.acts(o.id(), after == null ? 0 : after, limit + 1);
    List<OrganisationStore.Act> items = rows.stream().limit(limit).toList();
    return new Acts(items, rows.size() > limit ? items.get(limit - 1).id() : null);
  }

  /**
   * The organisation if the actor may act for it now (owner, or support body with standing
   * consent), else 404. Other parts of the service call this before every read or write.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Organisation accessible(String id, Actor actor) {
    return accessible(Ids.uuid("id", id), actor, false);
  }

  /** As {@link #accessible(String, Actor)} for an id already parsed, locking the row if asked. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Organisation accessible(UUID id, Actor actor, boolean lock) {
    Organisation o =
        store
            .find(id, lock)
            .filter(
                found ->
                    actor.isCompany()
                        ? found.isOwnedBy(actor.subject())
                        : store.consentStands(found.id(), actor.subject()))
            .orElseThrow(() -> ProblemException.notFound("organisation " + id));
    return o;
  }

  /** Records an act of another part of the service (a diagnosis, a plan) on the organisation. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAct(UUID organisation, Actor actor, String action, String target) {
    store.recordAct(organisation, actor, action, target, OffsetDateTime.now(clock));
  }

  /** Owner-only acts: a support body acting for the organisation gets 403, others 404. */
  private Organisation owned(String id, Actor actor, boolean lock) {
    Organisation o = accessible(Ids.uuid("id", id), actor, lock);
    if (!actor.isCompany()) {
      throw ProblemException.forbidden("Only the company that owns the organisation may do this.");
    }
    return o;
  }

  private static Organisation stated(
      UUID id,
      String owner,
      OrganisationData d,
      long revision,
      OffsetDateTime created,
      OffsetDateTime updated) {
    return new Organisation(
        id,
        owner,
        d.name(),
        d.prefecture(),
        d.jsicDivision(),
        d.employeeBand(),
        d.securityStaff().concurrent(),
        d.securityStaff().dedicated(),
        d.statisticsConsent(),
        revision,
        created,
        updated);
  }

  private static void checkSubject(String supportBody) {
    if (supportBody == null || !SUBJECT.matcher(supportBody).matches()) {
      throw ProblemException.badRequest(
          "supportBody",
          "must be the support body's token subject: 1 to 200 of A-Z a-z 0-9 ._:@|+-");
    }
  }

  private void check(OrganisationData d) {
    List<Problem.Violation> v = new ArrayList<>();
    if (d.name() == null || d.name().isBlank() || d.name().length() > NAME_MAX) {
      v.add(new Problem.Violation("name", "must be 1 to " + NAME_MAX + " characters, not blank"));
    }
    if (d.prefecture() == null || !store.known("prefecture", d.prefecture())) {
      v.add(new Problem.Violation("prefecture", "must be a JIS X 0401 code 01 to 47"));
    }
    if (d.jsicDivision() == null || !store.known("jsic_division", d.jsicDivision())) {
      v.add(new Problem.Violation("jsicDivision", "must be a JSIC division A to T"));
    }
    if (d.employeeBand() == null || !store.known("employee_band", d.employeeBand())) {
      v.add(
          new Problem.Violation(
              "employeeBand", "must be one of 1-5, 6-20, 21-50, 51-100, 101-300, 301-"));
    }
    if (d.securityStaff() == null) {
      v.add(new Problem.Violation("securityStaff", "is required (0 and 0 for none)"));
    } else {
      staff(v, "securityStaff.concurrent", d.securityStaff().concurrent());
      staff(v, "securityStaff.dedicated", d.securityStaff().dedicated());
    }
    if (d.statisticsConsent() == null) {
      v.add(new Problem.Violation("statisticsConsent", "is required (true or false)"));
    }
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
  }

  private static void staff(List<Problem.Violation> v, String field, Integer n) {
    if (n == null || n < 0 || n > STAFF_MAX) {
      v.add(new Problem.Violation(field, "must be a whole number from 0 to " + STAFF_MAX));
    }
  }
}
