package org.negotiate.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One evidence reference {@code FILE#quote fragment}: FILE is a file name in a {@code seeds/}
 * folder, or the part of one before its first {@code _} (so {@code 002} names {@code
 * 002_bfe0fc1904fb5585.txt}).
 *
 * @param file FILE as written
 * @param quote the quote fragment as written
 * @param resolved the seed file it names, or null when no {@code seeds/} folder was found or the
 *     file is not there
 */
public record EvidenceRef(String file, String quote, Path resolved) {

  private static final Pattern SHAPE =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)#(.*)", Pattern.DOTALL);

  /**
   * Parses the shape only ({@code resolved} is null).
   *
   * @throws IllegalArgumentException when the text is not {@code FILE#quote}
   */
  public static EvidenceRef parse(String reference) {
    Matcher m = SHAPE.matcher(reference == null ? "" : reference.strip());
    if (!m.matches() || m.group(2).isBlank()) {
      throw new IllegalArgumentException(
          "expected an evidence reference FILE#quote fragment (e.g. "
              + "002#cooperation in combating terrorism), got "
              + Quantities.quote(String.valueOf(reference)));
    }
    return new EvidenceRef(m.group(1), m.group(2).strip(), null);
  }

  /**
   * Parses a reference and resolves its file in the {@code seeds/} folder nearest to the scenario
   * file (its directory, then each parent). Does not check the quote.
   */
  public static EvidenceRef resolve(String reference, Path scenarioFile) {
    EvidenceRef r = parse(reference);
    return seedsFolder(scenarioFile)
        .map(
            dir -> new EvidenceRef(r.file(), r.quote(), new Seeds(dir).find(r.file()).orElse(null)))
        .orElse(r);
  }

  /**
   * {@link #resolve}{@code (reference, scenarioFile)} for many references: the seeds folder is
   * found and listed once (a brief resolves every reference of a scenario).
   */
  public static java.util.function.Function<String, EvidenceRef> resolver(Path scenarioFile) {
    Optional<Seeds> seeds = seedsFolder(scenarioFile).map(Seeds::new);
    return reference -> {
      EvidenceRef r = parse(reference);
      return seeds
          .map(d -> new EvidenceRef(r.file(), r.quote(), d.find(r.file()).orElse(null)))
          .orElse(r);
    };
  }

  /** The {@code seeds/} folder in the scenario file's directory or the nearest parent, if any. */
  public static Optional<Path> seedsFolder(Path scenarioFile) {
    Path dir = scenarioFile.toAbsolutePath().normalize().getParent();
    for (; dir != null; dir = dir.getParent()) {
      Path s = dir.resolve("seeds");
      if (Files.isDirectory(s)) return Optional.of(s);
    }
    return Optional.empty();
  }

  /**
   * Text as the quote check compares it: lower case, typographic quotes made plain, runs of white
   * space collapsed to one space.
   */
  public static String normalise(String text) {
    // One pass rather than four replaces and a regular expression: every quote of a scenario and
    // every seed article goes through here at each start (docs/performance.md, session 7).
    StringBuilder t = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // the regular expression's \s: space, tab, line feed, vertical tab, form feed, return
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        space = true;
        continue;
      }
      if (space) t.append(' ');
      space = false;
      t.append(
          switch (c) {
            case '\u2019', '\u2018' -> '\'';
            case '\u201C', '\u201D' -> '"';
            default -> c;
          });
    }
    if (space) t.append(' ');
    return t.toString().strip().toLowerCase(Locale.ROOT);
  }

  /** A seed file's bytes and their normalised text. */
  private record Normalised(byte[] bytes, String text) {}

  /**
   * Seed files normalised in this process, by path: a command that loads several scenarios over the
   * same seeds (a brief lists every what-if, each extending the baseline) normalises each file
   * once. Exact: the text is reused only for the same bytes.
   */
  private static final Map<Path, Normalised> NORMALISED = new ConcurrentHashMap<>();

  private static String normalised(Path file, byte[] bytes) {
    Normalised known = NORMALISED.get(file);
    if (known != null && Arrays.equals(known.bytes(), bytes)) return known.text();
    String text = normalise(new String(bytes, StandardCharsets.UTF_8));
    NORMALISED.put(file, new Normalised(bytes, text));
    return text;
  }

  /** A seeds folder with its files read once. */
  static final class Seeds {
    private final Path dir;
    private List<Path> files;
    private final Map<Path, String> texts = new HashMap<>();
    private final Map<Path, String> unreadable = new HashMap<>();
    private Sources sources;

    Seeds(Path dir) {
      this.dir = dir;
    }

    Path dir() {
      return dir;
    }

    private List<Path> files() {
      if (files == null) {
        files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(Files::isRegularFile).sorted().forEach(files::add);
        } catch (IOException e) {
          // an unreadable folder has no files
        }
      }
      return files;
    }

    /** The file FILE names: an exact name, else the one file whose name before '_' is FILE. */
    Optional<Path> find(String file) {
      for (Path p : files()) if (p.getFileName().toString().equals(file)) return Optional.of(p);
      List<Path> hits = new ArrayList<>();
      for (Path p : files()) {
        String n = p.getFileName().toString();
        int u = n.indexOf('_');
        if (u > 0 && n.substring(0, u).equals(file)) hits.add(p);
      }
      return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** The folder's dated sources ({@code sources.yaml}), read once. */
    Sources sources() {
      if (sources == null) sources = Sources.read(dir);
      return sources;
    }

    /** Null when the reference checks out, else what is wrong. */
    String check(EvidenceRef ref) {
      Optional<Path> p = find(ref.file());
      if (p.isEmpty()) {
        List<String> names = files().stream().map(f -> f.getFileName().toString()).toList();
        long prefixHits =
            names.stream()
                .filter(
                    n -> n.indexOf('_') > 0 && n.substring(0, n.indexOf('_')).equals(ref.file()))
                .count();
        if (prefixHits > 1) {
          return "evidence file " + Quantities.quote(ref.file()) + " is ambiguous in " + dir;
        }
        return "evidence file " + Quantities.quote(ref.file()) + " not found in " + dir;
      }
      String text =
          texts.computeIfAbsent(
              p.get(),
              f -> {
                try {
                  // a seed file obeys the same size and time limits as a scenario file
                  return normalised(f, Limits.readFile(f, f.toString()));
                } catch (ScenarioException e) {
                  unreadable.put(f, e.problems().get(0).message());
                  return null;
                }
              });
      if (text == null)
        return "cannot use evidence file " + p.get() + ": " + unreadable.get(p.get());
      if (!text.contains(normalise(ref.quote()))) {
        return "quote " + Quantities.quote(ref.quote()) + " not found in " + p.get().getFileName();
      }
      // a folder that dates its sources must date every cited one: as-of forecasts depend on it
      Sources dates = sources();
      if (dates.problem() != null) return dates.problem();
      if (dates.present() && dates.find(ref.file()) == null) {
        return "source "
            + Quantities.quote(ref.file())
            + " has no date: add it to "
            + dir.resolve(Sources.FILE)
            + " (file, date YYYY-MM read from the article, dated_by)";
      }
      return null;
    }
  }
}
