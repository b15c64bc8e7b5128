package jp.riss.activelist.listing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the owner may change in their listing (the whole editable state; the registration number is
 * fixed). Sent with {@code If-Match}.
 */
public record ListingChanges(
    @NotBlank @Size(max = 100) String displayName,
    @NotEmpty @Size(max = 47)
        List<
                @NotNull
                @Pattern(regexp = "\\d{2}", message = "must be a JIS X 0401 code such as \"13\"")
                String>
            prefectures,
    @NotEmpty @Size(max = 20) List<@NotNull @Min(1) @Max(99) Integer> themes) {}
