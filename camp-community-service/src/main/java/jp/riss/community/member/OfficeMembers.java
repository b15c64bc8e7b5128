package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.riss.community.consent.GuardianLinks;
import jp.riss.platform.problem.ProblemException;

/** The camp office's view of the people it recorded, found by its own person reference. */
@ApplicationScoped
public class OfficeMembers {

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Completions completions;
  @Inject GuardianLinks links;

  @Transactional
  public List<MemberViews.OfficeView> byRef(String personRef) {
    if (personRef == null || !personRef.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
      throw ProblemException.badRequest(
          "personRef", "must be a person reference of the camp office");
    }
    return em
        .createQuery("SELECT p FROM Person p WHERE p.personRef = :r", Person.class)
        .setParameter("r", personRef)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  @Transactional
  public MemberViews.OfficeView get(UUID id) {
    return view(members.byId(id).orElseThrow(() -> ProblemException.notFound("member " + id)));
  }

  @Transactional
  public void sendGuardianLink(UUID id) {
    links.issue(members.byId(id).orElseThrow(() -> ProblemException.notFound("member " + id)));
  }

  private MemberViews.OfficeView view(Person p) {
    Member m = members.of(p);
    return new MemberViews.OfficeView(
        p.id,
        p.personRef,
        p.fullName,
        p.email,
        p.guardianEmail,
        p.dateOfBirth.toString(),
        m.band().code,
        p.subject != null,
        completions.of(p.id),
        m.scopes().stream().map(s -> s.code).toList(),
        p.postingSuspended,
        p.banned,
        p.profileDeletedAt);
  }
}
