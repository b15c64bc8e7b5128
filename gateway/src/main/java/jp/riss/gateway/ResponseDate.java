package jp.riss.gateway;

import io.netty.handler.codec.DateFormatter;
import java.util.Date;

/**
 * The {@code Date} a forwarded answer gets when its service sent none: a recipient with a clock
 * that forwards a response without one must add it (RFC 9110 §6.6.1). Formatted at most once a
 * second, not per answer: the value has a resolution of seconds anyway.
 */
final class ResponseDate {

  private record Stamp(long second, String text) {}

  private static volatile Stamp last = new Stamp(-1, "");

  private ResponseDate() {}

  static String now() {
    long millis = System.currentTimeMillis();
    long second = millis / 1000;
    Stamp stamp = last;
    if (stamp.second() != second) {
      stamp = new Stamp(second, DateFormatter.format(new Date(second * 1000)));
      last = stamp;
    }
    return stamp.text();
  }
}
