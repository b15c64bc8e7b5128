package jp.riss.guide.content;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import jp.riss.guide.references.References;
import org.jboss.logging.Logger;

/**
 * Imports the shipped content at start-up: every version of {@code guide/versions/index.json} not
 * yet in the database, with its elements, and every resource row not yet there. What is in the
 * database already is left alone (editors' changes stand), so the import is safe on every start and
 * on several replicas at once (an advisory lock serialises them).
 */
@ApplicationScoped
public class ContentImport {

  static final String IMPORTER = "content-import";
  private static final Logger LOG = Logger.getLogger(ContentImport.class);

  @Inject GuideStore store;
  @Inject GuideEditing editing;
  @Inject References references;
  @Inject Clock clock;

  void onStart(@Observes StartupEvent start) {
    importShipped();
  }

  @Transactional
  public void importShipped() {
    store.lockForImport();
    OffsetDateTime now = OffsetDateTime.now(clock);
    int resources = references.importMissing(ContentFiles.resources(), now, IMPORTER);
    for (ContentFiles.VersionFile file : ContentFiles.versions()) {
      if (store.version(file.code()).isPresent()) {
        continue;
      }
      List<ElementData> elements = ContentFiles.elements(file);
      boolean publish = Version.PUBLISHED.equals(file.state());
      store.insertVersion(
          file.code(),
          file.title().get("ja"),
          file.title().get("en"),
          publish ? Version.REVIEW : Version.DRAFT,
          null,
          now,
          IMPORTER,
          null);
      for (ElementData e : elements) {
        store.insertElement(file.code(), e, now, IMPORTER);
      }
      store.logEdit(file.code(), null, "imported", List.of(), IMPORTER, now);
      if (publish) {
        editing.becomeCurrent(
            store.version(file.code()).orElseThrow(),
            IMPORTER,
            file.publishedAt() == null ? now : file.publishedAt());
      }
      LOG.infof("imported guide version %s (%d elements)", file.code(), elements.size());
    }
    if (resources > 0) {
      LOG.infof("imported %d guide resources", resources);
    }
  }
}
