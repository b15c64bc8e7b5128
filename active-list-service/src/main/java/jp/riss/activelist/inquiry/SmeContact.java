package jp.riss.activelist.inquiry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The SME's contact person; the specialist sees it only when the SME consented. */
public record SmeContact(
    @NotBlank @Size(max = 100) String name,
    @Email @Size(max = 254) String email,
    @Pattern(regexp = "\\+?[0-9][0-9-]{5,19}", message = "must be a telephone number")
        String phone) {}
