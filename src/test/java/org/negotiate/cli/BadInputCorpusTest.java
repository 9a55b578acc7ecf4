package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.negotiate.scenario.Limits;

/**
 * The bad-input corpus through the real command line, in process: every malformed scenario, what-if
 * delta and actor table under {@code src/test/resources} ({@code scenarios/bad}, {@code
 * scenarios/bad-deltas}, {@code tables/bad}) plus files made at test time (50 MB files, a device,
 * an {@code extends} chain too deep, too many values). Each must exit 2 with one clear message
 * naming the file and, where there is one, the line, column and field; print no stack trace; write
 * nothing, neither to {@code results/} nor to {@code --out}; take under 5 s; and allocate less than
 * a normal run (and never the whole of a 50 MB file).
 */
@Tag(
    "long") // the long suite (mvn -B verify -Plong): every case of the corpus through the real CLI,
// ~45 s
class BadInputCorpusTest {
  static final Path RES = Path.of("src/test/resources");
  static final Path SCENARIOS = RES.resolve("scenarios/bad");
  static final Path DELTAS = RES.resolve("scenarios/bad-deltas");
  static final Path TABLES = RES.resolve("tables/bad");
  static final long MAX_MILLIS = 5_000;

  /**
   * No bad input may allocate more than this on the thread that loads it (and never more than a
   * normal run), except a file that is all values: the YAML parser allocates about 1 KB per value
   * (short-lived), and the loader stops at {@link Limits#MAX_VALUES}.
   */
  static final long MAX_ALLOCATED = 96L << 20;

  static final long MAX_ALLOCATED_ALL_VALUES = 512L << 20;
  static final long FIFTY_MB = 50L << 20;

  /**
   * What the first line of the message must say, for the cases added with the limits and the table
   * and delta corpora: {@code name -> file (relative to src/test/resources; "" = the case's own),
   * line (0 = a whole-file problem, no position), fragment}. The older scenarios/bad files are
   * checked line by line in ScenarioLoaderTest.
   */
  static final Map<String, String[]> EXPECT = new TreeMap<>();

  static void expect(String name, String file, int line, String fragment) {
    EXPECT.put(name, new String[] {file, Integer.toString(line), fragment});
  }

