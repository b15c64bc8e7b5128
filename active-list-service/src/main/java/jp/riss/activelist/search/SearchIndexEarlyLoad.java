package jp.riss.activelist.search;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Starts loading the search index the moment Flyway has migrated the schema at startup, instead of
 * when Quarkus fires {@code StartupEvent} after Hibernate, the Kafka consumers and the rest have
 * started: the load then runs on its own thread while the main thread does that work (on two cores,
 * most of it in parallel). {@link ListingSearch#start} still waits for the load before the HTTP
 * server opens, so nothing is answered from an index that is not complete. The schema must be
 * migrated first: the load reads the tables the migrations made.
 */
@ApplicationScoped
class SearchIndexEarlyLoad implements FlywayConfigurationCustomizer {

  @Inject ListingSearch search;

  @Override
  public void customize(FluentConfiguration configuration) {
    configuration.callbacks(new AfterMigrate());
  }

  private final class AfterMigrate implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      search.startLoading();
    }

    @Override
    public String getCallbackName() {
      return "search-index-early-load";
    }
  }
}
