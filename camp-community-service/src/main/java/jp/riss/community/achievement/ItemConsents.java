package jp.riss.community.achievement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.riss.community.achievement.AchievementViews.ConsentInput;
import jp.riss.community.member.Member;
import jp.riss.community.member.MemberTouched;
import jp.riss.community.member.Members;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Caller;
import jp.riss.community.support.Checks;
import jp.riss.platform.problem.ProblemException;

/**
 * Each alumnus an item names decides about that item: grant (with the details the showcase may show
 * about them) or withdraw, at any time. Granting needs the `publication` scope in force — the
 * guardian's for a minor, the member's own settings for an adult; withdrawing never needs anything.
 */
@ApplicationScoped
public class ItemConsents {

  static final Set<String> DECISIONS = Set.of("grant", "withdraw");

  @Inject Members members;
  @Inject Achievements achievements;
  @Inject NamedAlumni named;
  @Inject AchievementReference reference;
  @Inject Event<AchievementTouched> touched;

  @Transactional
  public AchievementViews.Achievement decide(Caller caller, UUID id, ConsentInput in) {
    Checks c = Checks.start();
    if (in == null) {
      c.reject("body", "is required").throwIfAny();
    }
    String decision = c.oneOf("decision", in.decision(), DECISIONS);
    List<String> fields = in.fields() == null ? List.of() : in.fields();
    if ("withdraw".equals(decision) && !fields.isEmpty()) {
      c.reject("fields", "must be empty when withdrawing");
    } else if (fields.size() > 4) {
      c.reject("fields", "must hold at most 4 items");
    }
    c.throwIfAny();
    Achievement a = achievements.visible(id, caller);
    if (caller.office()) {
      throw ProblemException.forbidden("only a named alumnus decides about their consent");
    }
    List<String> covered = List.of();
    if ("grant".equals(decision)) {
      Member m = members.active(caller.subject());
      m.require(Scope.PUBLICATION);
      // A minor's school and region never appear publicly: those fields are refused outright.
      covered = c.subset("fields", fields, reference.fields(m.minor()), 4);
      c.throwIfAny();
    }
    UUID me = members.enrolled(caller.subject()).id;
    if (!named.decide(
        a.id, me, "grant".equals(decision) ? "granted" : "withdrawn", covered, members.now())) {
      throw ProblemException.notFound("achievement " + id);
    }
    touched.fire(new AchievementTouched(a.id));
    return achievements.view(a);
  }

  /**
   * A member's consents or settings changed: every item naming them is re-decided now; a deleted
   * profile withdraws every consent it gave.
   */
  void memberChanged(@Observes MemberTouched member) {
    if ("profile-deleted".equals(member.change())) {
      named.withdrawAll(member.personId(), members.now());
    }
    for (UUID item : named.itemsNaming(member.personId())) {
      touched.fire(new AchievementTouched(item));
    }
  }
}
