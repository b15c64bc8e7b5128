package jp.riss.activelist.engagement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A support body arranging guidance (or a specialist starting it from an accepted inquiry). Without
 * {@code visits} the theme's standard goals are used.
 */
public record NewEngagement(
    @NotNull @Size(max = 36) String listingId,
    @Size(max = 36) String inquiryId,
    @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String organisationName,
    @Pattern(regexp = "\\d{13}", message = "must be a 13-digit corporate number (法人番号)")
        String corporateNumber,
    @NotNull @Min(1) @Max(99) Integer themeNumber,
    @NotNull LocalDate startedOn,
    @Size(min = 3, max = 3, message = "must be exactly three visits")
        List<@NotNull @Valid PlannedVisit> visits) {

  public record PlannedVisit(
      @NotNull @Min(1) @Max(3) Integer number, @NotBlank @Size(max = 500) String goal) {}
}
