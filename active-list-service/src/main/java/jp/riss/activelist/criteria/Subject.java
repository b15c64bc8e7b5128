package jp.riss.activelist.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import jp.riss.activelist.verification.RegistrationFact;

/**
 * What criteria are evaluated against: the listing's declaration as its API shape (so a criterion
 * names a field as clients know it, e.g. {@code affiliation.sideWork}), the registry's facts as
 * their owner (the deemed-attendance service) last published them, the listing's owner and the
 * pledge versions.
 */
record Subject(
    JsonNode declaration,
    RegistrationFact registry,
    String ownerSubject,
    String acceptedPledgeVersion,
    String currentPledgeVersion,
    LocalDate today) {

  /** A declared field by its dotted path; a missing node when there is none. */
  JsonNode declared(String path) {
    JsonNode node = declaration;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }
}
