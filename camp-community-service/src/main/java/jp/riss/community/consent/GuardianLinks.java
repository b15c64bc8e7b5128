package jp.riss.community.consent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.community.member.MemberEvents;
import jp.riss.community.member.Members;
import jp.riss.community.member.Person;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Times;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.time.PlatformClock;

/**
 * The guardian's side: a signed, single-use, expiring link mailed to the guardian address the camp
 * office has on record; with it alone the guardian reads what is asked and grants or refuses each
 * scope. Any later link can revoke what an earlier one granted.
 */
@ApplicationScoped
public class GuardianLinks {

  public static final String HEADER = "X-Guardian-Token";

  /** What the guardian sees. */
  public record ConsentRequest(
      String memberName,
      String ageBand,
      String textVersion,
      String text,
      List<ScopeState> scopes,
      OffsetDateTime expiresAt) {}

  public record ScopeState(String scope, String state) {}

  /** What the guardian decided, as stored. */
  public record Decided(String textVersion, List<ScopeState> scopes, OffsetDateTime decidedAt) {}

  @Inject EntityManager em;
  @Inject GuardianTokens tokens;
  @Inject GuardianLinkConfig config;
  @Inject MailQueue mail;
  @Inject Members members;
  @Inject Consents consents;
  @Inject ConsentTexts texts;
  @Inject MemberEvents events;

  /** Mails a new link to the guardian address on record; nothing for an adult. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void issue(Person person) {
    if (person.guardianEmail == null || !person.ageBand(members.today()).minor()) {
      throw ProblemException.conflict(
          "no-guardian",
          "No guardian link",
          "Guardian links exist only for members under 18 with a guardian address on record.");
    }
    OffsetDateTime now = members.now();
    UUID id = UUID.randomUUID();
    OffsetDateTime expires = now.plus(config.validity());
    em.createNativeQuery(
            "INSERT INTO guardian_link (id, person_id, sent_to, created_at, expires_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, id)
        .setParameter(2, person.id)
        .setParameter(3, person.guardianEmail)
        .setParameter(4, now)
        .setParameter(5, expires)
        .executeUpdate();
    String link = config.linkBase() + "#token=" + tokens.sign(id, expires.toEpochSecond());
    mail.send(
        person.guardianEmail,
        "【セキュリティ・キャンプ修了生コミュニティ】保護者の同意のお願い",
        "保護者の方へ\n\nお子様（"
            + person.shownName()
            + "）のセキュリティ・キャンプ修了生コミュニティへの参加について、項目ごとの同意をお願いします。"
            + "\n次のリンクから内容をご確認のうえ、各項目に同意または不同意をお選びください（1回限り有効、"
            + expires.atZoneSameInstant(PlatformClock.JAPAN).toLocalDate()
            + " まで）。同意はいつでも新しいリンクから取り消せます。\n\n"
            + link
            + "\n",
        now);
  }

  /** Any unused link stops working (the guardian address changed). */
  @Transactional(Transactional.TxType.MANDATORY)
  void withdrawOpenLinks(UUID personId, OffsetDateTime now) {
    em.createNativeQuery(
            "UPDATE guardian_link SET expires_at = ?2 WHERE person_id = ?1 AND used_at IS NULL"
                + " AND expires_at > ?2")
        .setParameter(1, personId)
        .setParameter(2, now)
        .executeUpdate();
  }

  @Transactional
  public ConsentRequest show(String token) {
    Link link = open(token);
    Person person = members.byId(link.personId).orElseThrow();
    ConsentTexts.Text text = texts.current(members.today());
    Map<String, String> state = new LinkedHashMap<>();
    Scope.CODES.forEach(s -> state.put(s, "undecided"));
    consents
        .current(person.id)
        .forEach(d -> state.put(d.scope(), d.granted() ? "granted" : "refused"));
    return new ConsentRequest(
        person.shownName(),
        person.ageBand(members.today()).code,
        text.version(),
        text.body(),
        state.entrySet().stream().map(e -> new ScopeState(e.getKey(), e.getValue())).toList(),
        link.expiresAt);
  }

