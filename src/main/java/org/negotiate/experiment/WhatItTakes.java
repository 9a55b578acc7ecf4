package org.negotiate.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.negotiate.protocol.Protocol;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Issue;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.RedLine;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.Stance;

/**
 * What it would take: for each main blocker (a party that blocks at least {@code minShare} of the
 * failed runs), the smallest change to one of its inputs that lifts P(deal by the month) to the
 * threshold, or the finding that no single change does.
 *
 * <p><b>Levers</b> of a blocker: on each issue its position (moved toward the mean nominal position
 * of the other parties, no further), the lower bound of its red line (lowered, at most to 0) and
 * the upper bound (raised, at most to 100); and its reservation utility (lowered, at most to 0) and
 * its flexibility (multiplied, up to ×{@value #MAX_FLEXIBILITY_FACTOR}, at most to 10). A change
 * moves the whole distribution: {@code uniform(45, 75)} lowered by 10 is {@code uniform(35, 65)}
 * (bounds clipped to the field's range), so the input keeps its uncertainty and a change of 0 is
 * the scenario as it is.
 *
 * <p><b>Search</b>: {@code grid} changes evenly spaced from none to the largest, each a Monte Carlo
 * with the same base seed (common random numbers), as {@code --set PATH=DISTRIBUTION} would run it
 * (a change that makes the scenario invalid, e.g. a position beyond the actor's own red line, is
 * recorded as invalid and skipped); then between the last grid change below the threshold and the
 * first one at or above it, {@code refine} steps of bisection. Changes are rounded to a resolution
 * (half a point on the 0–100 scale, 0.005 of a reservation utility, 0.01 of a flexibility factor).
 * The change reported is the smallest one found at or above the threshold.
 */
public final class WhatItTakes {
  /** Largest factor tried on a flexibility. */
  public static final double MAX_FLEXIBILITY_FACTOR = 4;

  private WhatItTakes() {}

  /**
   * @param threshold the odds to reach
   * @param minShare the smallest share of failed runs that makes a party a main blocker
   * @param grid changes tried on the grid (besides none)
   * @param refine bisection steps after the grid
   */
  public record Settings(
      int replications,
      int rounds,
      boolean exactRounds,
      long seed,
      int threads,
      int byRound,
      double threshold,
      double minShare,
      int grid,
      int refine) {}

  /** How a lever changes its input. */
  public enum Mode {
    SHIFT,
    SCALE
  }

  /**
   * One input of a blocker and how far it may move.
   *
   * @param limit the largest change: a signed shift, or a factor above 1
   * @param direction in words: "toward the other parties (55)", "lower", "higher", "faster"
   */
  public record Lever(
      String blocker, String path, Quantity quantity, Mode mode, double limit, String direction) {
    /** The input's distribution after a change of {@code change}. */
    public Quantity changed(double change) {
      return mode == Mode.SCALE
          ? scale(quantity, change, hiLimit())
          : shift(quantity, change, loLimit(), hiLimit());
    }

    /** The change as a share of the largest: 0 none, 1 the limit. */
    public double fraction(double change) {
      return mode == Mode.SCALE ? (change - 1) / (limit - 1) : change / limit;
    }

    /** A change at this share of the largest. */
    public double at(double fraction) {
      return mode == Mode.SCALE ? 1 + fraction * (limit - 1) : fraction * limit;
    }

    /**
     * The step changes are rounded to: half a point on the 0–100 scale, 0.005 of utility, 0.01 of a
     * flexibility factor.
     */
    public double resolution() {
      if (mode == Mode.SCALE) return 0.01;
      if (path.endsWith(".reservation")) return 0.005;
      return 0.5;
    }

    /** The change rounded to the resolution, never beyond the limit. */
    public double snap(double change) {
      double r = resolution();
      double v = round(Math.round(change / r) * r, 6);
      return mode == Mode.SCALE
          ? Math.min(v, limit)
          : (limit < 0 ? Math.max(v, limit) : Math.min(v, limit));
    }

    /** The {@code --set} text of a change. */
    public String set(double change) {
      return path + "=" + changed(change).describe();
    }

    /**
     * The change as a plain number for tables: a signed shift on the input's scale ("-12", "8") or
     * a factor ("1.3"), which {@link #kind} tells apart.
     */
    public String number(double change) {
      return Sweep.format(round(change, 3));
    }

    /** What {@link #number} is: "shift" (added to the input) or "factor" (multiplies it). */
    public String kind() {
      return mode == Mode.SCALE ? "factor" : "shift";
    }

    /** A change in words: "−12", "+8", "×1.3". */
    public String describe(double change) {
      if (mode == Mode.SCALE)
        return String.format(Locale.ROOT, "×%s", Sweep.format(round(change, 3)));
      String s = Sweep.format(round(Math.abs(change), 3));
      return (change < 0 ? "−" : "+") + s;
    }

    private double loLimit() {
      return 0;
    }

    private double hiLimit() {
      if (path.endsWith(".reservation")) return 0.999;
      if (path.endsWith(".flexibility")) return 10;
      if (path.endsWith(".cost_of_delay")) return 0.95;
      return 100;
    }
  }

