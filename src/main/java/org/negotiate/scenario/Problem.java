package org.negotiate.scenario;

/**
 * One thing wrong with a scenario file or a {@code --set} override.
 *
 * @param file the file as the caller named it, or {@code --set} for an override
 * @param line 1-based line of the offending value (or key), 0 when there is no position
 * @param column 1-based column, 0 when there is no position
 * @param field where in the scenario, e.g. {@code actors[turkey].stances.withdrawal.salience};
 *     empty for file-level problems; for {@code --set} the override text or the field it broke
 * @param message what is wrong, in plain words
 */
public record Problem(String file, int line, int column, String field, String message) {

  public Problem {
    file = file == null ? "" : file;
    field = field == null ? "" : field;
    message = message == null ? "" : message;
  }

  /**
   * {@code scenarios/x.yaml:14:9: actors[turkey].stances.withdrawal.salience: expected ...};
   * without a position: {@code --set turkey.withdrawl.position=40: unknown issue ...}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line).append(':').append(column).append(": ");
      if (!field.isEmpty()) s.append(field).append(": ");
    } else {
      if (!field.isEmpty()) s.append(s.length() > 0 ? " " : "").append(field);
      s.append(": ");
    }
    return s.append(message).toString();
  }
}
