package jp.riss.activelist.shortlist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An SME profile to find specialists for, how many ({@code k}, default 5) and the seed that makes
 * the answer repeatable (random when absent, and returned so the caller can repeat it).
 */
public record ShortlistRequest(
    @NotNull @Valid SmeProfile profile, @Min(1) @Max(20) Integer k, @PositiveOrZero Long seed) {

  public static final int DEFAULT_K = 5;

  public ShortlistRequest {
    k = k == null ? DEFAULT_K : k;
  }
}
