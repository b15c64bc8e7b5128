package jp.riss.community.targeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import jp.riss.community.audience.Audience;
import jp.riss.community.audience.Audiences;
import jp.riss.community.member.AgeBand;
import jp.riss.community.member.Member;
import jp.riss.community.member.Scope;
import jp.riss.community.support.Checks;

/**
 * Checks a targeting as sent and decides whether it reaches a member. A member under 18 is reached
 * only by an item its sender flagged minor-suitable; the consent scope is the feature's to check.
 */
@ApplicationScoped
public class Targetings {

  public static final int MAX_PREFECTURES = 47;
  static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]");

  @Inject Audiences audiences;

  /**
   * The targeting with every bad part named in {@code checks} under {@code field}; null if bad.
   * {@code minorSuitable} may only be set when the youngest age band admits minors.
   */
  public Targeting check(Checks checks, String field, Targeting targeting, Boolean minorSuitable) {
    if (targeting == null) {
      checks.reject(field, "is required");
      return null;
    }
    Audience audience = audiences.check(checks, field, targeting.audience());
    boolean good = audience != null;
    List<String> prefectures =
        targeting.prefectures() == null ? List.of() : targeting.prefectures();
    if (prefectures.size() > MAX_PREFECTURES) {
      checks.reject(field + ".prefectures", "must hold at most " + MAX_PREFECTURES + " items");
      good = false;
    } else {
      for (int i = 0; i < prefectures.size(); i++) {
        if (checks.matching(
                field + ".prefectures[" + i + "]",
                prefectures.get(i),
                PREFECTURE,
                "must be a JIS X 0401 prefecture code, 01 to 47")
            == null) {
          good = false;
        }
      }
      if (good && prefectures.stream().distinct().count() != prefectures.size()) {
        checks.reject(field + ".prefectures", "must not repeat an item");
        good = false;
      }
    }
    if (minorSuitable == null) {
      checks.reject("minorSuitable", "is required");
    } else if (minorSuitable
        && AgeBand.codes().contains(targeting.minAgeBand())
        && !AgeBand.byCode(targeting.minAgeBand()).minor()) {
      checks.reject(
          "minorSuitable", "must be false when " + field + ".minAgeBand admits adults only");
    }
    return good ? Targeting.of(audience, List.copyOf(prefectures)) : null;
  }

  /**
   * Whether the item reaches the member: audience, residence prefecture (a member who gave none is
   * reached only by items for anywhere), and for a member under 18 the minor-suitable flag.
   */
  public boolean reaches(Targeting targeting, boolean minorSuitable, Member member) {
    if (member.minor() && !minorSuitable) {
      return false;
    }
    if (!targeting.prefectures().isEmpty()
        && !targeting.prefectures().contains(member.person().prefecture)) {
      return false;
    }
    return audiences.admits(targeting.audience(), member);
  }

  /**
   * Whether a minor's consents cover taking part in something held this way: the guardian's {@code
   * events-online} for online, {@code events-in-person} for in person, either for both. Adults:
   * always.
   */
  public static boolean consentCovers(Member member, String format) {
    if (!member.minor()) {
      return true;
    }
    return switch (format) {
      case "online" -> member.has(Scope.EVENTS_ONLINE);
      case "in-person" -> member.has(Scope.EVENTS_IN_PERSON);
      default -> member.has(Scope.EVENTS_ONLINE) || member.has(Scope.EVENTS_IN_PERSON);
    };
  }

  /** The scope a 403 names when {@link #consentCovers} says no. */
  public static Scope scopeFor(String format) {
    return "online".equals(format) ? Scope.EVENTS_ONLINE : Scope.EVENTS_IN_PERSON;
  }
}
