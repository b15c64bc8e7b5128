package jp.riss.deemedattendance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import jp.riss.deemedattendance.application.Views.ApplicationSummary;
import jp.riss.deemedattendance.application.Views.ApplicationView;
import jp.riss.deemedattendance.application.Views.EntryView;
import jp.riss.deemedattendance.attestation.Attestations;

/**
 * A specialist's applications as they read them. Each view is built inside the transaction that
 * loaded it, because an application's entries load lazily.
 */
@ApplicationScoped
public class ApplicationViews {

  /** One page of summaries and the position after it (none on the last page). */
  public record Summaries(List<ApplicationSummary> items, Applications.Position next) {}

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
  public Summaries mine(String subject, int limit, Applications.Position after) {
    Applications.Slice slice = applications.mine(subject, limit, after);
    return new Summaries(slice.items().stream().map(ApplicationSummary::of).toList(), slice.next());
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
