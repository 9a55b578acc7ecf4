package org.negotiate.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page a policy reader can open from the result folder,
 * print or mail. Charts are inline SVG ({@link SvgInline}), the stylesheet is embedded, there is no
 * script, no font, image or style sheet from elsewhere and no network address: the page loads
 * nothing. Every text passed in is escaped ({@link Html}).
 *
 * <p>A report is a title, a line under it and sections in order; each command composes its own from
 * {@link BriefSections} (see {@link Briefs}). A new command adds its own sections the same way:
 *
 * <pre>{@code
 * PolicyBrief.builder("baseline: sensitivity", "Which assumptions move the odds")
 *     .section("headline", "In one paragraph", Html.p("..."))
 *     .section("tornado", "What moves the odds", SvgInline.read(dir.resolve("tornado.svg"), "tornado", "..."))
 *     .section(BriefSections.caveats(scenario))
 *     .section(BriefSections.reproduce(manifest))
 *     .build().write(folder.file("report.html"));
 * }</pre>
 */
public final class PolicyBrief {

  /** One part of the report: an anchor id, a heading and its content. */
  public record Section(String id, String heading, Html body) {
    public Section {
      Objects.requireNonNull(heading, "heading");
      Objects.requireNonNull(body, "body");
      id = id == null ? "" : id.replaceAll("[^A-Za-z0-9_-]", "-");
    }
  }

  private final String title;
  private final String subtitle;
  private final List<Section> sections;

  private PolicyBrief(String title, String subtitle, List<Section> sections) {
    this.title = title;
    this.subtitle = subtitle;
    this.sections = List.copyOf(sections);
  }

  public static Builder builder(String title, String subtitle) {
    return new Builder(title, subtitle);
  }

  public List<Section> sections() {
    return sections;
  }

  /** Collects sections in order; a null section is skipped (a part that does not apply). */
  public static final class Builder {
    private final String title;
    private final String subtitle;
    private final List<Section> sections = new ArrayList<>();

    private Builder(String title, String subtitle) {
      this.title = Objects.requireNonNull(title, "title");
      this.subtitle = subtitle;
    }

    public Builder section(Section s) {
      if (s != null) sections.add(s);
      return this;
    }

    public Builder section(String id, String heading, Html body) {
      return section(new Section(id, heading, body));
    }

    public PolicyBrief build() {
      // unique anchors
      Set<String> seen = new LinkedHashSet<>();
      List<Section> out = new ArrayList<>();
      for (Section s : sections) {
        String id = s.id().isEmpty() ? "section" : s.id();
        String unique = id;
        for (int n = 2; !seen.add(unique); n++) unique = id + "-" + n;
        out.add(new Section(unique, s.heading(), s.body()));
      }
      return new PolicyBrief(title, subtitle, out);
    }
  }

  /** The whole page. */
  public String html() {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // No network: forbid every fetch the page might attempt, whatever a future section holds.
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n");
    if (subtitle != null && !subtitle.isBlank())
      b.append("<p class=\"subtitle\">").append(Html.escape(subtitle)).append("</p>\n");
    b.append("<nav aria-label=\"Contents\"><ol>");
    for (Section s : sections) {
      b.append("<li><a href=\"#")
          .append(s.id())
          .append("\">")
          .append(Html.escape(s.heading()))
          .append("</a></li>");
    }
    b.append("</ol></nav>\n</header>\n<main>\n");
    for (Section s : sections) {
      b.append("<section id=\"")
          .append(s.id())
          .append("\">\n<h2>")
          .append(Html.escape(s.heading()))
          .append("</h2>\n");
      s.body().appendTo(b);
      b.append("\n</section>\n");
    }
    b.append(
        "</main>\n<footer><p>Written by negotiate. Self-contained: this page loads nothing from elsewhere; "
            + "links to the evidence open the seed articles on this computer.</p></footer>\n</body>\n</html>\n");
    return b.toString();
  }

