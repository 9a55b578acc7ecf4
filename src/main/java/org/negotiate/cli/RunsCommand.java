package org.negotiate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code negotiate runs}: the index of what is in the results folder, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the finished runs in the results folder, newest first.",
      "One line per run: when it started (UTC), its folder, the command that made it and, for odds and compare, "
          + "the headline. --latest prints only the newest folder, for scripts (cd \"$(negotiate runs --latest)\")."
    })
final class RunsCommand implements Callable<Integer> {
  /**
   * The run id every result folder is named by: UTC start, a hash, maybe a suffix (-run, -forecast,
   * -2).
   */
  static final Pattern RUN_ID =
      Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z-[0-9a-f]+.*");

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "results",
      description = "Results root (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--last",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many runs to list (default: ${DEFAULT-VALUE}).")
  int last;

  @Option(names = "--latest", description = "Print only the newest run's folder.")
  boolean latest;

  record Run(String id, Path folder) {}

  @Override
  public Integer call() throws IOException {
    int n = CommandInputs.inRange("--last", last, 20, 1, Integer.MAX_VALUE);
    PrintWriter o = spec.commandLine().getOut();
    List<Run> runs = runs(CommandInputs.outputRoot(out));
    if (runs.isEmpty()) {
      if (latest) throw new BadInput("no finished runs in " + out + "/");
      o.println("no finished runs in " + out + "/");
      return 0;
    }
    if (latest) {
      o.println(runs.get(0).folder() + "/");
      return 0;
    }
    for (Run r : runs.subList(0, Math.min(n, runs.size()))) o.println(line(r));
    if (runs.size() > n)
      o.println("(" + (runs.size() - n) + " older: --last " + runs.size() + " lists them all)");
    return 0;
  }

  /**
   * Every finished run under {@code root} (results/NAME/RUN-ID), newest first; unfinished folders
   * start with a dot.
   */
  static List<Run> runs(Path root) throws IOException {
    List<Run> found = new ArrayList<>();
    if (!Files.isDirectory(root)) return found;
    try (Stream<Path> names = Files.list(root)) {
      for (Path name : names.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> ids = Files.list(name)) {
          ids.filter(Files::isDirectory)
              .forEach(
                  p -> {
                    String id = p.getFileName().toString();
                    if (RUN_ID.matcher(id).matches()) found.add(new Run(id, p));
                  });
        }
      }
    }
    found.sort(
        Comparator.comparing((Run r) -> r.id().substring(0, 16))
            .reversed()
            .thenComparing(r -> r.folder().toString()));
    return found;
  }

  private static String line(Run r) {
    Matcher m = RUN_ID.matcher(r.id());
    m.matches();
    String when =
        String.format(
            Locale.ROOT,
            "%s-%s-%s %s:%s:%sZ",
            m.group(1),
            m.group(2),
            m.group(3),
            m.group(4),
            m.group(5),
            m.group(6));
    String command = "";
    String headline = "";
    Path manifest = r.folder().resolve("manifest.json");
    try {
      if (Files.isRegularFile(manifest)) {
        JsonNode j = new ObjectMapper().readTree(manifest.toFile());
        command = j.path("command").asText("");
        headline = headline(j.path("summary"));
      } else if (Files.isRegularFile(r.folder().resolve("log.txt"))) {
        command =
            "run: "
                + Files.readAllLines(r.folder().resolve("log.txt")).stream().findFirst().orElse("");
      }
    } catch (IOException e) {
      command = "(unreadable manifest.json: " + e.getMessage().lines().findFirst().orElse("") + ")";
    }
    return when
        + " · "
        + r.folder()
        + "/"
        + (command.isEmpty() ? "" : " · " + command)
        + (headline.isEmpty() ? "" : " · " + headline);
  }

  private static String headline(JsonNode s) {
    // an actor table's run names the round (by_round), a dated scenario's the month
    String month =
        s.has("by_round") ? "round " + s.get("by_round").asInt() : s.path("by_month").asText("");
    if (s.has("odds")) {
      return String.format(
          Locale.ROOT,
          "P(deal by %s) = %.2f [%.2f, %.2f]",
          month,
          s.get("odds").asDouble(),
          s.path("lower95").asDouble(),
          s.path("upper95").asDouble());
    }
    if (s.has("difference")) {
      return String.format(
          Locale.ROOT,
          "P(deal by %s): %.2f → %.2f, difference %+.2f [%+.2f, %+.2f]",
          month,
          s.path("odds_a").asDouble(),
          s.path("odds_b").asDouble(),
          s.get("difference").asDouble(),
          s.path("paired_lower95").asDouble(),
          s.path("paired_upper95").asDouble());
    }
    return "";
  }
}
