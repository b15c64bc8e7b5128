package jp.riss.activelist.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.riss.platform.events.CloudEvent;
import jp.riss.platform.inbox.InboxHandler;
import jp.riss.platform.inbox.PoisonEventException;

/** Counts SME demand by theme and region from the guide's completed self-diagnoses. */
@ApplicationScoped
public class DemandEventsHandler implements InboxHandler {

  @Inject EntityManager em;

  @Override
  public String topic() {
    return SelfDiagnosisCompleted.TOPIC;
  }

  @Override
  public void handle(CloudEvent event) {
    if (!SelfDiagnosisCompleted.TYPE.equals(event.type())) {
      return;
    }
    SelfDiagnosisCompleted diagnosis;
    try {
      diagnosis = event.dataAs(SelfDiagnosisCompleted.class);
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("payload is not a completed self-diagnosis");
    }
    if (diagnosis == null || !diagnosis.isComplete()) {
      throw new PoisonEventException("completed self-diagnosis lacks required fields");
    }
    em.createNativeQuery(
            "INSERT INTO diagnosis_demand (diagnosis_id, prefecture, industry, themes,"
                + " completed_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
        .setParameter(1, diagnosis.diagnosisId())
        .setParameter(2, diagnosis.prefecture())
        .setParameter(3, diagnosis.jsicDivision())
        .setParameter(4, diagnosis.neededThemes().toArray(Integer[]::new))
        .setParameter(5, diagnosis.completedAt())
        .executeUpdate();
  }
}