  /** Writes the page as UTF-8. */
  public void write(Path file) throws IOException {
    Files.writeString(file, html(), StandardCharsets.UTF_8);
  }

  static final String CSS =
      """
      :root { --ink: #1d2430; --muted: #5a6472; --rule: #d5dae1; --accent: #0b4f8a; --band: #f3f6fa; --warn: #8a1c1c; }
      * { box-sizing: border-box; }
      html { background: #fff; }
      body { margin: 0 auto; max-width: 62rem; padding: 2rem 2.5rem 3rem; color: var(--ink);
        font: 15px/1.5 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
      h1 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 .3rem; }
      h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
      h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
      p { margin: .4rem 0 .7rem; }
      .subtitle { color: var(--muted); margin: 0 0 1rem; }
      nav ol { margin: 0; padding: .5rem 1rem .5rem 2rem; background: var(--band); columns: 2; font-size: .9rem; }
      nav a, a { color: var(--accent); }
      .headline { border-left: 6px solid var(--accent); background: var(--band); padding: .8rem 1.2rem; margin: .6rem 0 1rem; }
      .headline .big { font-size: 2.4rem; font-weight: bold; color: var(--accent); line-height: 1.1; }
      .headline .big small { font-size: 1rem; font-weight: normal; color: var(--ink); }
      .headline p { font-size: 1.05rem; }
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
      .backtest { border: 1px solid var(--rule); border-left: 6px solid #6b4f1d; padding: .6rem 1rem; background: #fbf8f1; }
      .note { color: var(--muted); font-size: .9rem; }
      .warn { color: var(--warn); }
      figure { margin: .8rem 0 1.2rem; }
      figcaption { color: var(--muted); font-size: .88rem; margin-top: .2rem; }
      svg.chart { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
      table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .86rem; }
      th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); }
      thead th { background: var(--band); border-bottom: 2px solid var(--rule); }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      table.assumptions, table.events { table-layout: fixed; }
      table.assumptions td:nth-child(1) { font-weight: bold; }
      table.assumptions th:nth-child(1) { width: 15%; } table.assumptions th:nth-child(2) { width: 12%; }
      table.assumptions th:nth-child(3) { width: 9%; } table.assumptions th:nth-child(4) { width: 10%; }
      table.assumptions th:nth-child(5) { width: 31%; } table.assumptions th:nth-child(6) { width: 23%; }
      table.events th:nth-child(1) { width: 11%; } table.events th:nth-child(2) { width: 17%; }
      table.events th:nth-child(3) { width: 22%; } table.events th:nth-child(4) { width: 28%; } table.events th:nth-child(5) { width: 22%; }
      .quote { font-style: italic; }
      ul.evidence { margin: 0; padding-left: 1rem; }
      ul.evidence li { margin: 0 0 .2rem; }
      dl.actor { display: grid; grid-template-columns: 11rem 1fr; gap: .1rem 1rem; margin: .3rem 0 .6rem; font-size: .9rem; }
      dl.actor dt { color: var(--muted); }
      dl.actor dd { margin: 0; }
      .actor-block { border-top: 1px solid var(--rule); padding-top: .3rem; }
      code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
      pre { background: var(--band); padding: .6rem .8rem; white-space: pre-wrap; word-break: break-all; }
      details > summary { cursor: pointer; font-weight: bold; margin: .6rem 0; }
      footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; border-top: 1px solid var(--rule); }
      @page { size: A4; margin: 14mm 12mm; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10.5pt; }
        nav { display: none; }
        h2, h3 { break-after: avoid; }
        table { font-size: 8.5pt; }
        svg.chart { max-height: 120mm; }
        figure, tr, .headline, .backtest, .actor-block dl { break-inside: avoid; }
        a { color: inherit; text-decoration: none; }
        details > summary { display: none; }
      }
      @media (max-width: 700px) { .pair { grid-template-columns: 1fr; } nav ol { columns: 1; } body { padding: 1rem; } }
      """;
}
