package jp.riss.activelist.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why IPA rejects or suspends a listing; its owner reads it in {@code statusReason}. */
public record StatusReason(@NotBlank @Size(max = 1000) String reason) {}
