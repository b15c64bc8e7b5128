package jp.riss.activelist.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The generic evaluators a criterion row can use. Each reads its parameters from the row, so a new
 * criterion of an existing kind, or a changed threshold, needs no code.
 */
public enum CriterionKind {
  /** params {fields: [...], min}: the fields' declared values together number at least min. */
  MIN_COUNT(false) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      int count = 0;
      for (String field : strings(params, "fields")) {
        count += count(subject.declared(field));
      }
      return count >= integer(params, "min");
    }
  },
  /** params {days}: VALID in the registry and the current cycle not expiring within days. */
  REGISTRY_VALID_DAYS(true) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      return subject.registry() != null
          && "VALID".equals(subject.registry().effectiveStatus(subject.today()))
          && subject
              .registry()
              .currentCycle(subject.today())
              .map(c -> c.expiresOn().isAfter(subject.today().plusDays(integer(params, "days"))))
              .orElse(false);
    }
  },
  /**
   * params {}: no mandatory course of the current cycle is past its due date undone (and the
   * registry knows the specialist). Done means what the registry's owner says: a course completion
   * or an approved, not revoked, deemed-attendance application.
   */
  COURSES_NOT_OVERDUE(true) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      return subject.registry() != null
          && subject
              .registry()
              .currentCycle(subject.today())
              .map(c -> !c.anyOverdue(subject.today()))
              .orElse(false);
    }
  },
  /** params {}: IPA's registry binds the registration number to the listing owner's account. */
  REGISTRATION_HELD_BY_OWNER(true) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      return subject.registry() != null
          && subject.ownerSubject() != null
          && subject.registry().isHeldBy(subject.ownerSubject());
    }
  },
  /** params {}: the owner accepted the ethics pledge version now in effect. */
  PLEDGE_CURRENT(false) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      return subject.currentPledgeVersion() != null
          && subject.currentPledgeVersion().equals(subject.acceptedPledgeVersion());
    }
  },
  /** params {field, whenField, equals}: field is declared whenever whenField has that value. */
  REQUIRED_WHEN(false) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      JsonNode when = subject.declared(text(params, "whenField"));
      if (!when.isValueNode() || !when.asText().equals(text(params, "equals"))) {
        return true;
      }
      return count(subject.declared(text(params, "field"))) > 0;
    }
  },
  /** params {minFormats}: at least minFormats formats offered, each with its fee per session. */
  FEE_PER_FORMAT(false) {
    @Override
    boolean passes(Map<String, Object> params, Subject subject) {
      JsonNode formats = subject.declared("formats");
      if (formats.size() < integer(params, "minFormats")) {
        return false;
      }
      for (JsonNode format : formats) {
        if (format.path("feePerSessionJpy").isNull()
            || format.path("feePerSessionJpy").isMissingNode()) {
          return false;
        }
      }
      return true;
    }
  };

  private final boolean registry;

  CriterionKind(boolean registry) {
    this.registry = registry;
  }

  /** Whether the outcome depends on IPA's registry, so a registry change must re-check it. */
  public boolean readsRegistry() {
    return registry;
  }

  abstract boolean passes(Map<String, Object> params, Subject subject);

  private static int count(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return 0;
    }
    if (value.isArray()) {
      return value.size();
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? 1 : 0;
    }
    return value.isTextual() && value.asText().isBlank() ? 0 : 1;
  }

  private static int integer(Map<String, Object> params, String name) {
    if (params.get(name) instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalStateException("listing criterion parameter " + name + " must be a number");
  }

  private static String text(Map<String, Object> params, String name) {
    if (params.get(name) instanceof String s) {
      return s;
    }
    throw new IllegalStateException("listing criterion parameter " + name + " must be a string");
  }

  private static List<String> strings(Map<String, Object> params, String name) {
    if (params.get(name) instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    throw new IllegalStateException("listing criterion parameter " + name + " must be a list");
  }
}
