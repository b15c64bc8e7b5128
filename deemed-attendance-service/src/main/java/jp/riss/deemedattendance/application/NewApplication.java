package jp.riss.deemedattendance.application;

/** A new draft: the requirement kind of the caller's current cycle it is for. */
public record NewApplication(String requirementKind) {}