  static {
    // scenarios/bad: security
    expect(
        "tag_java_class.yaml",
        "",
        1,
        "YAML tags (!!javax.script.ScriptEngineManager) are not allowed");
    expect("tag_custom.yaml", "", 39, "YAML tags (!expr) are not allowed");
    expect("anchor_merge_key.yaml", "", 40, "YAML aliases (*turkey_defaults) are not allowed");
    expect("name_path_traversal.yaml", "", 1, "name: expected a name of letters, digits, _ and -");
    expect("name_absolute_path.yaml", "", 1, "name: expected a name of letters, digits, _ and -");
    // scenarios/bad: limits
    expect("too_many_issues.yaml", "", 6, "issues: at most 50 issues are allowed, got 52");
    expect("too_many_actors.yaml", "", 16, "actors: at most 250 actors are allowed, got 251");
    expect(
        "too_many_changes.yaml",
        "",
        63,
        "events[earthquake].changes: at most 250 changes in one event");
    expect("too_many_events.yaml", "", 59, "events: at most 500 events are allowed, got 501");
    expect("long_text.yaml", "", 2, "a value of 11999 characters; at most 10000");
    expect(
        "rounds_over_limit.yaml",
        "",
        68,
        "experiment.rounds: expected an integer in [1,1200], got 1201");
    expect(
        "replications_over_limit.yaml",
        "",
        67,
        "experiment.replications: expected an integer in [1,10000000]");
    // scenarios/bad: types and numbers
    expect("integer_overflow.yaml", "", 69, "experiment.seed: expected a whole number (64-bit)");
    expect(
        "number_infinite.yaml",
        "",
        39,
        "actors[russia].capability: expected a number in (0,1000000], got 1e400");
    expect(
        "number_nan.yaml",
        "",
        45,
        "actors[russia].stances.withdrawal.position: expected a number in [0,100], got .nan");
    expect(
        "wrong_type_list_for_number.yaml",
        "",
        20,
        "actors[turkey].reservation: expected a number in [0,1) or a distribution, got a list");
    expect(
        "wrong_type_map_for_text.yaml",
        "",
        37,
        "actors[russia].name: expected text, got a mapping");
    expect(
        "unknown_pressure_actor.yaml",
        "",
        43,
        "actors[russia].pressure.iran: unknown actor \"iran\"");
    // scenarios/bad: encodings and syntax
    expect("utf16.yaml", "", 1, "not UTF-8 text (byte 0xFF)");
    expect("nul_byte.yaml", "", 7, "control character U+0000");
    expect("invalid_utf8_continuation.yaml", "", 12, "not UTF-8 text (byte 0xE2)");
    expect("deep_nesting_block.yaml", "", 52, "nested more than 50 levels deep");
    expect("syntax_bad_indent.yaml", "", 19, "YAML syntax error");
    expect(
        "syntax_unterminated_quote.yaml",
        "",
        70,
        "YAML syntax error: the quoted text that starts at line");
    expect("only_comments.yaml", "", 1, "empty scenario file");
    expect("top_level_scalar.yaml", "", 1, "at the top level, got a single value");
    // scenarios/bad-deltas
    expect("base_is_directory.yaml", "", 2, "extends: base scenario");
    expect(
        "base_not_utf8.yaml",
        "scenarios/bad-deltas/base/latin1.yaml",
        18,
        "not UTF-8 text (byte 0xFC)");
    expect(
        "broken_base.yaml",
        "scenarios/bad-deltas/base/broken.yaml",
        28,
        "actors[turkey].stances.withdrawal.salience: expected a number in [0,1], got \"lots\"");
    expect("cycle_a.yaml", "scenarios/bad-deltas/base/cycle_b.yaml", 1, "extends: extends cycle: ");
    expect("delta_without_name.yaml", "", 1, "name: missing required key name");
    expect(
        "error_in_delta.yaml",
        "",
        7,
        "actors[turkey].stances.withdrawal.salience: expected a number in [0,1], got \"high\"");
    expect("extends_empty.yaml", "", 2, "extends: expected the path of the base scenario");
    expect("extends_itself.yaml", "", 1, "extends: extends cycle: ");
    expect(
        "extends_not_a_path.yaml",
        "",
        2,
        "extends: expected the path of the base scenario, relative to this file (e.g. ../baseline.yaml), got a list");
    expect(
        "item_without_id.yaml", "", 4, "actors: items of actors are merged onto the base's by id");
    expect(
        "misspelt_actor.yaml",
        "",
        4,
        "actors[turkye].id: unknown actor turkye: did you mean turkey? (a delta adds an "
            + "actor only with every required key");
    expect("missing_base.yaml", "", 2, "not found (extends: is relative to the folder of");
    expect(
        "remove_unknown_id.yaml",
        "",
        3,
        "remove.events[1]: no event \"tsunami\" in the base scenario");
    expect("remove_unknown_list.yaml", "", 3, "remove.stances: unknown key \"stances\" in remove");
    expect(
        "remove_without_extends.yaml",
        "",
        2,
        "remove: remove: applies only to a scenario that extends another");
    expect(
        "salience_sum_in_delta.yaml",
        "",
        6,
        "actors[russia].stances: the saliences of russia sum to 1.4");
    expect("syntax_error_in_delta.yaml", "", 4, "YAML syntax error");
    expect(
        "unknown_actor_in_delta_event.yaml",
        "",
        6,
        "events[earthquake].changes[0].target: unknown actor \"iran\"");
    // tables/bad: BDM
    expect(
        "bdm_binary.csv", "", 1, "header: expected the header Actor,Capability,Position,Salience");
    expect("bdm_blank_lines_only.csv", "", 0, "the file is empty");
    expect(
        "bdm_duplicate_actor.csv",
        "",
        4,
        "row 4 (Belgium).actor: duplicate actor \"Belgium\" (first on line 3)");
    expect("bdm_duplicate_column.csv", "", 1, "header: column \"Position\" appears twice");
    expect("bdm_empty.csv", "", 0, "the file is empty");
    expect(
        "bdm_infinite.csv",
        "",
        6,
        "row 6 (France).position: expected a finite number, got \"1e400\"");
    expect("bdm_long_cell.csv", "", 4, "a cell of 10001 characters; at most 10000");
    expect("bdm_missing_column.csv", "", 1, "header: missing column Salience");
    expect("bdm_nan.csv", "", 8, "row 8 (UK).capability: expected a number, got \"NaN\"");
    expect("bdm_negative_capability.csv", "", 7, "row 7 (Italy).capability: must not be negative");
    expect("bdm_no_header.csv", "", 1, "(is the header missing?)");
    expect(
        "bdm_not_a_number.csv", "", 5, "row 5 (Germany).position: expected a number, got \"four\"");
    expect("bdm_quote_inside_field.csv", "", 2, "a quote inside an unquoted cell");
    expect(
        "bdm_salience_out_of_range.csv",
        "",
        10,
        "row 10 (Denmark).salience: must lie in 0–1 or 0–100, got 150");
    expect("bdm_too_many_actors.csv", "", 252, "more than 250 actors");
    expect("bdm_unclosed_quote.csv", "", 11, "a quoted cell is not closed on its line");
    expect("bdm_wrong_cell_count.csv", "", 3, "row 3 (Belgium): expected 4 cells");
    expect(
        "bdm_zero_capability.csv",
        "",
        9,
        "row 9 (Ireland).capability: expected a number in (0,1000000], got 0");
    // tables/bad: KTAB
    expect(
        "ktab_actors_not_a_number.csv",
        "",
        1,
        "row 1.actors: expected the number of actors as a whole number, got \"seven\"");
    expect(
        "ktab_capability_over_ktab_limit.csv",
        "",
        3,
        "row 3 (SActor-00).capability: expected a number in (0, 1e8], got \"2e8\"");
    expect(
        "ktab_capability_zero.csv",
        "",
        3,
        "row 3 (SActor-00).capability: expected a number in (0, 1e8], got \"0\"");
    expect("ktab_count_mismatch.csv", "", 1, "row 1 declares 8 actors, the file has 7 actor rows");
    expect("ktab_duplicate_actor.csv", "", 5, "actor name \"SActor-00\" is already used on line 3");
    expect("ktab_empty.csv", "", 0, "the file is empty");
    expect("ktab_missing_header_row.csv", "", 1, "row 2: missing the header row");
    expect("ktab_non_utf8_garbage.csv", "", 1, "row 1.actors: missing the number of actors");
    expect(
        "ktab_position_out_of_range.csv",
        "",
        5,
        "row 5 (SActor-02).position_1: expected a number in [0, 100], got \"182.45\"");
    expect("ktab_salience_sum.csv", "", 4, "an actor's saliences must sum to at most 100");
    expect("ktab_short_row.csv", "", 4, "row 4 (SActor-01).position_3: missing");
    expect(
        "ktab_too_many_actors_declared.csv",
        "",
        1,
        "expected the number of actors in [3, 250], got 251");
    expect("ktab_too_many_cells.csv", "", 3, "more than 1000 cells on one line");
    expect(
        "ktab_too_many_dimensions.csv",
        "",
        1,
        "expected the number of dimensions in [1, 50], got 51");
    expect("ktab_unclosed_quote.csv", "", 4, "a quoted cell is not closed on its line");
    expect(
        "ktab_wrong_header_count.csv", "", 2, "row 1 declares 3 dimensions, so expected 9 headers");
    // issue 18: inputs that passed before and broke a run or the loader
    expect(
        "beta_undrawable.yaml",
        "",
        27,
        "actors[turkey].stances.withdrawal.position: \"beta(1.0E300, 1.0E300, 0, 100)\" cannot be drawn from");
    expect(
        "beta_undrawable_capability.yaml",
        "",
        20,
        "actors[turkey].capability: \"beta(1.0E-300, 1.0E300, 60, 90)\" cannot be drawn from");
    expect("actor_id_text.yaml", "", 37, "actors[text].id: the actor id \"text\" is reserved");
    expect("duplicate_extends.yaml", "", 3, "extends: duplicate key \"extends\"");
    expect("duplicate_remove.yaml", "", 5, "remove: duplicate key \"remove\"");
    expect("duplicate_actors.yaml", "", 6, "actors: duplicate key \"actors\"");
    expect(
        "escape_control_name.yaml",
        "",
        18,
        "a value holds the control character U+001B (written as an escape)");
    expect(
        "escape_nul_description.yaml",
        "",
        3,
        "a value holds the control character U+0000 (written as an escape)");
    expect(
        "tag_on_key.yaml",
        "",
        2,
        "YAML tags (!!java.lang.Runtime) are not allowed in scenario files, on keys or values");
    expect(
        "tag_on_plain_key.yaml",
        "",
        2,
        "YAML tags (!!str) are not allowed in scenario files, on keys or values");
    expect(
        "extends_not_a_scenario.yaml",
        "scenarios/bad-deltas/base/not_a_scenario.txt",
        0,
        "not a scenario file: none of its 2 top-level keys is a scenario's");
    // issue 18 item 14: the new actor_order key
    expect("actor_order_unknown.yaml", "", 4, "actor_order: expected id or listed, got \"random\"");
    expect("actor_order_list.yaml", "", 4, "actor_order: expected text, got a list");
    // made at test time
    expect("huge_50mb.yaml", "", 0, "file too large (52,428,800 bytes; at most 5 MB");
    expect("huge_base_50mb.yaml", "", 2, "extends: base scenario");
    expect("huge_50mb_bdm.csv", "", 0, "file too large (52,428,800 bytes; at most 5 MB");
    expect("huge_50mb_ktab.csv", "", 0, "file too large (52,428,800 bytes; at most 5 MB");
    expect("one_line_5mb_bdm.csv", "", 1, "more than 1000 cells on one line");
    expect("too_many_values.yaml", "", 2, "too many values in one file");
    expect("extends_chain_17.yaml", "tmp:chain/c16.yaml", 1, "more than 16 levels of extends");
    expect("dev_zero.yaml", "", 0, "file too large (more than 5 MB");
    expect("dev_zero_table.csv", "", 0, "file too large (more than 5 MB");
    expect("fifo.yaml", "", 0, "did not give all it holds within 3 s");
    expect("fifo_base.yaml", "", 2, "extends: base scenario");
    expect("fifo_table.csv", "", 0, "did not give all it holds within 3 s");
    expect("seed_3gb.yaml", "", 30, "cannot use evidence file");
  }

