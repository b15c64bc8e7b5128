package jp.riss.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, and never if it rolls back: a relay
 * woken or a cache dropped before the commit would read the state without the change.
 */
@ApplicationScoped
public class AfterCommit {

  @Inject TransactionSynchronizationRegistry transactions;

  /** Registers {@code action} on the transaction active now (there must be one). */
  public void run(Runnable action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
