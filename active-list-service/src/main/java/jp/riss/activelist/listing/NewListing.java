package jp.riss.activelist.listing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a specialist sends to create their draft listing. */
public record NewListing(
    @NotNull @Pattern(regexp = "\\d{6}", message = "must be 6 digits") String registrationNumber,
    @NotNull @Valid SelfDeclared selfDeclared) {}
