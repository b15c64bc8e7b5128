package jp.riss.activelist.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The stored record of one registry import: who sent what, when, and what it did. */
@Entity
@Table(name = "registry_import")
public class RegistryImport extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "received_at", nullable = false)
  public OffsetDateTime receivedAt;

  @Column(nullable = false, columnDefinition = "text")
  public String actor;

  @Column(name = "media_type", nullable = false, columnDefinition = "text")
  public String mediaType;

  @Column(nullable = false)
  public int records;

  @Column(nullable = false)
  public int created;

  @Column(nullable = false)
  public int updated;

  @Column(nullable = false)
  public int unchanged;

  @Column(nullable = false)
  public int rejected;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<RowError> errors;

  @Column(name = "errors_truncated", nullable = false)
  public boolean errorsTruncated;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<ImportReport.SuspendedListing> suspended;

  @Column(name = "duration_ms", nullable = false)
  public long durationMs;

  static RegistryImport of(ImportReport report) {
    RegistryImport row = new RegistryImport();
    row.id = report.id();
    row.receivedAt = report.receivedAt();
    row.actor = report.actor();
    row.mediaType = report.mediaType();
    row.records = report.records();
    row.created = report.created();
    row.updated = report.updated();
    row.unchanged = report.unchanged();
    row.rejected = report.rejected();
    row.errors = report.errors();
    row.errorsTruncated = report.errorsTruncated();
    row.suspended = report.suspended();
    row.durationMs = report.durationMs();
    return row;
  }

  ImportReport report() {
    return new ImportReport(
        id,
        receivedAt,
        actor,
        mediaType,
        records,
        created,
        updated,
        unchanged,
        rejected,
        errors,
        errorsTruncated,
        suspended,
        durationMs);
  }
}
