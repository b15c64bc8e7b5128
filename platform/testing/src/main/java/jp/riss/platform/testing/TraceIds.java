package jp.riss.platform.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random W3C trace context ids for tests that send a {@code traceparent} of their own. */
public final class TraceIds {

  private TraceIds() {}

  /** A 16-byte trace id in lower-case hex. */
  public static String traceId() {
    return hex(16);
  }

  /** An 8-byte span id in lower-case hex. */
  public static String spanId() {
    return hex(8);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zeros: W3C calls that id invalid
    return HexFormat.of().formatHex(random);
  }
}
