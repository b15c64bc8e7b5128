package jp.riss.activelist.search;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.riss.activelist.listing.ListingStatus;
import jp.riss.activelist.listing.SelfDeclared;
import jp.riss.activelist.verification.RegistrationChanged;
import jp.riss.activelist.verification.RegistrationFact;
import jp.riss.activelist.verification.VerifiedFacts;

/**
 * Reads listings for the search index straight from the tables: all published ones at startup, one
 * after each committed change, and those changed since a time for the catch-up. Plain JDBC (each
 * read its own short transaction) because the index reads tens of thousands of rows at once and
 * needs no managed entities.
 */
@ApplicationScoped
class PublishedListings {

  @Inject Clock clock;

  private static final String SELECT =
      """
      SELECT l.id, l.version, l.status, l.updated_at, l.registration_number, l.display_name,
             l.display_name_kana, l.affiliation, l.company_name, l.prefectures,
             l.online_nationwide, l.themes, l.industries, l.formats::text,
             l.first_consultation_free, l.engagement_lengths, l.qualifications,
             l.other_qualifications, l.self_introduction, l.track_records::text,
             l.availability, l.unavailable_until, l.capacity, l.open_inquiries,
             r.status AS registration_status, r.registered_on, r.cycles::text AS cycles,
             r.changed_at, r.received_at
        FROM listing l
        LEFT JOIN registration_fact r ON r.registration_number = l.registration_number
      """;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  // One reader per stored JSON column, built once: the index load reads thousands of rows.
  private static final ObjectReader FORMATS =
      JSON.readerFor(new TypeReference<List<SelfDeclared.FormatFee>>() {});
  private static final ObjectReader TRACK_RECORDS =
      JSON.readerFor(new TypeReference<List<SelfDeclared.TrackRecord>>() {});
  private static final ObjectReader CYCLES =
      jp.riss.platform.events.EventJson.mapper()
          .readerFor(new TypeReference<List<RegistrationChanged.CycleFacts>>() {});

  @Inject AgroalDataSource dataSource;

  List<StoredListing> allPublished() throws SQLException {
    return query(SELECT + " WHERE l.status = 'PUBLISHED'", null);
  }

  Optional<StoredListing> one(UUID id) throws SQLException {
    return query(SELECT + " WHERE l.id = ?", ps -> ps.setObject(1, id)).stream().findFirst();
  }

  /**
   * Listings (in any status) whose row, inquiry load or registry entry changed after {@code since}.
   */
  List<StoredListing> changedSince(OffsetDateTime since) throws SQLException {
    return query(
        SELECT + " WHERE l.updated_at > ? OR l.load_changed_at > ? OR r.received_at > ?",
        ps -> {
          ps.setObject(1, since);
          ps.setObject(2, since);
          ps.setObject(3, since);
        });
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private List<StoredListing> query(String sql, Binder binder) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(1000);
      if (binder != null) {
        binder.bind(statement);
      }
      List<StoredListing> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    }
  }

  private StoredListing row(ResultSet rs) throws SQLException {
    String registryStatus = rs.getString("registration_status");
    Date until = rs.getDate("unavailable_until");
    return new StoredListing(
        rs.getObject("id", UUID.class),
        rs.getLong("version"),
        ListingStatus.valueOf(rs.getString("status")),
        rs.getObject("updated_at", OffsetDateTime.class),
        rs.getString("registration_number"),
        rs.getString("display_name"),
        rs.getString("display_name_kana"),
        SelfDeclared.Affiliation.Kind.valueOf(rs.getString("affiliation")),
        rs.getString("company_name"),
        strings(rs.getArray("prefectures")),
        rs.getBoolean("online_nationwide"),
        Arrays.stream((Integer[]) rs.getArray("themes").getArray()).toList(),
        strings(rs.getArray("industries")),
        json(rs.getString("formats"), FORMATS),
        rs.getBoolean("first_consultation_free"),
        strings(rs.getArray("engagement_lengths")),
        strings(rs.getArray("qualifications")),
        strings(rs.getArray("other_qualifications")),
        rs.getString("self_introduction"),
        json(rs.getString("track_records"), TRACK_RECORDS),
        new SelfDeclared.Availability(
            SelfDeclared.Availability.Status.valueOf(rs.getString("availability")),
            until == null ? null : until.toLocalDate()),
        rs.getInt("capacity"),
        rs.getInt("open_inquiries"),
        registryStatus == null ? null : registry(rs));
  }

  /** The registry facts as the listing's verified side shows them (one rule: VerifiedFacts). */
  private StoredListing.Registry registry(ResultSet rs) throws SQLException {
    RegistrationFact fact = new RegistrationFact();
    fact.status = rs.getString("registration_status");
    fact.registeredOn = rs.getDate("registered_on").toLocalDate();
    try {
      fact.cycles = CYCLES.readValue(rs.getString("cycles"));
    } catch (IOException e) {
      throw new IllegalStateException("stored registry facts cannot be read", e);
    }
    fact.changedAt = rs.getObject("changed_at", OffsetDateTime.class);
    VerifiedFacts verified =
        VerifiedFacts.of(
            LocalDate.now(clock.withZone(VerifiedFacts.JAPAN)), fact, null, 0, null, null);
    if (verified.registration() == null) {
      return null;
    }
    return new StoredListing.Registry(
        verified.registration().status(),
        verified.registration().registeredOn(),
        verified.registration().expiresOn(),
        verified.mandatoryCourses().onlineCourse() == null
            ? null
            : verified.mandatoryCourses().onlineCourse().status(),
        verified.mandatoryCourses().practicalCourse() == null
            ? null
            : verified.mandatoryCourses().practicalCourse().status(),
        rs.getObject("received_at", OffsetDateTime.class));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  private static <T> List<T> json(String text, ObjectReader reader) {
    try {
      return text == null ? List.of() : reader.readValue(text);
    } catch (IOException e) {
      throw new IllegalStateException("stored JSON of a listing cannot be read", e);
    }
  }
}
