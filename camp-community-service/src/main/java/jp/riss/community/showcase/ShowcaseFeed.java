package jp.riss.community.showcase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import jp.riss.community.achievement.Achievement;
import jp.riss.community.achievement.AchievementReference;
import jp.riss.community.achievement.AchievementTouched;
import jp.riss.community.achievement.NamedAlumni;
import jp.riss.community.member.Completions;
import jp.riss.community.member.Member;
import jp.riss.community.member.MemberViews;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.platform.feed.CommitOrderedLog;
import org.hibernate.Session;

/**
 * Decides, in the transaction that touched an item, whether the public may see it and how, and
 * keeps the showcase and its change feed to that: an UPSERT when it became public or its public
 * form changed, a TOMBSTONE when it stopped being public (withdrawn, a consent withdrawn, a
 * guardian's `publication` revoked, a profile deleted). Comparing outcomes rather than trusting
 * each write path means every route out of the showcase is seen the same way, at once.
 */
@ApplicationScoped
public class ShowcaseFeed {

  @Inject EntityManager em;
  @Inject AgroalDataSource dataSource;
  @Inject ObjectMapper json;
  @Inject Members members;
  @Inject Completions completions;
  @Inject NamedAlumni named;
  @Inject AchievementReference reference;

  private CommitOrderedLog log;

  @PostConstruct
  void init() {
    log =
        new CommitOrderedLog(
            dataSource, "showcase_change", "achievement_id", "showcase_change_counter");
  }

  CommitOrderedLog log() {
    return log;
  }

  void touched(@Observes AchievementTouched touched) {
    em.flush();
    Achievement a = em.find(Achievement.class, touched.achievementId());
    if (a == null) {
      return;
    }
    // Under the item's row lock, so two transactions touching it compare with each other's entry.
    em.lock(a, LockModeType.PESSIMISTIC_WRITE);
    ShowcaseItem item = publicForm(a);
    String payload = item == null ? null : write(item);
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              CommitOrderedLog.Last last = log.last(connection, a.id);
              boolean wasShown = last != null && last.shown();
              if (item == null && wasShown) {
                log.write(
                    connection,
                    List.of(new CommitOrderedLog.Pending(a.id, CommitOrderedLog.TOMBSTONE, null)));
              } else if (item != null && !(wasShown && same(last.payload(), payload))) {
                log.write(
                    connection,
                    List.of(new CommitOrderedLog.Pending(a.id, CommitOrderedLog.UPSERT, payload)));
              }
            });
    if (item == null) {
      em.createNativeQuery("DELETE FROM showcase_item WHERE achievement_id = ?1")
          .setParameter(1, a.id)
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "INSERT INTO showcase_item (achievement_id, published_at, payload)"
                  + " VALUES (?1, ?2, CAST(?3 AS jsonb)) ON CONFLICT (achievement_id)"
                  + " DO UPDATE SET published_at = EXCLUDED.published_at, payload = EXCLUDED.payload")
          .setParameter(1, a.id)
          .setParameter(2, a.publishedAt)
          .setParameter(3, payload)
          .executeUpdate();
    }
  }

  /**
   * The item as the public may see it, or null: published, for a public audience, every named
   * alumnus an active member who granted consent with the `publication` scope in force (for a minor
   * the guardian's), and of each only the consented details.
   */
  ShowcaseItem publicForm(Achievement a) {
    if (!Achievement.PUBLISHED.equals(a.state) || !reference.publicAudience(a.audience)) {
      return null;
    }
    List<ShowcaseItem.Alumnus> alumni = new ArrayList<>();
    for (NamedAlumni.Row row : named.of(a.id, a.authorId)) {
      Person p = members.byId(row.personId()).orElse(null);
      if (!row.granted() || p == null || p.subject == null || p.banned) {
        return null;
      }
      Member m = members.of(p);
      if (!m.has(Scope.PUBLICATION)) {
        return null;
      }
      alumni.add(alumnus(p, m, row.fields()));
    }
    return new ShowcaseItem(
        a.id, a.kind, a.category, a.audience, a.title, a.body, a.publishedAt, alumni);
  }

  private ShowcaseItem.Alumnus alumnus(Person p, Member m, List<String> fields) {
    List<ShowcaseItem.Completion> done = null;
    if (fields.contains("programme-year")) {
      done =
          completions.of(p.id).stream()
              .filter(MemberViews.CompletionView::verified)
              .map(c -> new ShowcaseItem.Completion(c.programme(), c.fiscalYear()))
              .toList();
    }
    // Belt and braces: a minor's region and school never leave, whatever was stored.
    boolean adult = !m.minor();
    return new ShowcaseItem.Alumnus(
        fields.contains("display-name") ? p.displayName : null,
        done,
        adult && fields.contains("prefecture") ? p.prefecture : null,
        adult && fields.contains("affiliation") ? p.affiliationKind : null);
  }

  /** Compared as JSON trees: the stored payload went through jsonb, which reorders keys. */
  private boolean same(String stored, String now) {
    try {
      return stored != null && json.readTree(stored).equals(json.readTree(now));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private String write(ShowcaseItem item) {
    try {
      return json.writeValueAsString(item);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write showcase item " + item.id(), e);
    }
  }
}