  /** One point tried. */
  public record Trial(
      double change, String set, String problem, double odds, double lower, double upper) {
    public boolean valid() {
      return problem == null;
    }
  }

  /**
   * The finding for one lever.
   *
   * @param change the smallest change found that reaches the threshold (NaN when none does)
   * @param reached the trial that reached it (null when none did)
   * @param best the valid trial with the highest odds
   * @param trials every point tried, in order of change
   */
  public record Finding(Lever lever, double change, Trial reached, Trial best, List<Trial> trials) {
    public boolean found() {
      return reached != null;
    }
  }

  /** A party and its share of the failed runs. */
  public record Blocker(String actor, long failedRuns, double share) {}

  /**
   * @param baseOdds P(deal by the month) of the scenario as it is
   * @param blockers every party with its share of the failed runs, largest first
   * @param findings one per lever of the main blockers
   */
  public record Result(
      Settings settings,
      double baseOdds,
      double baseLower,
      double baseUpper,
      long failedRuns,
      List<Blocker> blockers,
      List<Finding> findings) {}

  /** The levers of one actor, in issue order, then reservation and flexibility. */
  public static List<Lever> levers(Scenario s, String actorId) {
    Actor a = s.actor(actorId).orElseThrow();
    List<Lever> out = new ArrayList<>();
    for (Issue issue : s.issues()) {
      Stance st = a.stances().get(issue.id());
      if (st == null) continue;
      String prefix = actorId + "." + issue.id() + ".";
      double sum = 0;
      int others = 0;
      for (Actor o : s.actors()) {
        if (o.role() != Role.PARTY || o.id().equals(actorId) || o.stances().get(issue.id()) == null)
          continue;
        sum += o.stances().get(issue.id()).position().nominal();
        others++;
      }
      if (others > 0) {
        double target = sum / others;
        double d = round(target - st.position().nominal(), 6);
        if (Math.abs(d) > 1e-9) {
          out.add(
              new Lever(
                  actorId,
                  prefix + "position",
                  st.position(),
                  Mode.SHIFT,
                  d,
                  "toward the other parties (" + Sweep.format(round(target, 2)) + ")"));
        }
      }
      RedLine rl = st.redLine() == null ? RedLine.NONE : st.redLine();
      if (rl.min() != null && rl.min().max() > 0) {
        out.add(
            new Lever(
                actorId, prefix + "red_line.min", rl.min(), Mode.SHIFT, -rl.min().max(), "lower"));
      }
      if (rl.max() != null && rl.max().min() < 100) {
        out.add(
            new Lever(
                actorId,
                prefix + "red_line.max",
                rl.max(),
                Mode.SHIFT,
                100 - rl.max().min(),
                "higher"));
      }
    }
    if (a.reservation().max() > 0) {
      out.add(
          new Lever(
              actorId,
              actorId + ".reservation",
              a.reservation(),
              Mode.SHIFT,
              -a.reservation().max(),
              "lower"));
    }
    // Concession is driven by the cost of delay (issue 14); with none there is nothing to scale.
    double factor =
        a.costOfDelay().max() > 0
            ? Math.min(MAX_FLEXIBILITY_FACTOR, 0.95 / a.costOfDelay().max())
            : 1;
    if (factor > 1.0001) {
      out.add(
          new Lever(
              actorId,
              actorId + ".cost_of_delay",
              a.costOfDelay(),
              Mode.SCALE,
              round(factor, 6),
              "concedes faster"));
    }
    return out;
  }

  /** Upper bound of the Monte Carlo points {@link #run} makes: 1 + levers × (grid + refine). */
  public static long maxPoints(int levers, Settings o) {
    return 1 + (long) levers * (o.grid() + o.refine());
  }

