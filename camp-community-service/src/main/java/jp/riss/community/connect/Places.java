package jp.riss.community.connect;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import jp.riss.community.edition.Edition;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.ProblemException;

/**
 * Places of a Connect call. A place is taken by an accepted or an offered application; neither a
 * theme's capacity nor the call's (its edition's) is ever exceeded. Every caller holds the call's
 * row lock ({@link Calls#locked}) while it counts and writes, so concurrent decisions queue there.
 * Every change leaves as {@code community.connect-application.v1} in the same transaction.
 */
@ApplicationScoped
public class Places {

  /** An application as the rules read it. */
  record Row(
      UUID id,
      UUID callId,
      UUID themeId,
      String themeCode,
      UUID personId,
      String state,
      Integer rank) {}

  record Taken(int theme, int themeCapacity, int call, int callCapacity) {
    boolean themeFull() {
      return theme >= themeCapacity;
    }

    boolean callFull() {
      return call >= callCapacity;
    }
  }

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject EventSource events;

  @Transactional(Transactional.TxType.MANDATORY)
  Taken taken(ConnectCall call, UUID themeId) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE a.theme_id = ?2), count(*),"
                        + " (SELECT capacity FROM connect_theme WHERE id = ?2)"
                        + " FROM connect_application a WHERE a.call_id = ?1"
                        + " AND a.state IN ('accepted', 'offered')")
                .setParameter(1, call.id)
                .setParameter(2, themeId)
                .getSingleResult();
    int callCapacity = em.find(Edition.class, call.editionId).capacity;
    return new Taken(
        ((Number) r[0]).intValue(),
        ((Number) r[2]).intValue(),
        ((Number) r[1]).intValue(),
        callCapacity);
  }

  /** 409 naming which capacity a new place would exceed. Call with the call locked. */
  @Transactional(Transactional.TxType.MANDATORY)
  void requireRoom(ConnectCall call, UUID themeId) {
    Taken t = taken(call, themeId);
    if (t.themeFull()) {
      throw ProblemException.conflict(
          "theme-full",
          "Theme full",
          "Every place of this theme is taken (" + t.themeCapacity() + ").");
    }
    if (t.callFull()) {
      throw ProblemException.conflict(
          "edition-full",
          "Edition full",
          "Every place of this edition is taken (" + t.callCapacity() + ").");
    }
  }

  /**
   * Offers free places of the theme to its reserves, best rank first, while the theme and the call
   * have room. Call with the call locked.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void passOn(ConnectCall call, UUID themeId, OffsetDateTime now) {
    while (true) {
      Taken t = taken(call, themeId);
      if (t.themeFull() || t.callFull()) {
        return;
      }
      @SuppressWarnings("unchecked")
      List<UUID> first =
          em.createNativeQuery(
                  "SELECT id FROM connect_application WHERE theme_id = ?1 AND state = 'reserve'"
                      + " ORDER BY rank LIMIT 1")
              .setParameter(1, themeId)
              .getResultList();
      if (first.isEmpty()) {
        return;
      }
      move(call, first.get(0), "offered", "offered", now);
    }
  }

  /** Sets the application's state and tells others, with the places as they now stand. */
  @Transactional(Transactional.TxType.MANDATORY)
  Row move(ConnectCall call, UUID id, String state, String change, OffsetDateTime now) {
    em.createNativeQuery(
            "UPDATE connect_application SET state = ?2, changed_at = ?3, version = version + 1"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, state)
        .setParameter(3, now)
        .executeUpdate();
    Row row = row(id);
    emit(call, row, change, now);
    return row;
  }

  void emit(ConnectCall call, Row row, String change, OffsetDateTime at) {
    Taken t = taken(call, row.themeId());
    ConnectApplicationChanged data =
        new ConnectApplicationChanged(
            row.id(),
            row.callId(),
            row.themeId(),
            row.themeCode(),
            change,
            row.rank(),
            t.theme(),
            t.themeCapacity(),
            t.call(),
            t.callCapacity(),
            at);
    outbox.append(
        ConnectApplicationChanged.TOPIC,
        row.id().toString(),
        events.create(
            ConnectApplicationChanged.TYPE_PREFIX + change,
            row.id().toString(),
            ConnectApplicationChanged.SCHEMA,
            data));
  }

  /** The application, or 404. */
  Row row(UUID id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.id, a.call_id, a.theme_id, t.code, a.person_id, a.state, a.rank"
                    + " FROM connect_application a JOIN connect_theme t ON t.id = a.theme_id"
                    + " WHERE a.id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("Connect application " + id);
    }
    Object[] r = rows.get(0);
    return new Row(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        (UUID) r[4],
        (String) r[5],
        r[6] == null ? null : ((Number) r[6]).intValue());
  }
}
