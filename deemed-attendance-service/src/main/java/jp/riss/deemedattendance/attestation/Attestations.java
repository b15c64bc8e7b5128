package jp.riss.deemedattendance.attestation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.riss.deemedattendance.application.Application;
import jp.riss.deemedattendance.application.Applications;
import jp.riss.deemedattendance.application.EntryStatus;
import jp.riss.deemedattendance.application.ExperienceEntries;
import jp.riss.deemedattendance.application.ExperienceEntry;
import jp.riss.deemedattendance.example.Texts;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.mail.MailQueue;
import jp.riss.platform.mail.MailTemplates;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Certifier attestation: the owner asks, the certifier answers with only the one-time token. The
 * token is stored as its SHA-256; it leaves the service once, in the attestation-requested event
 * (and in the dev mailbox when that is enabled).
 */
@ApplicationScoped
public class Attestations {

  @Inject Clock clock;

  public static final int COMMENT_MAX = 2000;
  private static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

  @Inject EntityManager em;
  @Inject Applications applications;
  @Inject ExperienceEntries entries;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject MailQueue mail;
  @Inject MailTemplates templates;

  @ConfigProperty(name = "riss.deemed-attendance.attestation.validity", defaultValue = "P14D")
  Duration validity;

  @ConfigProperty(
      name = "riss.deemed-attendance.attestation.link-base",
      defaultValue = "http://localhost:8080/deemed-attendance/attest")
  String linkBase;

  /** What the certifier sees: the entry to attest and who asks, nothing else. */
  public record CertifierView(
      String title,
      String description,
      java.time.LocalDate periodFrom,
      java.time.LocalDate periodTo,
      String organisationName,
      String applicantRole,
      String applicantDisplayName) {}

  public record Decision(String decision, @Size(max = COMMENT_MAX) String comment) {}

  public record Outcome(String decision, String comment, OffsetDateTime decidedAt) {}

