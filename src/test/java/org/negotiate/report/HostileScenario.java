package org.negotiate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small valid scenario whose every free text (name parts, description, labels, scale ends, actor
 * names, evidence quotes, rationales, event labels) carries markup and quotes, with its own {@code
 * seeds/} folder holding the quoted article: for the tests that a report escapes them all.
 */
final class HostileScenario {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String NASTY = SCRIPT + " \"quotes\" & 'apostrophes' <img src=x onerror=alert(2)>";

  private HostileScenario() {}

  /**
   * Writes {@code dir/scenarios/hostile.yaml} (and a what-if beside it) with {@code
   * dir/scenarios/seeds/}; returns the scenario.
   */
  static Path write(Path dir) throws IOException {
    Path scenarios = dir.resolve("scenarios");
    Path seeds = scenarios.resolve("seeds");
    Files.createDirectories(seeds);
    Files.writeString(
        seeds.resolve("007_hostile article.txt"),
        "An article. It says " + NASTY + " and also that the parties met.\n",
        StandardCharsets.UTF_8);
    String yaml =
        """
        name: hostile
        description: {{}}
        calendar:
          start: 2022-12
        issues:
          - id: border
            label: {{ border}}
            low: {{ low}}
            high: {{ high}}
            status_quo: 0
          - id: trade
            label: Trade & 'tariffs'
            low: none
            high: "all"
            status_quo: 5
        actors:
          - id: north
            name: {{ North}}
            role: party
            capability: triangular(70, 80, 90)
            reservation: uniform(0.2, 0.3)
            flexibility: 0.8
            cost_of_delay: uniform(0.05, 0.1)
            evidence: [%2$s]
            rationale: {{ rationale}}
            stances:
              border:
                position: triangular(5, 15, 30)
                salience: 0.6
                red_line: {max: "uniform(60, 80)"}
                evidence: [%2$s, "007#the parties met"]
                rationale: {{ stance rationale}}
              trade:
                position: 70
                salience: 0.4
                evidence: [%2$s]
                rationale: plain
          - id: south
            name: South "the other" & <b>bold</b>
            role: party
            capability: 50
            reservation: 0.25
            flexibility: 0.6
            cost_of_delay: 0.08
            stances:
              border:
                position: uniform(70, 95)
                salience: 0.5
                red_line: {min: "uniform(20, 40)"}
                evidence: [%2$s]
                rationale: {{}}
              trade:
                position: 60
                salience: 0.5
                evidence: [%2$s]
                rationale: plain
          - id: broker
            name: Broker </svg><script>alert(3)</script>
            role: mediator
            capability: 60
            reservation: 0
            flexibility: 1
            lean: 0.1
            pressure: {south: 0.5}
            stances:
              border:
                position: 50
                salience: 0.5
                evidence: [%2$s]
                rationale: {{}}
              trade:
                position: 65
                salience: 0.5
                evidence: [%2$s]
                rationale: plain
        protocol:
          name: mediated
          params: {noise: 0.03, revision: "uniform(0.5, 2)"}
        agreement: {rule: unanimity, tolerance: 5}
        events:
          - id: shock
            label: {{ shock}}
            at: 2023-03
            changes:
              - {target: north.flexibility, scale: "uniform(1.0, 1.3)"}
              - {target: south.reservation, shift: -0.05}
            evidence: [%2$s]
            rationale: {{ event rationale}}
        experiment:
          replications: 60
          rounds: 12
          seed: 11
        """
            .replace("%2$s", yaml("007#" + NASTY));
    yaml = fill(yaml);
    Path file = scenarios.resolve("hostile.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Path whatif = scenarios.resolve("whatif");
    Files.createDirectories(whatif);
    Files.writeString(
        whatif.resolve("softer.yaml"),
        fill(
            """
        extends: ../hostile.yaml
        name: softer
        description: {{ softer North.}}
        actors:
          - id: north
            flexibility: 1.2
            evidence: [%2$s]
            rationale: {{}}
        """
                .replace("%2$s", yaml("007#" + NASTY))),
        StandardCharsets.UTF_8);
    return file;
  }

  /** Replaces each {@code {{ suffix}}} by the double-quoted scalar NASTY + suffix. */
  private static String fill(String template) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\{\\{([^}]*)\\}\\}").matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find())
      m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(yaml(NASTY + m.group(1))));
    m.appendTail(b);
    return b.toString();
  }

  /** A double-quoted YAML scalar. */
  static String yaml(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
