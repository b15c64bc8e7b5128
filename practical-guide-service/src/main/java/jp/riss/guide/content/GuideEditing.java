package jp.riss.guide.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;
import jp.riss.platform.problem.Problem;
import jp.riss.platform.problem.ProblemException;
import jp.riss.platform.problem.Problems;
import jp.riss.platform.web.Preconditions;

/**
 * Editing the guide: a new draft copies a version, editors change it element by element, a reviewer
 * approves it in review, an editor publishes it; the previously current version retires and {@code
 * guide.version.v1} goes out in the same transaction. Only drafts change.
 */
@ApplicationScoped
public class GuideEditing {

  @Inject GuideStore store;
  @Inject GuideReads reads;
  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject Clock clock;

  @Transactional
  public Version createVersion(NewVersion request, String by) {
    List<Problem.Violation> v = new ArrayList<>();
    if (request.code() == null
        || !GuideReads.VERSION_CODE.matcher(request.code()).matches()
        || GuideReads.CURRENT.equals(request.code())) {
      v.add(
          new Problem.Violation("code", "must be 3 to 40 characters a-z, 0-9 and -, not current"));
    }
    if (request.basedOn() != null
        && !GuideReads.VERSION_CODE.matcher(request.basedOn()).matches()) {
      v.add(new Problem.Violation("basedOn", "must be a version code"));
    }
    title(v, "titleJa", request.titleJa());
    title(v, "titleEn", request.titleEn());
    if (!v.isEmpty()) {
      throw new ProblemException(Problems.validation(v));
    }
    Version base =
        request.basedOn() == null || GuideReads.CURRENT.equals(request.basedOn())
            ? reads.current()
            : store
                .version(request.basedOn())
                .orElseThrow(() -> ProblemException.badRequest("basedOn", "names no version"));
    if (store.version(request.code()).isPresent()) {
      throw ProblemException.conflict(
          "version-exists", "Version exists", "A guide version " + request.code() + " exists.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.insertVersion(
        request.code(),
        request.titleJa() == null ? base.titleJa() : request.titleJa(),
        request.titleEn() == null ? base.titleEn() : request.titleEn(),
        Version.DRAFT,
        base.code(),
        now,
        by,
        null);
    store.copyElements(base.code(), request.code(), now, by);
    store.logEdit(request.code(), null, "created", List.of("basedOn=" + base.code()), by, now);
    return store.version(request.code()).orElseThrow();
  }

  @Transactional
  public Element addElement(String code, ElementData data, String by) {
    Version v = draft(code);
    ElementData placed =
        new ElementData(
            data.key(),
            data.kind(),
            data.step(),
            data.parent(),
            data.seedLine(),
            data.inHouseOnly(),
            data.attrs(),
            data.ja(),
            data.en() == null ? new Element.EnText("missing", null, null) : data.en(),
            data.order() == null ? 9_999 : data.order());
    List<Problem.Violation> violations = new ArrayList<>(ElementRules.check(placed));
    if (violations.isEmpty()
        && placed.parent() != null
        && store.element(v.code(), placed.parent()).isEmpty()) {
      violations.add(new Problem.Violation("parent", "names no element of version " + v.code()));
    }
    unknownResources(violations, placed.attrs());
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    if (store.element(v.code(), placed.key()).isPresent()) {
      throw ProblemException.conflict(
          "element-exists", "Element exists", "Version " + v.code() + " has " + placed.key() + ".");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.insertElement(v.code(), placed, now, by);
    store.logEdit(v.code(), placed.key(), "added", List.of(), by, now);
    return store.element(v.code(), placed.key()).orElseThrow();
  }

  @Transactional
  public Element changeElement(
      String code, String key, String ifMatch, ElementPatch patch, String by) {
    Version v = draft(code);
    Element e = existing(v, key);
    List<Problem.Violation> violations = new ArrayList<>(ElementRules.checkPatch(e.kind(), patch));
    if (patch.attrs() != null) {
      unknownResources(violations, patch.attrs());
    }
    if (!violations.isEmpty()) {
      throw new ProblemException(Problems.validation(violations));
    }
    Preconditions.requireIfMatch(ifMatch, e.revision());
    Element changed =
        new Element(
            e.key(),
            e.kind(),
            e.step(),
            e.parent(),
            patch.order() == null ? e.order() : patch.order(),
            e.seedLine(),
            patch.inHouseOnly() == null ? e.inHouseOnly() : patch.inHouseOnly(),
            patch.attrs() == null ? e.attrs() : patch.attrs(),
            patch.ja() == null ? e.ja() : patch.ja(),
            patch.en() == null ? e.en() : patch.en(),
            e.revision(),
            e.updatedAt());
    List<String> fields =
        VersionDiff.between("a", List.of(e), "b", List.of(changed)).items().stream()
            .flatMap(c -> c.fields().stream())
            .toList();
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.updateElement(v.code(), changed, now, by);
    store.logEdit(v.code(), key, "changed", fields, by, now);
    return store.element(v.code(), key).orElseThrow();
  }

  @Transactional
  public void removeElement(String code, String key, String ifMatch, String by) {
    Version v = draft(code);
    Element e = existing(v, key);
    Preconditions.requireIfMatch(ifMatch, e.revision());
    if (store.hasChildren(v.code(), key)) {
      throw ProblemException.conflict(
          "element-has-children",
          "Element has children",
          "Remove the elements under " + key + " first.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.deleteElement(v.code(), key);
    store.logEdit(v.code(), key, "removed", List.of(), by, now);
  }

  /** draft → review (an editor hands it to review). */
  @Transactional
  public Version submit(String code, String ifMatch, String by) {
    return move(code, ifMatch, Version.DRAFT, Version.REVIEW, "submitted", by);
  }

  /** A reviewer approves a version in review; it stays in review until an editor publishes. */
  @Transactional
  public Version approve(String code, String ifMatch, String by) {
    Version v = locked(code, ifMatch);
    if (!Version.REVIEW.equals(v.state()) || v.approvedAt() != null) {
      throw notInState(v, "in review and not yet approved");
    }
    store.moveVersion(v.code(), Version.REVIEW, "approved", by, OffsetDateTime.now(clock));
    store.logEdit(v.code(), null, "approved", List.of(), by, OffsetDateTime.now(clock));
    return store.version(v.code()).orElseThrow();
  }

  /** A reviewer sends a version in review back to draft (any approval lapses). */
  @Transactional
  public Version returnToDraft(String code, String ifMatch, String by) {
    return move(code, ifMatch, Version.REVIEW, Version.DRAFT, "returned", by);
  }

  /** review (approved) → published; the current version retires; the event goes out. */
  @Transactional
  public Version publish(String code, String ifMatch, String by) {
    Version v = locked(code, ifMatch);
    if (!Version.REVIEW.equals(v.state()) || v.approvedAt() == null) {
      throw notInState(v, "in review and approved by a reviewer");
    }
    becomeCurrent(v, by, OffsetDateTime.now(clock));
    return store.version(v.code()).orElseThrow();
  }

  /**
   * Makes {@code v} the current version: the one published before retires, and {@code
   * guide.version.v1} is written to the outbox in this transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void becomeCurrent(Version v, String by, OffsetDateTime now) {
    Version previous = store.current().orElse(null);
    List<Element> before = previous == null ? List.of() : store.elements(previous.code());
    if (previous != null) {
      store.moveVersion(previous.code(), Version.RETIRED, "retired", by, now);
    }
    if (!Version.PUBLISHED.equals(v.state())) {
      store.moveVersion(v.code(), Version.PUBLISHED, "published", by, now);
    }
    store.logEdit(v.code(), null, "published", List.of(), by, now);
    List<Element> after = store.elements(v.code());
    VersionDiff.View diff =
        VersionDiff.between(previous == null ? null : previous.code(), before, v.code(), after);
    Version published = store.version(v.code()).orElseThrow();
    VersionPublished data =
        new VersionPublished(
            v.code(),
            previous == null ? null : previous.code(),
            v.basedOn(),
            published.publishedAt(),
            after.size(),
            new VersionPublished.Changes(diff.added(), diff.changed(), diff.removed()));
    outbox.append(
        VersionPublished.TOPIC,
        v.code(),
        events.create(VersionPublished.TYPE, v.code(), VersionPublished.SCHEMA, data));
  }

  @Transactional
  public VersionDiff.View diff(String code, String against, Reader reader) {
    Version to = reads.visible(code, reader);
    Version from;
    try {
      from = reads.visible(against, reader);
    } catch (ProblemException e) {
      if (e.problem().status() == 404) {
        throw ProblemException.badRequest("from", "names no guide version");
      }
      throw ProblemException.badRequest("from", "must be current or a version code");
    }
    return VersionDiff.between(
        from.code(), store.elements(from.code()), to.code(), store.elements(to.code()));
  }

  @Transactional
  public EditView edits(String code, Reader reader) {
    Version v = reads.visible(code, reader);
    return new EditView(v.code(), store.edits(v.code()));
  }

  private Version move(
      String code, String ifMatch, String from, String to, String stamp, String by) {
    Version v = locked(code, ifMatch);
    if (!from.equals(v.state())) {
      throw notInState(v, from);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    store.moveVersion(v.code(), to, stamp, by, now);
    store.logEdit(v.code(), null, stamp, List.of(), by, now);
    return store.version(v.code()).orElseThrow();
  }

  private Version locked(String code, String ifMatch) {
    Version v = reads.visible(code, new Reader(null, true));
    Version row = store.versionForUpdate(v.code()).orElseThrow();
    Preconditions.requireIfMatch(ifMatch, row.revision());
    return row;
  }

  private Version draft(String code) {
    Version v = reads.visible(code, new Reader(null, true));
    if (!Version.DRAFT.equals(v.state())) {
      throw notInState(v, Version.DRAFT + " (make a new version to change it)");
    }
    return v;
  }

  private Element existing(Version v, String key) {
    if (key == null
        || key.length() > ElementRules.KEY_MAX
        || !ElementRules.KEY.matcher(key).matches()) {
      throw ProblemException.badRequest(
          "key", "must be an element key such as step2.measure.basic-policy");
    }
    return store
        .element(v.code(), key)
        .orElseThrow(() -> ProblemException.notFound("element " + key + " of version " + v.code()));
  }

  private void unknownResources(List<Problem.Violation> violations, Attrs attrs) {
    if (attrs == null || attrs.resources() == null || attrs.resources().contains(null)) {
      return;
    }
    for (Integer n : store.unknownResources(attrs.resources())) {
      violations.add(new Problem.Violation("attrs.resources", "resource " + n + " does not exist"));
    }
  }

  private static void title(List<Problem.Violation> v, String field, String value) {
    if (value != null
        && (value.isBlank()
            || value.length() > ElementRules.TITLE_MAX
            || value.indexOf('\u0000') >= 0)) {
      v.add(new Problem.Violation(field, "must be 1 to " + ElementRules.TITLE_MAX + " characters"));
    }
  }

  private static ProblemException notInState(Version v, String wanted) {
    return new ProblemException(
        Problem.of(
                409,
                "version-state",
                "Not possible in this state",
                "Version " + v.code() + " is " + v.state() + "; this needs it " + wanted + ".")
            .with("state", v.state()));
  }
}
