package org.negotiate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's reproducers that run in process through the real command line (the bad-input files
 * among them are in {@link BadInputCorpusTest}; the ones that need a child JVM in {@link
 * JournalSafetyIT}).
 */
class ReliabilityTest {
  @TempDir Path tmp;

  static void assertCleanExit(int expected, CliTest.Run r) {
    assertEquals(expected, r.exit(), r.out() + r.err());
    assertFalse(
        r.err().contains("\tat ") || r.err().contains("internal error"),
        "no stack trace: " + r.err());
  }

  static Set<String> folders(Path dir) throws IOException {
    if (!Files.exists(dir)) return Set.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return new HashSet<>(s.map(Path::toString).toList());
    }
  }

  /** Item 2: a bad option costs no run: it is refused before the result folder is even made. */
  @Test
  void everyOptionIsCheckedBeforeTheFirstReplication() {
    Path out = tmp.resolve("out");
    CliTest.Run r =
        CliTest.cli(
            "odds",
            CliTest.BASELINE.toString(),
            "--runs",
            "200",
            "--analyse",
            "-1",
            "--out",
            out.toString(),
            "--quiet");
    assertCleanExit(2, r);
    assertTrue(
        r.err().startsWith("--analyse: expected an integer in [0, 10000000], got -1"), r.err());
    assertFalse(Files.exists(out), "nothing was made, so nothing ran: " + out);
  }

  /** Item 4: a distribution the sampler cannot draw from is refused by --set on every command. */
  @Test
  void aDistributionThatCannotBeDrawnIsRefusedWhateverTheCommand() {
    Path out = tmp.resolve("out");
    for (String value : List.of("beta(1e300, 1e300)", "beta(1e-300, 1e300)")) {
      for (List<String> command :
          List.of(
              List.of("validate"),
              List.of("odds", "--runs", "50", "--quiet", "--out", out.toString()),
              List.of("run", "--out", out.toString()),
              List.of(
                  "sweep",
                  "--vary",
                  "protocol.noise=0:0.1:2",
                  "--runs",
                  "5",
                  "--quiet",
                  "--out",
                  out.toString()))) {
        List<String> args =
            new java.util.ArrayList<>(List.of(command.get(0), CliTest.BASELINE.toString()));
        args.addAll(command.subList(1, command.size()));
        args.addAll(List.of("--set", "turkey.withdrawal.position=" + value));
        CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
        assertCleanExit(2, r);
        assertTrue(
            r.err().contains("--set turkey.withdrawal.position=" + value)
                && r.err().contains("cannot be drawn from"),
            r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertFalse(Files.exists(out), "nothing written by " + args);
      }
    }
    assertFalse(Files.exists(out));
    // a sound beta still runs
    CliTest.Run ok =
        CliTest.cli(
            "odds",
            CliTest.BASELINE.toString(),
            "--runs",
            "20",
            "--quiet",
            "--out",
            out.toString(),
            "--set",
            "turkey.withdrawal.position=beta(2, 5, 0, 40)");
    assertCleanExit(0, ok);
    assertFalse(
        ok.out().contains("replications failed") || ok.out().contains("replication failed"),
        ok.out());
  }

  /** Item 5: a table row named "Text" gets its own id; rounds.csv keys stay unique. */
  @Test
  void aTableRowNamedTextDoesNotCollideWithTheMediatorsText() throws IOException {
    Path table =
        Files.writeString(
            tmp.resolve("text.csv"),
            "Actor,Capability,Position,Salience\nText,60,10,0.5\nB,40,50,0.8\nC,30,90,0.9\n",
            StandardCharsets.UTF_8);
    CliTest.Run r =
        CliTest.cli(
            "run",
            "--table",
            table.toString(),
            "--table-format",
            "bdm",
            "--out",
            tmp.resolve("out").toString());
    assertCleanExit(0, r);
    Path rounds;
    try (Stream<Path> s = Files.walk(tmp.resolve("out"))) {
      rounds =
          s.filter(p -> p.getFileName().toString().equals("rounds.csv")).findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(rounds);
    Set<String> keys = new HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      assertTrue(keys.add(c[0] + "," + c[1] + "," + c[2] + "," + c[3]), "every key once: " + line);
    }
    assertTrue(
        lines.stream().anyMatch(l -> l.split(",")[2].equals("text_2")),
        "the row's actor is text_2: " + lines);

    // and through odds, whose rounds.csv has the mediators' text: the row has bands of its own
    CliTest.Run odds =
        CliTest.cli(
            "odds",
            "--table",
            table.toString(),
            "--table-format",
            "bdm",
            "--protocol",
            "mediated",
            "--runs",
            "20",
            "--quiet",
            "--out",
            tmp.resolve("odds").toString());
    assertCleanExit(0, odds);
    try (Stream<Path> s = Files.walk(tmp.resolve("odds"))) {
      rounds =
          s.filter(p -> p.getFileName().toString().equals("rounds.csv")).findFirst().orElseThrow();
    }
    lines = Files.readAllLines(rounds);
    keys.clear();
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      assertTrue(keys.add(c[0] + "," + c[2] + "," + c[3]), "every key once: " + line);
    }
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.split(",")[2].equals("text_2") && !l.split(",")[5].isEmpty()),
        "bands of text_2");
  }

  /** Item 6: the largest capability scaled to the limit is the limit, not one ulp above it. */
  @Test
  void bdmCapabilitiesAboveTheScenarioLimitAreScaledWithoutRoundingPastIt() throws IOException {
    for (String capability : List.of("9.99e6", "123456789", "1e15")) {
      Path table =
          Files.writeString(
              tmp.resolve("cap.csv"),
              "Actor,Capability,Position,Salience\nA,"
                  + capability
                  + ",10,0.5\nB,40,50,0.8\nC,3,90,0.9\n",
              StandardCharsets.UTF_8);
      CliTest.Run r = CliTest.cli("validate", "--table", table.toString(), "--table-format", "bdm");
      assertCleanExit(0, r);
      assertTrue(r.out().contains("1000000 "), r.out());
    }
  }

  /**
   * Item 8: identical runs started together (most in the same second) all publish, each in a folder
   * of its own.
   */
  @Test
  void identicalRunsStartedAtOnceAllKeepTheirResults() throws Exception {
    Path out = tmp.resolve("out");
    int n = 4;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(n);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<CliTest.Run>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(
          pool.submit(
              () -> {
                go.await();
                return CliTest.cli(
                    "odds",
                    CliTest.BASELINE.toString(),
                    "--runs",
                    "30",
                    "--analyse",
                    "0",
                    "--threads",
                    "1",
                    "--quiet",
                    "--out",
                    out.toString());
              }));
    }
    go.countDown();
    Set<String> folders = new HashSet<>();
    for (var f : runs) {
      CliTest.Run r = f.get();
      assertCleanExit(0, r);
      folders.add(r.out().strip());
    }
    pool.shutdown();
    assertEquals(n, folders.size(), "four folders: " + folders);
    try (Stream<Path> s = Files.list(out.resolve("odds-baseline"))) {
      assertEquals(n, s.filter(p -> !p.getFileName().toString().startsWith(".")).count());
    }
  }

  /** Item 13: a file that is not a scenario is named, never quoted (extends: /etc/shadow). */
  @Test
  void aBaseThatIsNotAScenarioIsNotQuoted() throws IOException {
    Files.writeString(
        tmp.resolve("secret.txt"),
        "root:*:20228:0:99999:7:::\nalice:$6$s3cr3t-hash:19000:0:99999:7:::\n");
    Path delta = Files.writeString(tmp.resolve("d.yaml"), "name: d\nextends: secret.txt\n");
    for (List<String> command :
        List.of(List.of("validate"), List.of("odds", "--out", tmp.resolve("out").toString()))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.add(1, delta.toString());
      CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
      assertCleanExit(2, r);
      assertTrue(r.err().contains("secret.txt: not a scenario file"), r.err());
      assertFalse(
          r.err().contains("s3cr3t") || r.err().contains("root:") || r.err().contains("alice"),
          r.err());
    }
    Path shadow = Path.of("/etc/shadow");
    if (Files.isReadable(shadow)) {
      Files.writeString(delta, "name: d\nextends: /etc/shadow\n");
      CliTest.Run r = CliTest.cli("validate", delta.toString());
      assertCleanExit(2, r);
      assertFalse(r.err().contains("root"), r.err());
    }
  }

  /**
   * Item 13: what YAML escapes make of a name is checked too, so the charts' XML stays well-formed.
   */
  @Test
  void controlCharactersFromEscapesAreRefusedAndTheChartsStayWellFormed() throws Exception {
    String tiny = Files.readString(Path.of("src/test/resources/scenarios/tiny.yaml"));
    for (String name :
        List.of("\"Party \\e[2J\\e[31mOne\"", "\"a\\0b\"", "\"x\\x85y\"", "\"bell\\a\"")) {
      Path f =
          Files.writeString(tmp.resolve("c.yaml"), tiny.replace("name: Türkiye", "name: " + name));
      CliTest.Run r =
          CliTest.cli(
              "odds",
              f.toString(),
              "--runs",
              "5",
              "--quiet",
              "--out",
              tmp.resolve("out").toString());
      assertCleanExit(2, r);
      assertTrue(r.err().contains(":18:") && r.err().contains("control character"), r.err());
    }
    // a printable name with XML's special characters still runs, and every SVG parses
    Path f =
        Files.writeString(
            tmp.resolve("ok.yaml"),
            tiny.replace("name: Türkiye", "name: \"T<&>\\u00fcrk \\\"i\\\"ye\""));
    CliTest.Run r =
        CliTest.cli(
            "odds", f.toString(), "--runs", "5", "--quiet", "--out", tmp.resolve("ok").toString());
    assertCleanExit(0, r);
    javax.xml.parsers.DocumentBuilderFactory dbf =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    try (Stream<Path> s = Files.walk(tmp.resolve("ok"))) {
      for (Path svg : s.filter(p -> p.toString().endsWith(".svg")).toList()) {
        dbf.newDocumentBuilder().parse(svg.toFile());
      }
    }
  }

  /**
   * Item 12: a local Spark master with no threads is a bad option, refused before anything starts.
   */
  @Test
  void aLocalMasterWithoutThreadsIsABadOption() {
    for (String master : List.of("local[0]", "local[-1]", "local[2,0]", "local[99999999999]")) {
      CliTest.Run r =
          CliTest.cli(
              "odds",
              CliTest.BASELINE.toString(),
              "--runs",
              "10",
              "--engine",
              "spark",
              "--master",
              master,
              "--quiet",
              "--out",
              tmp.resolve("out").toString());
      assertCleanExit(2, r);
      assertTrue(r.err().startsWith("--master: expected local, local[*], local[N]"), r.err());
    }
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  /**
   * Item 14: KTAB's own examples/smp/doc/dummyData_6Dim.csv (lsyaseen/KTAB, as committed, CRLF) has
   * a fifth value on its first row, which KTAB ignores; so does the reader.
   */
  @Test
  void ktabsOwnSixDimensionFileIsReadAsKtabReadsIt() {
    String table = "src/test/resources/tables/ktab/dummyData_6Dim.csv";
    CliTest.Run v = CliTest.cli("validate", "--table", table);
    assertCleanExit(0, v);
    assertTrue(v.out().contains("6 issues, 27 actors (27 parties)"), v.out());
    CliTest.Run r = CliTest.cli("run", "--table", table, "--out", tmp.resolve("out").toString());
    assertCleanExit(0, r);
  }

  /**
   * Item 1: every exploring command estimates its replications and memory before it starts, and
   * refuses (exit 2, with the numbers) what the ceiling or the heap cannot hold; nothing is made.
   */
  @Test
  void experimentsTooLargeForTheCeilingOrTheHeapAreRefusedBeforeTheyStart() {
    Path out = tmp.resolve("out");
    String b = CliTest.BASELINE.toString();
    long heapMb = Runtime.getRuntime().maxMemory() >> 20;
    List<List<String>> refused =
        new java.util.ArrayList<>(
            List.of(
                List.of(
                    "sweep",
                    b,
                    "--vary",
                    "protocol.noise=0:0.1:1001",
                    "--vary",
                    "turkey.capability=50:90:1001",
                    "--runs",
                    "2143"),
                List.of("whatittakes", b, "--runs", "10000000", "--grid", "1000")));
    if (heapMb < 30_000)
      refused.add(List.of("sensitivity", b, "--samples", "1048576", "--runs", "1"));
    if (heapMb < 5_000) refused.add(List.of("discover", b, "--runs", "10000000"));
    for (List<String> command : refused) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--quiet", "--out", out.toString()));
      CliTest.Run r = CliTest.cli(args.toArray(String[]::new));
      assertCleanExit(2, r);
      assertTrue(
          r.err().contains("replications in all; at most 1,000,000,000")
              || r.err().contains("needs about"),
          command + ": " + r.err());
      assertTrue(r.err().matches("(?s).*\\d.*"), r.err());
    }
    assertFalse(Files.exists(out), "nothing was started");
  }
}
