package jp.riss.activelist.cancellation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of every cancel request (consultation events, slots, guidance engagements): why, in free
 * text. Required because a cancelled row keeps its history and must explain itself to the other
 * parties; the limit matches the database's check.
 */
public record Cancellation(@NotBlank @Size(max = 500) String reason) {

  /** The reason as stored: without the surrounding blanks a form may add. */
  public String stripped() {
    return reason.strip();
  }
}
