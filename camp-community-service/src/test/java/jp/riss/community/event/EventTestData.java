package jp.riss.community.event;

import java.util.Map;

/** Event bodies for tests of other packages. */
public final class EventTestData {

  private EventTestData() {}

  public static Map<String, Object> workshop() {
    return EventApi.event("workshop", "online", 20, 10);
  }
}
