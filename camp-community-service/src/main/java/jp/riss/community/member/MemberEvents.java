package jp.riss.community.member;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.riss.platform.events.EventSource;
import jp.riss.platform.outbox.Outbox;

/** Records a member's change in the outbox, in the transaction that made it. */
@ApplicationScoped
public class MemberEvents {

  @Inject Outbox outbox;
  @Inject EventSource events;
  @Inject Members members;
  @Inject Event<MemberTouched> touched;

  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(Person person, String change) {
    Member m = members.of(person);
    MemberChanged data =
        new MemberChanged(
            person.id,
            change,
            m.band().code,
            m.scopes().stream().map(s -> s.code).sorted().toList(),
            members.now());
    outbox.append(
        MemberChanged.TOPIC,
        person.id.toString(),
        events.create(MemberChanged.TYPE, person.id.toString(), MemberChanged.SCHEMA, data));
    touched.fire(new MemberTouched(person.id, change));
  }
}
