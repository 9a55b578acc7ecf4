package org.negotiate.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario could not be loaded; carries every problem found, sorted by file position. */
public class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(null, null, false, false);
    if (problems == null || problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(ORDER);
    this.problems = List.copyOf(sorted);
  }

  public ScenarioException(Problem problem) {
    this(List.of(problem));
  }

  static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> !p.file().equals("--set") ? 0 : 1)
          .thenComparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  /** Every problem found, sorted by file, line and column ({@code --set} problems last). */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems, one per line. */
  @Override
  public String getMessage() {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
