package jp.riss.deemedattendance.requirement;

import jakarta.validation.constraints.NotNull;

/** What an IPA administrator may change in a requirement kind. Sent with {@code If-Match}. */
public record RequirementKindChange(@NotNull Boolean substitutable) {}
