package jp.riss.activelist.engagement;

import java.time.LocalDate;

/**
 * One of an engagement's three visits: its goal, and once it took place, when and what came of it.
 */
public record Visit(int number, String goal, LocalDate visitedOn, String outcome) {

  boolean done() {
    return visitedOn != null && outcome != null;
  }
}
