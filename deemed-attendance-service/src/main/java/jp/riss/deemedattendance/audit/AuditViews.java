package jp.riss.deemedattendance.audit;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** API models of sample audits. Seeds travel as decimal strings: 64 bits exceed JSON numbers. */
public final class AuditViews {

  private AuditViews() {}

  public record StratumView(
      String code, String name, BigDecimal rate, long version, OffsetDateTime updatedAt) {
    static StratumView of(AuditStratum s) {
      return new StratumView(s.code, s.nameJa, s.rate, s.version, s.updatedAt);
    }
  }

  public record StratumChange(@DecimalMin("0") @DecimalMax("1") BigDecimal rate) {}

  public record NewDraw(LocalDate periodFrom, LocalDate periodTo, String seed) {}

  public record StratumDraw(
      String stratum,
      BigDecimal rate,
      int populationSize,
      List<UUID> population,
      List<UUID> selected) {}

  public record DrawView(
      UUID id,
      LocalDate periodFrom,
      LocalDate periodTo,
      String seed,
      String algorithm,
      OffsetDateTime createdAt,
      String createdBy,
      List<StratumDraw> strata,
      List<AuditView> audits) {}

  public record StratumRerun(
      String stratum, List<UUID> recorded, List<UUID> recomputed, boolean identical) {}

  public record Rerun(
      UUID drawId, String seed, String algorithm, boolean identical, List<StratumRerun> strata) {}

  public record AuditView(
      UUID id,
      long version,
      UUID drawId,
      UUID applicationId,
      String registrationNumber,
      String stratum,
      String followUp,
      OffsetDateTime followUpAt,
      String outcome,
      String outcomeComment,
      String decidedBy,
      OffsetDateTime decidedAt,
      OffsetDateTime createdAt) {
    static AuditView of(Audit a, String registrationNumber) {
      return new AuditView(
          a.id,
          a.version,
          a.drawId,
          a.applicationId,
          registrationNumber,
          a.stratum,
          a.followUp,
          a.followUpAt,
          a.outcome,
          a.outcomeComment,
          a.decidedBy,
          a.decidedAt,
          a.createdAt);
    }
  }

  public record FollowUp(@Size(max = Audits.TEXT_MAX) String text) {}

  public record Outcome(String outcome, @Size(max = Audits.TEXT_MAX) String comment) {}
}
