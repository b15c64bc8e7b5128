package jp.riss.community.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.member.Completions;
import jp.riss.community.member.Member;
import jp.riss.community.member.MemberTouched;
import jp.riss.community.member.Members;
import jp.riss.community.support.Checks;
import jp.riss.community.support.Times;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;

/**
 * An adult alumnus' link to their Active List listing. The alumnus starts it here naming the
 * registration number and one of their verified completions; the Active List shows it only once the
 * specialist owning that listing confirmed it there. Either side withdraws; a deleted profile or a
 * ban withdraws every link. Minors can never link.
 */
@ApplicationScoped
public class AlumnusLinks {

  static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9]{6}");
  static final Pattern PROGRAMME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public record Input(String registrationNumber, String programme, Integer fiscalYear) {}

  public record Link(
      UUID id,
      String registrationNumber,
      String programme,
      int fiscalYear,
      String state,
      OffsetDateTime requestedAt,
      OffsetDateTime confirmedAt,
      OffsetDateTime withdrawnAt,
      String withdrawnBy) {}

  public record Items(List<Link> items) {}

  @Inject EntityManager em;
  @Inject Members members;
  @Inject Completions completions;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional
  public Link start(String subject, Input in) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String number =
        c.matching(
            "registrationNumber",
            in.registrationNumber(),
            REGISTRATION_NUMBER,
            "must be a registration number of 6 digits");
    String programme =
        c.matching("programme", in.programme(), PROGRAMME, "must be a programme code");
    Integer year = c.integer("fiscalYear", in.fiscalYear(), 2000, 2100);
    c.throwIfAny();
    Member m = members.active(subject);
    if (m.minor()) {
      throw new ProblemException(
          Problem.of(
              403,
              "adults-only",
              "Adults only",
              "Only members of 18 or over can link their listing on the Active List."));
    }
    UUID completion = completions.requireVerified(m.person().id, programme, year);
    UUID id = UUID.randomUUID();
    OffsetDateTime now = members.now();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO alumnus_link (id, person_id, completion_id, registration_number,"
                    + " state, requested_at) VALUES (?1, ?2, ?3, ?4, 'requested', ?5)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, m.person().id)
            .setParameter(3, completion)
            .setParameter(4, number)
            .setParameter(5, now)
            .executeUpdate();
    if (inserted == 0) {
      throw ProblemException.conflict(
          "link-exists",
          "Already linked",
          "This completion is already linked (or waiting) for that registration number.");
    }
    Link link = find(id);
    emit(link, AlumnusLinkChanged.REQUESTED, "requested", now);
    return link;
  }

  @Transactional
  public Items mine(String subject) {
    UUID me = members.enrolled(subject).id;
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "SELECT id FROM alumnus_link WHERE person_id = ?1 ORDER BY requested_at, id"
                    + " LIMIT 100")
            .setParameter(1, me)
            .getResultList();
    return new Items(ids.stream().map(this::find).toList());
  }

  /** The alumnus withdraws their own link; 404 for anyone else's. */
  @Transactional
  public Link withdraw(String subject, UUID id) {
    UUID me = members.enrolled(subject).id;
    Link link = find(id);
    if (link == null || !me.equals(owner(id))) {
      throw ProblemException.notFound("link " + id);
    }
    if ("withdrawn".equals(link.state())) {
      throw ProblemException.conflict(
          "link-withdrawn", "Already withdrawn", "This link is already withdrawn.");
    }
    return withdrawn(id, "alumnus");
  }

  /** The Active List's specialist confirmed the link there (idempotent). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void confirmedOnActiveList(UUID id, OffsetDateTime at) {
    em.createNativeQuery(
            "UPDATE alumnus_link SET state = 'confirmed', confirmed_at = ?2"
                + " WHERE id = ?1 AND state = 'requested'")
        .setParameter(1, id)
        .setParameter(2, at)
        .executeUpdate();
  }

  /** The specialist withdrew it on the Active List: withdrawn here too, no event back. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawnOnActiveList(UUID id, OffsetDateTime at) {
    em.createNativeQuery(
            "UPDATE alumnus_link SET state = 'withdrawn', withdrawn_at = ?2,"
                + " withdrawn_by = 'specialist' WHERE id = ?1 AND state <> 'withdrawn'")
        .setParameter(1, id)
        .setParameter(2, at)
        .executeUpdate();
  }

  /**
   * A deleted profile or a ban withdraws every live link of the member, told to the Active List.
   */
  void memberChanged(@Observes MemberTouched member) {
    if (!Set.of("profile-deleted", "banned").contains(member.change())) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<UUID> live =
        em.createNativeQuery(
                "SELECT id FROM alumnus_link WHERE person_id = ?1 AND state <> 'withdrawn'")
            .setParameter(1, member.personId())
            .getResultList();
    live.forEach(id -> withdrawn(id, "community"));
  }

  private Link withdrawn(UUID id, String by) {
    OffsetDateTime now = members.now();
    em.createNativeQuery(
            "UPDATE alumnus_link SET state = 'withdrawn', withdrawn_at = ?2, withdrawn_by = ?3"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, now)
        .setParameter(3, by)
        .executeUpdate();
    Link link = find(id);
    emit(link, AlumnusLinkChanged.WITHDRAWN, "withdrawn", now);
    return link;
  }

  private void emit(Link link, String type, String change, OffsetDateTime at) {
    String nameJa =
        (String)
            em.createNativeQuery("SELECT name_ja FROM programme WHERE code = ?1")
                .setParameter(1, link.programme())
                .getSingleResult();
    AlumnusLinkChanged data =
        new AlumnusLinkChanged(
            link.id(),
            link.registrationNumber(),
            link.programme(),
            nameJa,
            link.fiscalYear(),
            change,
            at);
    outbox.append(
        AlumnusLinkChanged.TOPIC,
        link.id().toString(),
        events.create(type, link.id().toString(), AlumnusLinkChanged.SCHEMA, data));
  }

  private UUID owner(UUID id) {
    return (UUID)
        em.createNativeQuery("SELECT person_id FROM alumnus_link WHERE id = ?1")
            .setParameter(1, id)
            .getSingleResult();
  }

  private Link find(UUID id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT l.id, l.registration_number, c.programme_code, c.fiscal_year, l.state,"
                    + " l.requested_at, l.confirmed_at, l.withdrawn_at, l.withdrawn_by"
                    + " FROM alumnus_link l JOIN completion c ON c.id = l.completion_id"
                    + " WHERE l.id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    return new Link(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        ((Number) r[3]).intValue(),
        (String) r[4],
        Times.of(r[5]),
        Times.of(r[6]),
        Times.of(r[7]),
        (String) r[8]);
  }
}
