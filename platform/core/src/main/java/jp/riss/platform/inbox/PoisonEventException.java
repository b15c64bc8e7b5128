package jp.riss.platform.inbox;

/** The event is well-formed but can never be applied; retrying would not help. */
public class PoisonEventException extends RuntimeException {
  public PoisonEventException(String reason) {
    super(reason);
  }
}