  /** The main blockers of the scenario as it is, and its odds. */
  public static Batch.Outcomes baseline(Scenario s, Protocol protocol, Settings o) {
    return Batch.run(s, protocol, o.rounds(), o.exactRounds(), o.seed(), o.replications());
  }

  public static Result run(Scenario s, Protocol protocol, Settings o, Progress progress)
      throws InterruptedException {
    Batch.Outcomes base = baseline(s, protocol, o);
    if (progress != null) progress.done(1);
    double baseOdds = base.oddsBy(o.byRound());
    double[] ci = Proportions.wilson(base.replications(), base.agreedBy(o.byRound()));
    long failed = base.failedRuns();
    long[] blocked = base.blockedRuns();
    List<Blocker> blockers = new ArrayList<>();
    for (Actor a : s.actors()) {
      if (a.role() != Role.PARTY) continue;
      long c = blocked[base.actorIds().indexOf(a.id())];
      blockers.add(new Blocker(a.id(), c, failed == 0 ? 0 : (double) c / failed));
    }
    blockers.sort((x, y) -> Long.compare(y.failedRuns(), x.failedRuns()));
    List<Lever> levers = new ArrayList<>();
    if (baseOdds < o.threshold()) {
      for (Blocker b : blockers)
        if (b.failedRuns() > 0 && b.share() >= o.minShare()) levers.addAll(levers(s, b.actor()));
    }

    // The grid: every lever's points at once.
    List<double[]> jobs = new ArrayList<>(); // {lever, change}
    for (int l = 0; l < levers.size(); l++) {
      Lever lever = levers.get(l);
      double previous = lever.at(0);
      for (int g = 1; g <= o.grid(); g++) {
        double c = g == o.grid() ? lever.limit() : lever.snap(lever.at((double) g / o.grid()));
        if (c == previous) continue;
        jobs.add(new double[] {l, c});
        previous = c;
      }
    }
    List<Trial> gridTrials =
        Batch.map(
            jobs.size(),
            o.threads(),
            j -> trial(s, protocol, o, levers.get((int) jobs.get(j)[0]), jobs.get(j)[1]),
            progress == null ? null : d -> progress.done(1 + d));
    long done = 1 + jobs.size();
    List<List<Trial>> trials = new ArrayList<>();
    for (int l = 0; l < levers.size(); l++) {
      List<Trial> t = new ArrayList<>();
      t.add(
          new Trial(
              levers.get(l).at(0),
              levers.get(l).set(levers.get(l).at(0)),
              null,
              baseOdds,
              ci[0],
              ci[1]));
      trials.add(t);
    }
    for (int j = 0; j < jobs.size(); j++) trials.get((int) jobs.get(j)[0]).add(gridTrials.get(j));

    // Bisection between the last grid point below the threshold and the first at or above it.
    double[][] bracket = new double[levers.size()][];
    for (int l = 0; l < levers.size(); l++) {
      List<Trial> t = trials.get(l);
      Trial below = t.get(0);
      for (Trial tr : t) {
        if (!tr.valid()) continue;
        if (tr.odds() >= o.threshold()) {
          bracket[l] = new double[] {below.change(), tr.change()};
          break;
        }
        below = tr;
      }
    }
    for (int step = 0; step < o.refine(); step++) {
      List<Integer> active = new ArrayList<>();
      List<Double> mids = new ArrayList<>();
      for (int l = 0; l < levers.size(); l++) {
        if (bracket[l] == null) continue;
        Lever lever = levers.get(l);
        double mid = lever.snap((bracket[l][0] + bracket[l][1]) / 2);
        if (mid == bracket[l][0] || mid == bracket[l][1])
          continue; // the bracket is down to the resolution
        active.add(l);
        mids.add(mid);
      }
      if (active.isEmpty()) break;
      List<Trial> mid =
          Batch.map(
              active.size(),
              o.threads(),
              j -> trial(s, protocol, o, levers.get(active.get(j)), mids.get(j)),
              null);
      for (int j = 0; j < active.size(); j++) {
        int l = active.get(j);
        Trial m = mid.get(j);
        trials.get(l).add(m);
        if (m.valid() && m.odds() >= o.threshold()) bracket[l][1] = m.change();
        else bracket[l][0] = m.change();
      }
      done += active.size();
      if (progress != null) progress.done(done);
    }

    List<Finding> findings = new ArrayList<>();
    for (int l = 0; l < levers.size(); l++) {
      Lever lever = levers.get(l);
      List<Trial> t = new ArrayList<>(trials.get(l));
      t.sort((x, y) -> Double.compare(lever.fraction(x.change()), lever.fraction(y.change())));
      Trial reached = null;
      Trial best = null;
      for (Trial tr : t) {
        if (!tr.valid()) continue;
        if (reached == null && tr.odds() >= o.threshold()) reached = tr;
        if (best == null || tr.odds() > best.odds()) best = tr;
      }
      findings.add(
          new Finding(
              lever,
              reached == null ? Double.NaN : reached.change(),
              reached,
              best,
              List.copyOf(t)));
    }
    return new Result(
        o, baseOdds, ci[0], ci[1], failed, List.copyOf(blockers), List.copyOf(findings));
  }