  @Transactional
  public ExperienceEntry request(UUID applicationId, UUID entryId, String subject) {
    Application application = applications.owned(applicationId, subject);
    ExperienceEntry entry = entries.entry(application, entryId);
    if (!application.status.isAmendable()) {
      throw ProblemException.conflict(
          "not-a-draft", "Not a draft", "Only entries of a draft application can be attested.");
    }
    if (!entry.isComplete()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "entry-incomplete",
                  "Entry incomplete",
                  "Fill in the organisation's corporate number, your role and the certifier"
                      + " (replace the entry) before asking for attestation.")
              .with("entryId", entry.id)
              .withViolations(
                  List.of(
                      new Problem.Violation(
                          "certifierEmail", "is required before attestation can be requested"))));
    }
    if (!entry.isEditable()) {
      throw new ProblemException(
          Problem.of(
                  409,
                  "attestation-not-requestable",
                  "Attestation not requestable",
                  "The entry is "
                      + entry.status
                      + "; attestation can be requested for a DRAFT or DECLINED entry only.")
              .with("entryId", entry.id)
              .with("entryStatus", entry.status.name()));
    }
    OffsetDateTime now = now();
    String token = AttestationTokens.generate();
    AttestationRequest request = new AttestationRequest();
    request.id = UUID.randomUUID();
    request.entry = entry;
    request.tokenHash = AttestationTokens.hash(token);
    request.applicantDisplay = applicantDisplay(application);
    request.createdAt = now;
    request.expiresAt = now.plus(validity);
    em.persist(request);

    entry.status = EntryStatus.PENDING_ATTESTATION;
    entry.attestationRequestedAt = now;
    entry.attestationExpiresAt = request.expiresAt;
    entry.attestationDecidedAt = null;
    entry.attestationComment = null;
    entry.attestedByName = null;
    entry.updatedAt = now;
    application.updatedAt = now;
    em.flush();

    // The message and the event are built from the same data at the same time, and the message
    // is queued under the event's id: one event, one mail, whatever happens to either later.
    String link = linkBase + "#token=" + token;
    MailTemplates.Rendered message =
        templates.render(
            "attestation-requested",
            Map.of(
                "certifierName", entry.certifierName,
                "certifierTitle", entry.certifierTitle,
                "applicantDisplay", request.applicantDisplay,
                "entryTitle", entry.title,
                "organisationName", entry.organisationName,
                "expiresAt", JST.format(request.expiresAt),
                "link", link));
    AttestationRequested data =
        new AttestationRequested(
            request.id,
            application.id,
            entry.id,
            entry.certifierName,
            entry.certifierTitle,
            entry.certifierEmail,
            request.applicantDisplay,
            entry.title,
            entry.organisationName,
            link,
            request.expiresAt,
            message.subject(),
            message.body());
    CloudEvent event =
        events.create(
            AttestationRequested.TYPE, entry.id.toString(), AttestationRequested.SCHEMA, data);
    outbox.append(AttestationRequested.TOPIC, entry.id.toString(), event);
    mail.send(
        UUID.fromString(event.id()), entry.certifierEmail, message.subject(), message.body(), now);
    return entry;
  }

  @Transactional
  public CertifierView view(String token) {
    AttestationRequest request = open(token);
    ExperienceEntry e = request.entry;
    return new CertifierView(
        e.title,
        e.description,
        e.periodFrom,
        e.periodTo,
        e.organisationName,
        e.applicantRole,
        request.applicantDisplay);
  }

  @Transactional
  public Outcome decide(String token, Decision body) {
    String decision = body == null ? null : body.decision();
    String comment = body == null || body.comment() == null ? null : body.comment().strip();
    if (comment != null && comment.isEmpty()) {
      comment = null;
    }
    List<Problem.Violation> v = new java.util.ArrayList<>();
    if (decision == null) {
      v.add(new Problem.Violation("decision", "is required"));
    } else if (!decision.equals("CONFIRMED") && !decision.equals("DECLINED")) {
      v.add(new Problem.Violation("decision", "must be CONFIRMED or DECLINED"));
    }
    if ("DECLINED".equals(decision) && comment == null) {
      v.add(new Problem.Violation("comment", "is required when declining"));
    }
    if (Texts.longerThan(comment, COMMENT_MAX)) {
      v.add(new Problem.Violation("comment", "must be at most " + COMMENT_MAX + " characters"));
    }
    AttestationRequest request = open(token);
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    // Locks the entry row (its version) with the request: two answers can't both win.
    em.refresh(request, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (request.usedAt != null) {
      throw used();
    }
    OffsetDateTime now = now();
    request.usedAt = now;
    request.decision = decision;
    ExperienceEntry entry = request.entry;
    entry.status = decision.equals("CONFIRMED") ? EntryStatus.ATTESTED : EntryStatus.DECLINED;
    entry.attestationDecidedAt = now;
    entry.attestationComment = comment;
    entry.attestedByName = entry.certifierName;
    entry.updatedAt = now;
    entry.application.updatedAt = now;
    em.flush();
    return new Outcome(decision, comment, now);
  }

  /** The request a token opens: 400 malformed, 404 unknown, 409 used, 410 expired. */
  private AttestationRequest open(String token) {
    if (token == null) {
      throw ProblemException.badRequest(AttestationTokens.HEADER, "is required");
    }
    if (!AttestationTokens.wellFormed(token)) {
      throw ProblemException.badRequest(
          AttestationTokens.HEADER, "must be the 43-character token of the attestation link");
    }
    List<AttestationRequest> found =
        em.createQuery(
                "SELECT r FROM AttestationRequest r JOIN FETCH r.entry WHERE r.tokenHash = :hash",
                AttestationRequest.class)
            .setParameter("hash", AttestationTokens.hash(token))
            .getResultList();
    if (found.isEmpty()) {
      throw new ProblemException(
          Problem.of(
              404,
              "attestation-token-unknown",
              "Unknown attestation link",
              "This attestation link is not known. Use the link from the latest message."));
    }
    AttestationRequest request = found.get(0);
    if (request.usedAt != null || request.entry.status != EntryStatus.PENDING_ATTESTATION) {
      throw used();
    }
    if (!request.expiresAt.isAfter(OffsetDateTime.now(clock))) {
      throw new ProblemException(
          Problem.of(
                  410,
                  "attestation-token-expired",
                  "Attestation link expired",
                  "This attestation link has expired; the applicant can request a new one.")
              .with("expiredAt", request.expiresAt));
    }
    return request;
  }

  private static ProblemException used() {
    return new ProblemException(
        Problem.of(
            409,
            "attestation-token-used",
            "Attestation link already used",
            "This attestation link has already been answered; each link can be used once."));
  }

  /**
   * How the certifier is told who asks. The service knows specialists by registration number
   * (public in the 登録簿), not by name; names come with IPA's registry data later.
   */
  private static String applicantDisplay(Application application) {
    return "登録情報処理安全確保支援士 登録番号 " + application.cycle.registrationNumber;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
