package jp.riss.community.member;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a guardian consents to for a member under 18, one scope per function. The list already
 * covers what part 2 adds (events, surveys, government calls, publication, Camp Connect): a
 * function a minor can reach checks the scope named for it.
 */
public enum Scope {
  MEMBERSHIP("membership"),
  PROFILE_IN_COMMUNITY("profile-in-community"),
  GROUPS("groups"),
  EVENTS_ONLINE("events-online"),
  EVENTS_IN_PERSON("events-in-person"),
  SURVEYS("surveys"),
  GOVERNMENT_CALLS("government-calls"),
  PUBLICATION("publication"),
  CONNECT_APPLICATION("connect-application");

  public final String code;

  Scope(String code) {
    this.code = code;
  }

  public static final Set<String> CODES =
      new LinkedHashSet<>(Arrays.stream(values()).map(s -> s.code).toList());

  public static Scope byCode(String code) {
    for (Scope s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException(code);
  }

  /** What an adult's own settings hold when they enrol: everything except publication. */
  public static List<String> adultDefaults() {
    return Arrays.stream(values()).filter(s -> s != PUBLICATION).map(s -> s.code).toList();
  }
}