  private static Trial trial(Scenario s, Protocol protocol, Settings o, Lever lever, double change)
      throws InterruptedException {
    String set = lever.set(change);
    Scenario changed;
    try {
      changed = ScenarioLoader.override(s, List.of(set));
    } catch (ScenarioException e) {
      return new Trial(change, set, Sweep.problem(e), Double.NaN, Double.NaN, Double.NaN);
    }
    Batch.Outcomes r =
        Batch.run(changed, protocol, o.rounds(), o.exactRounds(), o.seed(), o.replications());
    double[] ci = Proportions.wilson(r.replications(), r.agreedBy(o.byRound()));
    return new Trial(change, set, null, r.oddsBy(o.byRound()), ci[0], ci[1]);
  }

  /** The quantity with every location parameter moved by {@code d}, clipped to [lo, hi]. */
  public static Quantity shift(Quantity q, double d, double lo, double hi) {
    if (q instanceof Quantity.Fixed f) return Quantity.of(clip(f.value() + d, lo, hi));
    if (q instanceof Quantity.Uniform u) {
      double a = clip(u.lo() + d, lo, hi);
      double b = clip(u.hi() + d, lo, hi);
      return a == b ? Quantity.of(a) : new Quantity.Uniform(a, b);
    }
    if (q instanceof Quantity.Triangular t) {
      double a = clip(t.lo() + d, lo, hi);
      double b = clip(t.hi() + d, lo, hi);
      return a == b ? Quantity.of(a) : new Quantity.Triangular(a, clip(t.mode() + d, lo, hi), b);
    }
    if (q instanceof Quantity.Normal n) {
      double a = clip(n.lo() + d, lo, hi);
      double b = clip(n.hi() + d, lo, hi);
      return a == b ? Quantity.of(a) : new Quantity.Normal(round(n.mean() + d, 6), n.sd(), a, b);
    }
    Quantity.Beta b = (Quantity.Beta) q;
    double a = clip(b.lo() + d, lo, hi);
    double c = clip(b.hi() + d, lo, hi);
    return a == c ? Quantity.of(a) : new Quantity.Beta(b.alpha(), b.beta(), a, c);
  }

  /** The quantity multiplied by {@code f}, each value rounded, capped at {@code hi}. */
  public static Quantity scale(Quantity q, double f, double hi) {
    if (q instanceof Quantity.Fixed x) return Quantity.of(Math.min(hi, round(x.value() * f, 6)));
    if (q instanceof Quantity.Uniform u)
      return new Quantity.Uniform(
          Math.min(hi, round(u.lo() * f, 6)), Math.min(hi, round(u.hi() * f, 6)));
    if (q instanceof Quantity.Triangular t) {
      return new Quantity.Triangular(
          Math.min(hi, round(t.lo() * f, 6)),
          Math.min(hi, round(t.mode() * f, 6)),
          Math.min(hi, round(t.hi() * f, 6)));
    }
    if (q instanceof Quantity.Normal n) {
      return new Quantity.Normal(
          round(n.mean() * f, 6),
          round(n.sd() * f, 6),
          Math.min(hi, round(n.lo() * f, 6)),
          Math.min(hi, round(n.hi() * f, 6)));
    }
    Quantity.Beta b = (Quantity.Beta) q;
    return new Quantity.Beta(
        b.alpha(),
        b.beta(),
        Math.min(hi, round(b.lo() * f, 6)),
        Math.min(hi, round(b.hi() * f, 6)));
  }

  private static double clip(double v, double lo, double hi) {
    return round(Math.max(lo, Math.min(hi, v)), 6);
  }

  static double round(double v, int decimals) {
    double p = Math.pow(10, decimals);
    return Math.round(v * p) / p;
  }
}
