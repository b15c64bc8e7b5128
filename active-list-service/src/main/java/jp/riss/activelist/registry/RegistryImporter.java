package jp.riss.activelist.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.riss.activelist.changes.ChangeFeed;
import jp.riss.activelist.criteria.CriteriaEvaluation;
import jp.riss.activelist.criteria.ListingCriteria;
import jp.riss.activelist.criteria.ListingCriterion;
import jp.riss.activelist.history.ListingHistory.Actor;
import jp.riss.activelist.listing.Listing;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.ListingTouched;
import jp.riss.activelist.review.ListingLifecycle;
import jp.riss.activelist.verification.RegistryEntry;

/**
 * One registry import: validate the file, upsert what is good, re-check the registry criteria of
 * published listings whose registry row this import created or changed, suspend those that now fail
 * (owner notified), and store the report — all in one transaction.
 *
 * <p>Suspended listings are not reinstated by a later passing import: IPA reinstates them ({@code
 * POST /listings/{id}/reinstate}, which re-checks every criterion), so a registry error that came
 * and went is seen by a person before the listing is public again.
 */
@ApplicationScoped
public class RegistryImporter {

  @Inject ChangeFeed changeFeed;
  @Inject Event<ListingTouched> touched;
  @Inject RegistryUpsert upsert;
  @Inject ListingCriteria criteria;
  @Inject ListingLifecycle lifecycle;
  @Inject RegistryImportConfig config;

  @Transactional(Transactional.TxType.MANDATORY)
  public ImportReport run(UUID id, Actor actor, String mediaType, byte[] body) {
    long started = System.nanoTime();
    OffsetDateTime receivedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    ImportFile file = ImportFile.read(mediaType, body, config.maxRecords());
    RegistryUpsert.Counts counts = upsert.apply(id, receivedAt, file.records());
    List<ImportReport.SuspendedListing> suspended = recheck(id);
    List<RowError> errors = file.errors();
    boolean truncated = errors.size() > config.maxReportedErrors();
    ImportReport report =
        new ImportReport(
            id,
            receivedAt,
            actor.subject(),
            mediaType,
            file.rows(),
            counts.created(),
            counts.updated(),
            file.records().size() - counts.created() - counts.updated(),
            file.rejected(),
            truncated ? List.copyOf(errors.subList(0, config.maxReportedErrors())) : errors,
            truncated,
            suspended,
            (System.nanoTime() - started) / 1_000_000);
    RegistryImport.of(report).persist();
    return report;
  }

  private List<ImportReport.SuspendedListing> recheck(UUID importId) {
    List<ListingCriterion> registryCriteria = criteria.registryCriteria();
    if (registryCriteria.isEmpty()) {
      return List.of();
    }
    Map<String, RegistryEntry> changed =
        RegistryEntry.<RegistryEntry>list(
                "importId = ?1 and registrationNumber in"
                    + " (select l.registrationNumber from Listing l where l.status = ?2)",
                importId,
                ListingStatus.PUBLISHED)
            .stream()
            .collect(Collectors.toMap(e -> e.registrationNumber, Function.identity()));
    if (changed.isEmpty()) {
      return List.of();
    }
    List<ImportReport.SuspendedListing> suspended = new ArrayList<>();
    List<Listing> published =
        Listing.list(
            "status = ?1 and registrationNumber in ?2 order by registrationNumber",
            ListingStatus.PUBLISHED,
            changed.keySet());
    for (Listing listing : published) {
      CriteriaEvaluation evaluation =
          criteria.evaluate(
              listing, changed.get(listing.registrationNumber), registryCriteria, null);
      if (!evaluation.passed()) {
        lifecycle.suspendForRegistry(listing, importId, evaluation);
        suspended.add(
            new ImportReport.SuspendedListing(
                listing.id, listing.registrationNumber, evaluation.failed()));
      } else {
        // Still listed, with new verified facts: CRM mirrors and the search index follow.
        changeFeed.append(listing);
        touched.fire(new ListingTouched(listing.id));
      }
    }
    return suspended;
  }
}
