package jp.riss.platform.web;

/**
 * Where the platform's route handlers sit on the Vert.x router: ahead of Quarkus's own handlers
 * (its upload limit runs at order -2 and would answer oversize bodies with an empty 413).
 */
public final class HttpOrder {

  /** Failures of the router itself (no usable Host, a target that is not a path). */
  public static final int ROUTER_FAILURES = -1001;

  public static final int REQUEST_ID = -1000;

  /** URI length, header block size and control characters: judged before anything else runs. */
  public static final int REQUEST_HEAD = -999;

  public static final int BODY_LIMIT = -998;

  private HttpOrder() {}
}