  @Transactional
  public Decided decide(String token, String textVersion, Map<String, String> decisions) {
    Link link = open(token);
    ConsentTexts.Text text = texts.current(members.today());
    List<Problem.Violation> violations = new ArrayList<>();
    if (textVersion == null) {
      violations.add(new Problem.Violation("textVersion", "is required"));
    }
    if (decisions == null || decisions.isEmpty()) {
      violations.add(new Problem.Violation("decisions", "must decide at least one scope"));
    } else {
      decisions.forEach(
          (scope, decision) -> {
            if (!Scope.CODES.contains(scope)) {
              violations.add(new Problem.Violation("decisions." + scope, "is not a consent scope"));
            } else if (!"grant".equals(decision) && !"refuse".equals(decision)) {
              violations.add(
                  new Problem.Violation("decisions." + scope, "must be grant or refuse"));
            }
          });
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(jp.riss.platform.problem.Problems.validation(violations));
    }
    if (!text.version().equals(textVersion)) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "consent-text-changed",
                  "Consent text changed",
                  "Read the consent text again: the version you answered is not the current one.")
              .with("currentTextVersion", text.version()));
    }
    Person person = members.byId(link.personId).orElseThrow();
    OffsetDateTime now = members.now();
    int used =
        em.createNativeQuery(
                "UPDATE guardian_link SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL")
            .setParameter(1, link.id)
            .setParameter(2, now)
            .executeUpdate();
    if (used == 0) {
      throw used();
    }
    List<ScopeState> stored = new ArrayList<>();
    for (String scope : Scope.CODES) {
      String decision = decisions.get(scope);
      if (decision != null) {
        boolean granted = "grant".equals(decision);
        consents.record(person.id, scope, granted, text.version(), link.sentTo, link.id, now);
        stored.add(new ScopeState(scope, granted ? "granted" : "refused"));
      }
    }
    em.flush();
    events.changed(person, "consent-changed");
    return new Decided(text.version(), stored, now);
  }

  private record Link(UUID id, UUID personId, String sentTo, OffsetDateTime expiresAt) {}

  /** 400 malformed, 404 not ours or unknown, 409 used, 410 expired. */
  private Link open(String token) {
    if (token == null) {
      throw ProblemException.badRequest(HEADER, "is required");
    }
    if (!GuardianTokens.SHAPE.matcher(token).matches()) {
      throw ProblemException.badRequest(HEADER, "must be the token of a guardian link");
    }
    GuardianTokens.Claims claims = tokens.verify(token).orElseThrow(GuardianLinks::unknown);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, person_id, sent_to, expires_at, used_at FROM guardian_link WHERE id = ?1")
            .setParameter(1, claims.linkId())
            .getResultList();
    if (rows.isEmpty()) {
      throw unknown();
    }
    Object[] row = rows.get(0);
    if (row[4] != null) {
      throw used();
    }
    OffsetDateTime expires = Times.of(row[3]);
    if (!expires.isAfter(members.now())) {
      throw new ProblemException(
          Problem.of(
              410,
              "guardian-link-expired",
              "Guardian link expired",
              "This link has expired or was replaced; ask for a new one."));
    }
    Person person = members.byId((UUID) row[1]).orElseThrow(GuardianLinks::unknown);
    if (!person.ageBand(members.today()).minor() || person.profileDeletedAt != null) {
      // Consents lapse at 18 and a deleted profile has nothing to consent to.
      throw new ProblemException(
          Problem.of(
              410,
              "guardian-link-expired",
              "Guardian link expired",
              "This link no longer applies: the member is 18 or has left the community."));
    }
    return new Link((UUID) row[0], (UUID) row[1], (String) row[2], expires);
  }

  private static ProblemException unknown() {
    return new ProblemException(
        Problem.of(
            404,
            "guardian-link-unknown",
            "Unknown guardian link",
            "This link is not known. Use the link from the latest message."));
  }

  private static ProblemException used() {
    return new ProblemException(
        Problem.of(
            409,
            "guardian-link-used",
            "Guardian link already used",
            "Each link can be used once; ask for a new one to change your decisions."));
  }
}
