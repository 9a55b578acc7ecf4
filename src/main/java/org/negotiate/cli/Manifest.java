package org.negotiate.cli;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result folder's {@code manifest.json}: what made it, with which inputs and settings, and what
 * it found. The keys every command writes are the record's components (documented in {@code
 * docs/outputs.md}); a command's own settings and findings go in {@link #details}, which Jackson
 * writes at the top level beside them, so a reader sees one flat object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "tool",
  "version",
  "command",
  "scenario",
  "scenario_file",
  "overrides",
  "scenario_sha256",
  "protocol",
  "seed",
  "replications",
  "rounds",
  "threads",
  "details",
  "started_utc"
})
record Manifest(
    String tool,
    String version,
    String command,
    String scenario,
    @JsonProperty("scenario_file") String scenarioFile,
    List<String> overrides,
    @JsonProperty("scenario_sha256") String scenarioSha256,
    String protocol,
    Long seed,
    Integer replications,
    Integer rounds,
    Integer threads,
    @JsonProperty("started_utc") String startedUtc,
    @JsonProperty("duration_ms") Long durationMs,
    String java,
    @JsonProperty("java_version") String javaVersion,
    @JsonProperty("java_vendor") String javaVendor,
    @JsonProperty("java_vm") String javaVm,
    String os,
    List<String> files,
    Map<String, Object> summary,
    Map<String, Object> details) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The command's own entries (settings, engine, as_of, notes), written at the top level after the
   * common ones.
   */
  @Override
  @JsonAnyGetter
  public Map<String, Object> details() {
    return details;
  }

  void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  /**
   * Builds the mapper's serializers for a manifest and a plain map ahead of time (Main's warm-up
   * thread): Jackson's first use loads some 500 classes.
   */
  static void warmUp() {
    try {
      JSON.canSerialize(Manifest.class);
      JSON.writeValueAsString(Map.of("warm-up", List.of(1.5, "x", 2L, true)));
      // and what the end of a command does with its manifest (written to a file as UTF-8, read
      // back as a map for the brief), so that its first use costs the end of the command nothing
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("n", 1);
      nested.put("x", 0.5);
      nested.put("list", List.of("a", 2L, false));
      nested.put("none", null);
      Builder b = new Builder("warm-up");
      b.put("details", Map.of("map", nested, "text", "t"));
      Manifest m = b.build(Instant.EPOCH, List.of("a.csv"), Map.of("summary", nested));
      JSON.writeValueAsBytes(m);
      m.asMap();
    } catch (Exception e) {
      // only a head start: the real manifest reports any real problem
    }
  }

  /** The manifest as the briefs read it: the same keys as the file. */
  @SuppressWarnings("unchecked")
  Map<String, Object> asMap() {
    return JSON.convertValue(this, LinkedHashMap.class);
  }

  /**
   * A manifest being filled in while a command runs. The skeleton ({@link Output#finish}) adds the
   * timing, the Java and OS, the file list and the summary.
   */
  static final class Builder {
    private final String command;
    private String scenario;
    private String scenarioFile;
    private List<String> overrides;
    private String scenarioSha256;
    private String protocol;
    private Long seed;
    private Integer replications;
    private Integer rounds;
    private Integer threads;
    private final Map<String, Object> details = new LinkedHashMap<>();

    Builder(String command) {
      this.command = command;
    }

    Builder scenario(String name, String file, List<String> overrides, String resolvedYaml) {
      return scenarioHashed(
          name, file, overrides, org.negotiate.report.ResultFolder.sha256(resolvedYaml));
    }

    /** As {@link #scenario}, given the resolved scenario's SHA-256 already computed. */
    Builder scenarioHashed(String name, String file, List<String> overrides, String sha256) {
      this.scenario = name;
      this.scenarioFile = file;
      this.overrides = List.copyOf(overrides);
      this.scenarioSha256 = sha256;
      return this;
    }

    Builder protocol(String name) {
      this.protocol = name;
      return this;
    }

    Builder run(long seed, Integer replications, Integer rounds, Integer threads) {
      this.seed = seed;
      this.replications = replications;
      this.rounds = rounds;
      this.threads = threads;
      return this;
    }

    Builder replications(int n) {
      this.replications = n;
      return this;
    }

    /** A command's own entry; a null value is left out. */
    Builder put(String key, Object value) {
      if (value == null) details.remove(key);
      else details.put(key, value);
      return this;
    }

    Object get(String key) {
      return details.get(key);
    }

    Manifest build(Instant started, List<String> files, Map<String, Object> summary) {
      return new Manifest(
          "negotiate",
          Main.version(),
          command,
          scenario,
          scenarioFile,
          overrides,
          scenarioSha256,
          protocol,
          seed,
          replications,
          rounds,
          threads,
          started.toString(),
          Duration.between(started, Instant.now()).toMillis(),
          System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
          System.getProperty("java.version"),
          System.getProperty("java.vendor"),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " "
              + System.getProperty("os.arch"),
          List.copyOf(files),
          summary,
          new LinkedHashMap<>(details));
    }
  }
}
