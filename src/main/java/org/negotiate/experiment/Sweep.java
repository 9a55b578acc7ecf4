package org.negotiate.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;

/**
 * A parameter sweep: the scenario with one or two inputs set to each value of a grid (as {@code
 * --set PATH=VALUE} would), and a Monte Carlo at every point with the same base seed (common random
 * numbers: replication {@code i} draws the same value of every other input at every point, so
 * neighbouring points differ by the swept value, not by noise).
 */
public final class Sweep {
  private Sweep() {}

  /** One swept parameter: {@code PATH=FROM:TO:STEPS}, STEPS values from FROM to TO inclusive. */
  public record Axis(String path, double from, double to, int steps)
      implements java.io.Serializable {
    public Axis {
      if (steps < 1) throw new IllegalArgumentException("steps must be at least 1");
    }

    /**
     * The grid values, rounded to 12 significant digits so that 0.1 steps print as 0.3, not
     * 0.30000000000000004.
     */
    public double[] values() {
      double[] v = new double[steps];
      for (int j = 0; j < steps; j++) {
        double x = steps == 1 ? from : from + (to - from) * j / (steps - 1);
        v[j] = new BigDecimal(x).round(new MathContext(12)).doubleValue();
      }
      return v;
    }

    /** Parses {@code PATH=FROM:TO:STEPS}. */
    public static Axis parse(String text) {
      String t = text == null ? "" : text.strip();
      int eq = t.indexOf('=');
      String[] r = eq < 0 ? new String[0] : t.substring(eq + 1).split(":", -1);
      if (eq <= 0 || r.length != 3) {
        throw new IllegalArgumentException(
            "expected PATH=FROM:TO:STEPS, e.g. turkey.withdrawal.position=0:100:11, got \""
                + t
                + "\"");
      }
      String path = t.substring(0, eq).strip();
      double from;
      double to;
      int steps;
      try {
        from = Double.parseDouble(r[0].strip());
        to = Double.parseDouble(r[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "FROM and TO must be numbers in " + path + "=" + t.substring(eq + 1));
      }
      try {
        steps = Integer.parseInt(r[2].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "STEPS must be a whole number of points (at least 2) in "
                + path
                + "="
                + t.substring(eq + 1));
      }
      if (!Double.isFinite(from) || !Double.isFinite(to))
        throw new IllegalArgumentException("FROM and TO must be finite in " + t);
      if (steps < 2 || steps > 1001) {
        throw new IllegalArgumentException(
            "STEPS is the number of points, from 2 to 1001, in "
                + path
                + "="
                + t.substring(eq + 1));
      }
      return new Axis(path, from, to, steps);
    }
  }

  /**
   * One point of the sweep.
   *
   * @param values the swept values, one per axis
   * @param problem why the scenario is invalid at this point (null when valid); nothing is run then
   * @param odds the Monte Carlo's odds (null for an invalid point)
   * @param failed replications that threw or gave non-finite numbers (left out of the odds)
   */
  public record Point(double[] values, String problem, ConvergenceOdds odds, int failed)
      implements java.io.Serializable {
    public boolean valid() {
      return problem == null;
    }
  }

  public record Result(List<Axis> axes, List<Point> points, int replications, long seed) {}

  /** The shortest text for a grid value, as it is given to {@code --set}: 40 rather than 40.0. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros().toPlainString();
  }

  /** The overrides that set a point: {@code PATH=VALUE} for each axis. */
  public static List<String> overrides(List<Axis> axes, double[] values) {
    List<String> sets = new ArrayList<>();
    for (int a = 0; a < axes.size(); a++) sets.add(axes.get(a).path() + "=" + format(values[a]));
    return sets;
  }

  /** The grid in row-major order: the last axis varies fastest. */
  public static List<double[]> grid(List<Axis> axes) {
    List<double[]> out = new ArrayList<>();
    out.add(new double[0]);
    for (Axis axis : axes) {
      List<double[]> next = new ArrayList<>();
      for (double[] prefix : out) {
        for (double v : axis.values()) {
          double[] p = java.util.Arrays.copyOf(prefix, prefix.length + 1);
          p[prefix.length] = v;
          next.add(p);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * Checks every point's scenario before anything runs: the first malformed path is a
   * ScenarioException.
   */
  public static Scenario at(Scenario base, List<Axis> axes, double[] values)
      throws ScenarioException {
    return ScenarioLoader.override(base, overrides(axes, values));
  }

  /**
   * Runs the sweep: each point is a piece of work for {@code engine} (a Monte Carlo on one thread,
   * so points run side by side), journalled when {@code journal} is given. A point whose value
   * makes the scenario invalid (a position crossing its red line, a value outside the field's
   * range) is recorded with the problem and not run.
   */
  public static Result run(
      Scenario base,
      Protocol protocol,
      List<Axis> axes,
      MonteCarlo.Options o,
      Engine engine,
      PieceJournal journal,
      Progress progress)
      throws InterruptedException {
    List<double[]> grid = grid(axes);
    MonteCarlo.Options one = o.withThreads(1);
    Engine.Task<Point> point = j -> point(base, protocol, axes, grid.get(j), one);
    Progress points = progress == null ? null : d -> progress.done(d * o.replications());
    List<Point> out =
        journal == null
            ? engine.map(grid.size(), o.replications(), point, points)
            : journal.map(engine, grid.size(), o.replications(), point, points);
    return new Result(List.copyOf(axes), List.copyOf(out), o.replications(), o.seed());
  }

  /** Runs the sweep on this machine's cores, without a journal. */
  public static Result run(
      Scenario base, Protocol protocol, List<Axis> axes, MonteCarlo.Options o, Progress progress)
      throws InterruptedException {
    try (Engine local = new LocalEngine(o.threads())) {
      return run(base, protocol, axes, o, local, null, progress);
    }
  }

  private static Point point(
      Scenario base, Protocol protocol, List<Axis> axes, double[] values, MonteCarlo.Options o)
      throws InterruptedException {
    Scenario s;
    try {
      s = at(base, axes, values);
    } catch (ScenarioException e) {
      return new Point(values, problem(e), null, 0);
    }
    MonteCarlo.Result r = MonteCarlo.run(s, protocol, o, null);
    return new Point(values, null, r.odds(), r.failures().size());
  }

  /** The problems of an invalid point on one line: "field: message; field: message". */
  static String problem(ScenarioException e) {
    List<String> parts = new ArrayList<>();
    for (org.negotiate.scenario.Problem p : e.problems()) {
      parts.add(p.field().isEmpty() ? p.message() : p.field() + ": " + p.message());
    }
    return parts.isEmpty() ? "invalid scenario" : String.join("; ", parts);
  }

  /**
   * Checks that {@code path} names a numeric input the scenario has: an input path, a parameter of
   * its protocol, or {@code agreement.tolerance}.
   *
   * @throws IllegalArgumentException naming what is wrong and the valid names
   */
  public static void checkPath(Scenario s, String path) {
    String[] seg = path.split("\\.", -1);
    if (seg[0].equals("protocol")) {
      java.util.Map<String, org.negotiate.scenario.ProtocolParameters.Param> params =
          org.negotiate.scenario.ProtocolParameters.PARAMS.getOrDefault(
              s.protocol().name(), java.util.Map.of());
      if (seg.length != 2 || !params.containsKey(seg[1])) {
        throw new IllegalArgumentException(
            "--vary "
                + path
                + ": the "
                + s.protocol().name()
                + " protocol's numeric parameters are "
                + String.join(", ", params.keySet()));
      }
      return;
    }
    if (seg[0].equals("agreement") || seg[0].equals("experiment")) {
      if (path.equals("agreement.tolerance")) return;
      throw new IllegalArgumentException(
          "--vary "
              + path
              + ": of the agreement and experiment settings only "
              + "agreement.tolerance can be swept (use --runs, --rounds, --seed for the experiment)");
    }
    try {
      org.negotiate.scenario.InputPaths.resolve(s, path);
    } catch (org.negotiate.scenario.InputPathException e) {
      throw new IllegalArgumentException("--vary " + path + ": " + e.getMessage());
    }
  }
}
