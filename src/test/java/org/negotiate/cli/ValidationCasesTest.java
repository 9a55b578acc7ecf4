package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published validation cases through the real command line, from the shipped YAML scenarios and
 * from the anchors' own table files: both give the published numbers, and the same numbers.
 */
class ValidationCasesTest {
  @TempDir Path tmp;

  private Path run(String... args) {
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(args));
    all.addAll(List.of("--out", tmp.resolve(String.valueOf(all.hashCode())).toString()));
    CliTest.Run r = CliTest.cli(all.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    Matcher m = Pattern.compile("results: (.+)/").matcher(r.out());
    assertTrue(m.find(), r.out());
    return Path.of(m.group(1));
  }

  /**
   * rounds.csv rows as (state, actor, position), the issue column dropped (tables name issues after
   * files).
   */
  private static List<String> states(Path folder) throws IOException {
    List<String> rows = new ArrayList<>();
    for (String line :
        Files.readAllLines(folder.resolve("rounds.csv"))
            .subList(1, Files.readAllLines(folder.resolve("rounds.csv")).size())) {
      String[] c = line.split(",", -1);
      rows.add(c[0] + "," + c[2] + "," + c[4]);
    }
    return rows;
  }

  private static double value(List<String> rows, int state, String actor) {
    for (String r : rows) {
      String[] c = r.split(",");
      if (Integer.parseInt(c[0]) == state && c[1].equals(actor)) return Double.parseDouble(c[2]);
    }
    throw new AssertionError("no row for state " + state + " " + actor);
  }

  @Test
  void caseAFromYamlAndFromTheBdmTableReproducesScholzsMeanSeries() throws IOException {
    Path yaml = run("scenarios/validation/case_a_eu_emissions.yaml", "--rounds", "10");
    Path table =
        run("--table", "scenarios/validation/seeds/case_a_eu_emissions.csv", "--rounds", "10");
    List<String> a = states(yaml);
    // a table keeps its rows' order (ActorOrder.LISTED), the YAML file sorts by id: the same rows,
    // in another order
    assertEquals(
        new java.util.TreeSet<>(a),
        new java.util.TreeSet<>(states(table)),
        "the YAML scenario and the BDM table give the same numbers");
    assertEquals(a.size(), states(table).size());
    double[] published = {
      7.3900, 7.4613, 7.5525, 7.5901, 7.3581, 7.3492, 7.4149, 7.5105, 7.5724, 7.3250, 7.2421
    };
    for (int t = 0; t <= 10; t++)
      assertEquals(published[t], value(a, t, "weighted_mean"), 1e-4, "round " + t);
    assertEquals(7, value(a, 0, "weighted_median"), 1e-12);
    assertEquals(8.4159, value(a, 1, "belgium"), 1e-4);
    assertEquals(4.2915, value(a, 10, "belgium"), 1e-4);
    assertTrue(
        Files.readString(yaml.resolve("diagnostics.csv"))
            .contains("risk_exponent.emission_standard"));
  }

  @Test
  void caseCFromYamlAndFromTheKtabCsvStopsAfterTenTurnsAtKtabsPositions() throws IOException {
    Path yaml = run("scenarios/validation/case_c_ktab_dummy_3dim.yaml");
    Path table = run("--table", "scenarios/validation/seeds/dummyData_3Dim.csv");
    List<String> c = states(yaml);
    assertEquals(c, states(table), "the YAML scenario and the KTAB CSV give the same numbers");
    int last = c.stream().mapToInt(r -> Integer.parseInt(r.split(",")[0])).max().orElseThrow();
    assertEquals(10, last, "11 states: the 2% rule stops the run after 10 turns");
    // docs/models.md §5.3, final state, first dimension (rows are per issue: the first value per
    // actor is dimension 1)
    double[][] expected = {
      {78.6, 31.8, 74.1},
      {78.6, 31.8, 74.1},
      {82.5, 90.9, 0.1},
      {67.1, 50.1, 63.7},
      {78.6, 31.6, 74.1},
      {79.9, 34.4, 75.2},
      {78.6, 31.6, 74.1}
    };
    List<String> lines = Files.readAllLines(yaml.resolve("rounds.csv"));
    String[] issues = {"pstn1", "pstn2", "pstn3"};
    for (int a = 0; a < 7; a++) {
      for (int k = 0; k < 3; k++) {
        String prefix = "10,2000-10,sactor_0" + a + "," + issues[k] + ",";
        String row =
            lines.stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(prefix));
        assertEquals(
            expected[a][k], Double.parseDouble(row.substring(prefix.length())), 0.051, prefix);
      }
    }
    assertTrue(Files.readString(yaml.resolve("diagnostics.csv")).contains("fractional_change"));
  }
}
