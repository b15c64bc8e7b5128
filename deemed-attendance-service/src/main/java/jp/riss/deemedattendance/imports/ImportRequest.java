package jp.riss.deemedattendance.imports;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A batch of records from IPA. The records are read one by one (not bound as a whole) so that a bad
 * record is reported with its index and field while the good ones are still imported.
 */
public record ImportRequest(
    @NotNull
        @Size(min = 1, max = ImportRequest.MAX_RECORDS, message = "must hold 1 to 1000 records")
        List<JsonNode> records) {

  public static final int MAX_RECORDS = 1000;
}
