package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import jp.riss.deemedattendance.application.Views.ApplicationSummary;
import jp.riss.deemedattendance.application.Views.ApplicationView;
import jp.riss.deemedattendance.application.Views.EntryView;
import jp.riss.deemedattendance.attestation.Attestations;
import jp.riss.platform.web.Keyset;

/**
 * A specialist's applications as they read them. Each view is built inside the transaction that
 * loaded it, because an application's entries load lazily.
 */
@ApplicationScoped
public class ApplicationViews {

  @Inject Applications applications;
  @Inject ExperienceEntries entries;
  @Inject Submissions submissions;
  @Inject Attestations attestations;

  @Transactional
  public ApplicationView owned(UUID id, String subject) {
    return ApplicationView.of(applications.owned(id, subject));
  }

  @Transactional
  public EntryView entry(UUID applicationId, UUID entryId, String subject) {
    return EntryView.of(entries.entry(applications.owned(applicationId, subject), entryId));
  }

  @Transactional
  public Keyset.Page<ApplicationSummary> mine(String subject, int limit, Keyset after) {
    return applications.mine(subject, limit, after).map(ApplicationSummary::of);
  }

  /** Submits the application and answers with it as submitted, in one transaction. */
  @Transactional
  public ApplicationView submit(UUID id, String subject, String ifMatch, NewSubmission body) {
    return ApplicationView.of(submissions.submit(id, subject, ifMatch, body));
  }

  /** Asks the entry's attester to attest and answers with the entry, in one transaction. */
  @Transactional
  public EntryView requestAttestation(UUID applicationId, UUID entryId, String subject) {
    return EntryView.of(attestations.request(applicationId, entryId, subject));
  }
}