  /** One bad input: the arguments after the command, made (if need be) in a temporary folder. */
  record Case(String name, Path file, Function<Path, List<String>> args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static long normalRunAllocation;

  /**
   * What a normal run allocates: the main job, odds on the baseline with its 2000 replications, on
   * one thread.
   */
  @BeforeAll
  static void measureANormalRun(@TempDir Path out) {
    long before = totalAllocated();
    CliTest.Run r =
        CliTest.cli(
            "odds",
            CliTest.BASELINE.toString(),
            "--threads",
            "1",
            "--out",
            out.toString(),
            "--quiet");
    normalRunAllocation = totalAllocated() - before;
    assertEquals(0, r.exit(), r.err());
  }

  static Stream<Case> corpus() throws IOException {
    List<Case> all = new ArrayList<>();
    for (Path dir : List.of(SCENARIOS, DELTAS)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> p.toString().endsWith(".yaml"))
            .sorted()
            .forEach(
                p ->
                    all.add(new Case(p.getFileName().toString(), p, tmp -> List.of(p.toString()))));
      }
    }
    try (Stream<Path> s = Files.list(TABLES)) {
      s.filter(p -> p.toString().endsWith(".csv"))
          .sorted()
          .forEach(
              p -> {
                String format = p.getFileName().toString().startsWith("bdm_") ? "BDM" : "KTAB";
                all.add(
                    new Case(
                        p.getFileName().toString(),
                        p,
                        tmp -> List.of("--table", p.toString(), "--table-format", format)));
              });
    }
    all.add(
        generated(
            "huge_50mb.yaml", tmp -> scenario(huge(tmp.resolve("huge_50mb.yaml"), "# filler\n"))));
    all.add(
        generated(
            "huge_base_50mb.yaml",
            tmp -> {
              huge(tmp.resolve("base.yaml"), "# filler\n");
              return scenario(
                  write(tmp.resolve("huge_base_50mb.yaml"), "name: delta\nextends: base.yaml\n"));
            }));
    all.add(
        generated(
            "huge_50mb_bdm.csv",
            tmp -> table(huge(tmp.resolve("huge_50mb_bdm.csv"), "A,1,50,50\n"), "BDM")));
    all.add(
        generated(
            "huge_50mb_ktab.csv",
            tmp -> table(huge(tmp.resolve("huge_50mb_ktab.csv"), "A,d,1,50,50\n"), null)));
    all.add(
        generated(
            "one_line_5mb_bdm.csv",
            tmp ->
                table(
                    write(
                        tmp.resolve("one_line_5mb_bdm.csv"),
                        ",".repeat((int) Limits.MAX_FILE_BYTES - 10)),
                    "BDM")));
    all.add(
        generated(
            "too_many_values.yaml",
            tmp ->
                scenario(
                    write(
                        tmp.resolve("too_many_values.yaml"),
                        "name: x\nissues: [" + "1,".repeat(Limits.MAX_VALUES) + "1]\n"))));
    all.add(
        generated(
            "extends_chain_17.yaml",
            tmp -> {
              Path dir = tmp.resolve("chain");
              Files.createDirectories(dir);
              Files.copy(RES.resolve("scenarios/tiny.yaml"), dir.resolve("c17.yaml"));
              for (int k = 16; k >= 0; k--)
                write(
                    dir.resolve("c" + k + ".yaml"),
                    "extends: c" + (k + 1) + ".yaml\nname: c" + k + "\n");
              return scenario(
                  Files.move(dir.resolve("c0.yaml"), dir.resolve("extends_chain_17.yaml")));
            }));
    // issue 18: a FIFO nobody writes to (as the scenario, as its base, as a table) and a 3 GB seed
    // file
    if (mkfifoWorks()) {
      all.add(generated("fifo.yaml", tmp -> scenario(mkfifo(tmp.resolve("fifo.yaml")))));
      all.add(
          generated(
              "fifo_base.yaml",
              tmp -> {
                mkfifo(tmp.resolve("base.yaml"));
                return scenario(
                    write(tmp.resolve("fifo_base.yaml"), "name: delta\nextends: base.yaml\n"));
              }));
      all.add(
          generated("fifo_table.csv", tmp -> table(mkfifo(tmp.resolve("fifo_table.csv")), "BDM")));
    }
    all.add(
        generated(
            "seed_3gb.yaml",
            tmp -> {
              Files.createDirectories(tmp.resolve("seeds"));
              try (java.io.RandomAccessFile f =
                  new java.io.RandomAccessFile(tmp.resolve("seeds/001_big.txt").toFile(), "rw")) {
                f.setLength(3L << 30); // sparse: nothing is written
              }
              write(tmp.resolve("seeds/002_a.txt"), "return of Syrians earthquake");
              write(tmp.resolve("seeds/004_b.txt"), "roadmap");
              return scenario(
                  Files.copy(RES.resolve("scenarios/tiny.yaml"), tmp.resolve("seed_3gb.yaml")));
            }));
    Path zero = Path.of("/dev/zero");
    if (Files.isReadable(zero)) {
      all.add(new Case("dev_zero.yaml", zero, tmp -> List.of(zero.toString())));
      all.add(
          new Case(
              "dev_zero_table.csv",
              zero,
              tmp -> List.of("--table", zero.toString(), "--table-format", "BDM")));
    }
    return all.stream();
  }

  static boolean mkfifoWorks() {
    try {
      Path probe = Files.createTempFile("fifo-probe", "");
      Files.delete(probe);
      mkfifo(probe);
      boolean made = Files.exists(probe) && !Files.isRegularFile(probe);
      Files.deleteIfExists(probe);
      return made;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static Path mkfifo(Path p) throws IOException {
    try {
      Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
      if (proc.waitFor() != 0) throw new IOException("mkfifo " + p + " failed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return p;
  }

  /** A case whose file is written at test time; its file is the one named in the arguments. */
  static Case generated(String name, IoFunction make) {
    return new Case(
        name,
        null,
        tmp -> {
          try {
            return make.apply(tmp);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  interface IoFunction {
    List<String> apply(Path tmp) throws IOException;
  }

  static List<String> scenario(Path p) {
    return List.of(p.toString());
  }

  static List<String> table(Path p, String format) {
    return format == null
        ? List.of("--table", p.toString())
        : List.of("--table", p.toString(), "--table-format", format);
  }

  static Path write(Path p, String text) throws IOException {
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** Exactly 50 MB of {@code line} repeated, written in pieces (never held whole in memory). */
  static Path huge(Path p, String line) throws IOException {
    byte[] block = line.repeat(1 << 16 / line.length() + 1).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(p)) {
      long left = FIFTY_MB;
      while (left > 0) {
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
    assertEquals(FIFTY_MB, Files.size(p));
    return p;
  }

  @Test
  void theCorpusHasAtLeastFiftyCasesInEveryCategory() throws IOException {
    List<Case> all = corpus().toList();
    assertTrue(all.size() >= 50, "cases: " + all.size());
    assertTrue(
        all.stream().filter(c -> c.file() != null && c.file().startsWith(DELTAS)).count() >= 10,
        "deltas");
    assertTrue(all.stream().filter(c -> c.name().startsWith("bdm_")).count() >= 10, "BDM tables");
    assertTrue(all.stream().filter(c -> c.name().startsWith("ktab_")).count() >= 10, "KTAB tables");
    for (String name : EXPECT.keySet()) {
      assertTrue(
          all.stream().anyMatch(c -> c.name().equals(name)) || name.startsWith("dev_zero"),
          "no case " + name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badInputExitsTwoWithOneClearMessageQuicklyAndWritesNothing(Case c, @TempDir Path tmp)
      throws IOException {
    List<String> inputArgs = c.args().apply(tmp);
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    String resultsBefore = listing(Path.of("results"));

    for (List<String> args :
        List.of(
            concat(
                List.of("odds"),
                inputArgs,
                List.of("--runs", "5", "--out", out.toString(), "--quiet")),
            concat(
                List.of("odds"),
                inputArgs,
                List.of("--runs", "5", "--quiet")), // the default results/
            concat(List.of("validate"), inputArgs, List.of()))) {
      long allocatedBefore = threadAllocated();
      long t0 = System.nanoTime();
      CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      long allocated = threadAllocated() - allocatedBefore;
      String what = String.join(" ", args) + " ->\n" + r.err();

      assertEquals(2, r.exit(), what);
      assertTrue(r.out().isEmpty(), r.out());
      assertFalse(
          r.err().contains("\tat ")
              || r.err().contains("Exception")
              || r.err().contains("internal error"),
          "no stack trace: " + what);
      assertTrue(millis < MAX_MILLIS, c + " took " + millis + " ms");
      long cap = c.name().equals("too_many_values.yaml") ? MAX_ALLOCATED_ALL_VALUES : MAX_ALLOCATED;
      assertTrue(
          allocated < cap && allocated < normalRunAllocation,
          c
              + " allocated "
              + (allocated >> 20)
              + " MB; a normal run allocates "
              + (normalRunAllocation >> 20)
              + " MB");
      if (c.name().startsWith("huge_50mb") || c.name().startsWith("huge_base")) {
        assertTrue(
            allocated < 8L << 20,
            c + " read the 50 MB file: allocated " + (allocated >> 20) + " MB");
      }
      String first = r.err().lines().findFirst().orElse("");
      String[] exp = EXPECT.get(c.name());
      String file =
          exp == null || exp[0].isEmpty()
              ? inputFile(inputArgs)
              : exp[0].startsWith("tmp:")
                  ? tmp.resolve(exp[0].substring(4)).toString()
                  : RES.resolve(exp[0]).toString();
      int line = exp == null ? -1 : Integer.parseInt(exp[1]);
      assertTrue(first.startsWith(file + ":"), "the message names " + file + ": " + what);
      if (line != 0) {
        assertTrue(
            Pattern.compile(
                    Pattern.quote(file) + ":" + (line > 0 ? line : "[1-9]\\d*") + ":[1-9]\\d*: \\S")
                .matcher(first)
                .lookingAt(),
            "FILE:" + (line > 0 ? line : "LINE") + ":COL: in: " + what);
      } else {
        assertTrue(first.startsWith(file + ": "), "a whole-file problem: " + what);
      }
      if (exp != null) assertTrue(first.contains(exp[2]), "expected '" + exp[2] + "' in: " + what);
    }
    try (Stream<Path> s = Files.list(out)) {
      assertEquals(0, s.count(), "nothing written to --out");
    }
    assertEquals(resultsBefore, listing(Path.of("results")), "nothing written to results/");
  }

  /**
   * Bad options rather than bad files (issue 18 items 1 and 12): each exits 2 with a message that
   * names the option and gives the numbers, no stack trace, nothing written, within the time limit.
   * The Spark master is refused either way: by the probe where the Spark engine is on the class
   * path, else because this jar has none.
   */
  static Stream<List<String>> badOptions() {
    String b = CliTest.BASELINE.toString();
    return Stream.of(
        List.of(
            "bench",
            "--synthetic",
            "250x50",
            "--threads",
            "1024",
            "--runs",
            "2000",
            "--warmup",
            "0"),
        List.of("bench", b, "--synthetic", "250x50", "--threads", "1024", "--runs", "10000000"),
        List.of(
            "odds",
            b,
            "--engine",
            "spark",
            "--master",
            "spark://127.0.0.1:1",
            "--runs",
            "5",
            "--quiet"),
        List.of(
            "sweep",
            b,
            "--engine",
            "spark",
            "--master",
            "spark://127.0.0.1:1",
            "--vary",
            "protocol.noise=0:0.1:3",
            "--runs",
            "5",
            "--quiet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOptions")
  void badOptionsExitTwoWithTheNumbersAndWriteNothing(List<String> command, @TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("out");
    List<String> args = new ArrayList<>(command);
    if (!command.get(0).equals("bench")) args.addAll(List.of("--out", out.toString()));
    String resultsBefore = listing(Path.of("results"));
    long t0 = System.nanoTime();
    CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    String what = String.join(" ", args) + " ->\n" + r.err();
    assertEquals(2, r.exit(), what);
    assertFalse(
        r.err().contains("\tat ")
            || r.err().contains("Exception")
            || r.err().contains("internal error"),
        what);
    assertTrue(r.err().lines().count() <= 3, "a short message: " + what);
    assertTrue(
        r.err().startsWith("--master")
            || r.err().contains("need about")
            || r.err().contains("no Spark engine"),
        what);
    assertTrue(millis < 20_000, what + " took " + millis + " ms");
    assertFalse(r.out().contains("replications/s"), "nothing ran: " + r.out());
    assertFalse(Files.exists(out), "nothing written to --out");
    assertEquals(resultsBefore, listing(Path.of("results")), "nothing written to results/");
  }

  private static String inputFile(List<String> args) {
    int t = args.indexOf("--table");
    return t >= 0 ? args.get(t + 1) : args.get(0);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) all.addAll(p);
    return all;
  }

  private static String listing(Path dir) throws IOException {
    if (!Files.exists(dir)) return "(none)";
    try (Stream<Path> s = Files.walk(dir)) {
      return String.join("\n", s.map(Path::toString).sorted().toList());
    }
  }

  private static long threadAllocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static long totalAllocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }
}
