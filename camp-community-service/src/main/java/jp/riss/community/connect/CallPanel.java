package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.riss.community.support.Checks;

/**
 * Who serves a Connect call beside the camp office: the reviewers who score its applications and
 * the sponsors who see its aggregates. The camp office assigns both (assigning again updates the
 * name); each list is what the call's object-level checks ask.
 */
@ApplicationScoped
public class CallPanel {

  static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@:+-]{1,200}");

  /** A member of the panel: its token subject and what is shown for it. */
  public record Member(String subject, String name) {}

  public record ReviewerInput(String subject, String displayName) {}

  public record SponsorInput(String subject, String organisation) {}

  public record Reviewer(String subject, String displayName) {}

  public record Sponsor(String subject, String organisation) {}

  public record Reviewers(List<Reviewer> items) {}

  public record Sponsors(List<Sponsor> items) {}

  /** The two panels, each a table keyed by (call, subject) with one shown column. */
  private enum Panel {
    REVIEWERS("connect_reviewer", "display_name"),
    SPONSORS("connect_sponsor", "organisation");

    final String table;
    final String shown;

    Panel(String table, String shown) {
      this.table = table;
      this.shown = shown;
    }
  }

  @Inject EntityManager em;
  @Inject Calls calls;

  @Transactional
  public Reviewers assignReviewer(UUID id, ReviewerInput in) {
    Checks c = Checks.start();
    String subject =
        c.matching("subject", in == null ? null : in.subject(), SUBJECT, "must be a token subject");
    String name = c.text("displayName", in == null ? null : in.displayName(), 100);
    c.throwIfAny();
    return new Reviewers(
        assign(Panel.REVIEWERS, id, subject, name).stream()
            .map(m -> new Reviewer(m.subject(), m.name()))
            .toList());
  }

  @Transactional
  public Sponsors assignSponsor(UUID id, SponsorInput in) {
    Checks c = Checks.start();
    String subject =
        c.matching("subject", in == null ? null : in.subject(), SUBJECT, "must be a token subject");
    String organisation = c.text("organisation", in == null ? null : in.organisation(), 200);
    c.throwIfAny();
    return new Sponsors(
        assign(Panel.SPONSORS, id, subject, organisation).stream()
            .map(m -> new Sponsor(m.subject(), m.name()))
            .toList());
  }

  boolean isReviewer(UUID callId, String subject) {
    return holds(Panel.REVIEWERS, callId, subject);
  }

  boolean isSponsor(UUID callId, String subject) {
    return holds(Panel.SPONSORS, callId, subject);
  }

  /** Adds (or renames) one member of a call's panel; the panel's first 100 members after it. */
  private List<Member> assign(Panel panel, UUID id, String subject, String name) {
    calls.find(id);
    em.createNativeQuery(
            "INSERT INTO "
                + panel.table
                + " (call_id, subject, "
                + panel.shown
                + ", assigned_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (call_id, subject)"
                + " DO UPDATE SET "
                + panel.shown
                + " = EXCLUDED."
                + panel.shown)
        .setParameter(1, id)
        .setParameter(2, subject)
        .setParameter(3, name)
        .setParameter(4, calls.now())
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject, "
                    + panel.shown
                    + " FROM "
                    + panel.table
                    + " WHERE call_id = ?1 ORDER BY assigned_at, subject LIMIT 100")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().map(r -> new Member((String) r[0], (String) r[1])).toList();
  }

  private boolean holds(Panel panel, UUID callId, String subject) {
    return ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM "
                            + panel.table
                            + " WHERE call_id = ?1 AND subject = ?2")
                    .setParameter(1, callId)
                    .setParameter(2, subject)
                    .getSingleResult())
            .intValue()
        > 0;
  }
}
