package org.negotiate.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.protocol.RoundClose.BlockReason;
import org.negotiate.protocol.RoundClose.Ending;
import org.negotiate.scenario.ProtocolParameters.Param;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Role;

/**
 * The default protocol, Raiffa's single negotiating text (docs/mediated.md): the mediators draft
 * one package across all issues, each party accepts it if it respects its red lines and is worth at
 * least its current aspiration, and a party's aspiration is a state that falls only in months of
 * talks, at the rate its costs of delay and the pressure on it set ({@link Aspiration}, {@link
 * Inputs#concessionRate}). No protocol-wide clock: an event changes a rate from its month on, never
 * the aspiration already reached.
 *
 * <p>Parameters: {@code noise} (sd of each party's uncertainty about what a text is worth: a party
 * that is unsure discounts the text by {@code noise·|e|}, e a fresh standard normal each month, so
 * uncertainty can only delay a deal, never make a refused text acceptable by luck) and {@code
 * breakdown_after} (a party walks out after this many consecutive rounds in which the text, or the
 * lack of one, is worth less to it than no deal; 0 = never, the default), {@code walkout_hazard}
 * (each month such a party walks out with this probability; default 0) and {@code revision} (the
 * weight a refusal adds to the refusing party in the draft; default 1). Actors with the role {@code
 * veto} sign nothing but no text outside their red lines is drafted or agreed.
 */
public final class MediatedSingleText implements Protocol {
  public static final String NAME = "mediated";

  /** Default {@code revision}: each refusal adds the party's starting weight once more. */
  public static final double DEFAULT_REVISION = 1.0;

  public static final ProtocolDescriptor DESCRIPTOR =
      new ProtocolDescriptor(
          NAME,
          "Mediated single text (default protocol)",
          List.of(
              new Param(
                  "noise",
                  Range.UNIT,
                  0,
                  "sd of each party's uncertainty about a text's worth, taken as a discount noise·|e|"),
              new Param(
                  "breakdown_after",
                  Range.integers(0, Integer.MAX_VALUE),
                  0,
                  "consecutive rounds below reservation before a party walks out (0: never)"),
              new Param(
                  "walkout_hazard",
                  Range.UNIT,
                  0,
                  "monthly probability that a party the text leaves below its reservation walks out"),
              new Param(
                  "revision",
                  Range.closed(0, 100),
                  DEFAULT_REVISION,
                  "weight added to a party in the mediators' draft each time it refuses, its starting weight being 1")),
          java.util.EnumSet.of(Capability.DRAFTS_TEXT, Capability.ACCEPT_STEP, Capability.COMPARED),
          List.of(
              "Each month the mediators draft one package for all issues, the point inside every party's "
                  + "red lines that best balances their gains; each party signs if the text respects its red lines and is "
                  + "worth at least its aspiration. A deal needs every party to sign in the same month.",
              "A party's aspiration falls only in months with a text on the table, each month by the share "
                  + "of its remaining gap to its reservation set by its cost of delay (an input per actor, citing its evidence) "
                  + "plus the pressure on it; no clock decides when demands reach the reservation, and an event changes that "
                  + "rate from its month on, never the demands already reached."),
          true,
          java.util.Set.of());

  /** Slack on red-line checks so a text on the boundary counts as inside. */
  private static final double EDGE = 1e-6;

  /**
   * Slack on utility comparisons: the optimiser's answer is exact only to about 1e-8 on the scale.
   */
  private static final double UTILITY_SLACK = 1e-9;

  @Override
  public ProtocolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Session open(NegotiationSetup setup, Inputs inputs, PerceptionNoise noise) {
    return new Run(setup, inputs, noise);
  }

  /**
   * The parameters last read, by the identity of the setup's map: a plan whose parameters are all
   * fixed hands every draw the same (immutable) map, so they are read once, not once a replication
   * (reading them was about a tenth of a one-round replication).
   */
  private static volatile ParametersRead lastRead;

  /** The values in the descriptor's order (never written once read). */
  private record ParametersRead(Map<String, Double> params, double[] values) {}

  /**
   * The parameters as {@link ProtocolDescriptor#values} reads them; a plan that draws one (the
   * baseline's revision) hands each replication its own map, read without building maps.
   */
  private static double[] parameters(NegotiationSetup setup) {
    ParametersRead last = lastRead;
    if (last != null && last.params() == setup.params()) return last.values();
    double[] values = DESCRIPTOR.values(setup);
    lastRead = new ParametersRead(setup.params(), values);
    return values;
  }

  // the parameters' places in DESCRIPTOR's list
  private static final int NOISE = 0;
  private static final int BREAKDOWN_AFTER = 1;
  private static final int WALKOUT_HAZARD = 2;
  private static final int REVISION = 3;

  /**
   * The offering party's judgement along the segment to the text, for its bisection: one per thread
   * (a replication's own would add to its allocation), each load overwriting all it reads.
   */
  private static final ThreadLocal<SegmentJudgement> SEGMENT =
      ThreadLocal.withInitial(SegmentJudgement::new);

  private static final class Run implements Session {
    private final Inputs in;
    private final PerceptionNoise noise;
    private final int rounds;
    private final double sigma;
    private final int breakdownAfter;
    private final int[] parties;
    private final int[] mediators;

    /** Per actor, whether it is one of {@link #parties} (asked twice a concession). */
    private final boolean[] party;

    /**
     * The thread {@link #workspace} and {@link #segment} belong to: each is that thread's value of
     * its ThreadLocal, kept while the run stays on it (a lookup a solve and an offer was a call
     * into the VM on C1), and looked up again on any other thread.
     */
    private Thread onThread;

    private NashDraft.Exact workspace;
    private SegmentJudgement segment;

    /**
     * This thread's draft workspace (NashDraft's own), as {@code NashDraft.workspace()} gives it.
     */
    private NashDraft.Exact workspace() {
      if (Thread.currentThread() != onThread) onThisThread();
      return workspace;
    }

    /** This thread's segment judgement, as {@code SEGMENT.get()} gives it. */
    private SegmentJudgement segment() {
      if (Thread.currentThread() != onThread) onThisThread();
      return segment;
    }

    private void onThisThread() {
      workspace = NashDraft.workspace();
      segment = SEGMENT.get();
      onThread = Thread.currentThread();
    }

    /** The parties' and mediators' part of a draft's key in the memo (DraftMemo.Key#roles). */
    private final int roles;

    /** Veto players: their red lines bind every text (docs/mediated.md "A veto player"). */
    private final int[] vetoes;

    /** Monthly probability that a party whose text is worth less than no deal walks out. */
    private final double hazard;

    private final double[][] positions;

    /** a_i(t), the aspiration this round's verdicts are judged against. */
    private final double[] aspiration;

    /** a_i(t+1), set when the party concedes and taken up when the next round opens. */
    private final double[] nextAspiration;

    private final double[] judged;
    private final boolean[] accepted;
    private final int[] belowReservation;

    /** Each party's verdict this round, kept as numbers and put into words only when asked for. */
    private final int[] verdictKind;

    private final double[] perceivedNow;
    private final int[] outsideIssue;
    private final List<String> issueIds;
    private double[] text;
    private boolean stale = true;

    /**
     * Every input the last draft was solved from, in one flat array (see {@link #draftInputs}); a
     * redraft from the same inputs would give the same text. Null before the first draft.
     */
    private double[] drafted;

    /**
     * The {@link #structure} when {@link #drafted} was last made equal to the whole view: while it
     * stands, the view's positions, saliences, risks, leans and ties are those drafted (refreshView
     * rewrites only capabilities, reservations and red lines), so only those are compared.
     */
    private long draftedStructure = -1;

    /**
     * Per party: the actors in its judgement (ties with weight &gt; 0) and their weights, as
     * Utility.judged reads them.
     */
    private final int[][] tiedTo;

    private final double[][] tieWeight;

    /**
     * Whether {@code tiedTo[i]} and {@code tieWeight[i]} hold party i's ties as the inputs are:
     * cleared when they change, the arrays kept to be rewritten when the count is the same.
     */
    private final boolean[] tiesRead;

    private final double[] z;

    /** Scratch: the offering party's ideal, read once per offer. */
    private final double[] ideal;

    /** Scratch: from the offering party's ideal to the text, per issue. */
    private final double[] toText;

    /**
     * Whether {@code judged[p]} is party p's judgement of the text on the table, on the inputs as
     * they are: set by respond, cleared when the text or the inputs change.
     */
    private final boolean[] judgedCurrent;

    /**
     * Per party, its concession rate ({@link #concessionRate}), valid where {@code rateCurrent}.
     */
    private final double[] rate;

    private final boolean[] rateCurrent;

    /** Share of a party's starting weight added to its weight in the draft each time it refuses. */
    private final double revision;

    /** w_i(t): each party's weight in the draft, 1 at the start, growing with its refusals. */
    private final double[] weight;

    /**
     * The inputs as the mediators see them: weights on capability, believed red lines and
     * reservations; made afresh from the live inputs whenever they may have changed.
     */
    private Inputs view;

    private Inputs.Builder viewBuilder;

    /**
     * Counts the changes of the inputs: the view's positions, saliences, risks, ties and leans (the
     * live inputs' own, copied) are the same while it stands, so the draft's solver may reuse the
     * pieces it built from them ({@link NashDraft#exact(Inputs, int[], int[], Object, long)}).
     */
    private long structure;

    /**
     * Whether the view holds a copy of the live inputs as they are now: then a refresh only
     * rewrites what it overrides (every capability, every party's reservation and red lines), which
     * gives the same view as copying everything again. Cleared when the inputs change.
     */
    private boolean viewCopied;

    /**
     * Per actor, what {@link Utility#own} reads (saliences, ideals, risk, and the saliences' sum,
     * summed in the same order), read from the inputs once and again whenever they changed: the
     * offer's bisection asks for utilities 40 times a party a round.
     */
    private final double[][] ownSalience;

    private final double[][] ownIdeal;
    private final double[] ownRisk;
    private final double[] ownSalienceSum;
    private boolean ownCurrent;

    /**
     * The mediators' beliefs about each party's red lines: the bound they draft to ({@code
     * believed*}) and the far end of what they still think possible ({@code cap*}), from the
     * scenario's stated range; {@code known*} is the furthest text a party refused on that bound (a
     * strict bound).
     */
    private final double[][] believedMin;

    private final double[][] capMin;
    private final double[][] knownMin;
    private final double[][] believedMax;
    private final double[][] capMax;
    private final double[][] knownMax;
    private final double[] believedReservation;

    /** The starting beliefs (moved by events), the widest limits the mediators ever draft to. */
    private final double[][] floorMin;

    private final double[][] floorMax;

    /** The true bounds when the beliefs were last aligned, to shift beliefs by an event's move. */
    private final double[][] seenMin;

    private final double[][] seenMax;
    private final double[] seenReservation;

    Run(NegotiationSetup setup, Inputs in, PerceptionNoise noise) {
      this.in = in;
      this.noise = noise;
      this.rounds = setup.rounds();
      double[] params = parameters(setup);
      this.sigma = params[NOISE];
      // as ProtocolDescriptor.Values#integer reads it
      this.breakdownAfter = (int) Math.round(params[BREAKDOWN_AFTER]);
      this.parties = setup.indicesOf(Role.PARTY);
      this.party = new boolean[in.actors];
      for (int p : parties) party[p] = true;
      this.mediators = setup.indicesOf(Role.MEDIATOR);
      this.roles = DraftMemo.Key.roles(parties, mediators);
      this.vetoes = setup.indicesOf(Role.VETO);
      this.hazard = params[WALKOUT_HAZARD];
      int n = in.actors;
      positions = new double[n][];
      for (int i = 0; i < n; i++) positions[i] = in.positions(i);
      aspiration = new double[n];
      // a_i(0) = 1: every party starts by asking for its ideal.
      java.util.Arrays.fill(aspiration, 1.0);
      nextAspiration = aspiration.clone();
      judged = new double[n];
      accepted = new boolean[n];
      belowReservation = new int[n];
      verdictKind = new int[n];
      perceivedNow = new double[n];
      outsideIssue = new int[n];
      issueIds = setup.issueIds();
      tiedTo = new int[n][];
      tieWeight = new double[n][];
      tiesRead = new boolean[n];
      rate = new double[n];
      rateCurrent = new boolean[n];
      z = new double[in.issues];
      ideal = new double[in.issues];
      toText = new double[in.issues];
      judgedCurrent = new boolean[n];
      ownSalience = matrix(n, in.issues);
      ownIdeal = matrix(n, in.issues);
      ownRisk = new double[n];
      ownSalienceSum = new double[n];
      revision = params[REVISION];
      weight = new double[n];
      java.util.Arrays.fill(weight, 1.0);
      int k = in.issues;
      believedMin = matrix(n, k);
      capMin = matrix(n, k);
      knownMin = matrix(n, k);
      believedMax = matrix(n, k);
      capMax = matrix(n, k);
      knownMax = matrix(n, k);
      believedReservation = new double[n];
      floorMin = matrix(n, k);
      floorMax = matrix(n, k);
      seenMin = new double[n][];
      seenMax = new double[n][];
      seenReservation = new double[n];
      for (int i = 0; i < n; i++) {
        seenReservation[i] = in.reservation(i);
        seenMin[i] = new double[k];
        seenMax[i] = new double[k];
        for (int q = 0; q < k; q++) {
          seenMin[i][q] = in.redLineMin(i, q);
          seenMax[i][q] = in.redLineMax(i, q);
        }
        // Mediators start from the most accommodating value the scenario states (a party's true
        // limit may be tighter: they find out from its refusals), or the truth where none is
        // stated.
        believedReservation[i] = or(in.statedReservationLo(i), in.reservation(i));
        for (int q = 0; q < k; q++) {
          believedMin[i][q] = or(in.statedMinLo(i, q), in.redLineMin(i, q));
          capMin[i][q] = or(in.statedMinHi(i, q), in.redLineMin(i, q));
          knownMin[i][q] = Double.NEGATIVE_INFINITY;
          believedMax[i][q] = or(in.statedMaxHi(i, q), in.redLineMax(i, q));
          capMax[i][q] = or(in.statedMaxLo(i, q), in.redLineMax(i, q));
          knownMax[i][q] = Double.POSITIVE_INFINITY;
          floorMin[i][q] = believedMin[i][q];
          floorMax[i][q] = believedMax[i][q];
        }
      }
    }

    /**
     * {@code new double[n][k]}, row by row: C1 compiles a multi-dimensional {@code new} as a call
     * into the VM, and a run makes ten of them; a one-dimensional one is allocated inline.
     */
    private static double[][] matrix(int n, int k) {
      double[][] m = new double[n][];
      for (int i = 0; i < n; i++) m[i] = new double[k];
      return m;
    }

    private static double or(double stated, double truth) {
      return Double.isNaN(stated) ? truth : stated;
    }

    /**
     * An event (or a GUI edit) moved a party's true red line or reservation: the statement is
     * public, so the mediators' beliefs move by as much, their uncertainty about the level
     * unchanged.
     */
    private void shiftBeliefs() {
      for (int p : parties) {
        double dr = in.reservation(p) - seenReservation[p];
        if (dr != 0) believedReservation[p] = clamp(believedReservation[p] + dr, 0, 0.999);
        seenReservation[p] = in.reservation(p);
        for (int q = 0; q < in.issues; q++) {
          double d = in.redLineMin(p, q) - seenMin[p][q];
          if (d != 0) {
            believedMin[p][q] = clamp(believedMin[p][q] + d, 0, 100);
            floorMin[p][q] = clamp(floorMin[p][q] + d, 0, 100);
            capMin[p][q] = clamp(capMin[p][q] + d, 0, 100);
            knownMin[p][q] += d;
            seenMin[p][q] = in.redLineMin(p, q);
          }
          d = in.redLineMax(p, q) - seenMax[p][q];
          if (d != 0) {
            believedMax[p][q] = clamp(believedMax[p][q] + d, 0, 100);
            floorMax[p][q] = clamp(floorMax[p][q] + d, 0, 100);
            capMax[p][q] = clamp(capMax[p][q] + d, 0, 100);
            knownMax[p][q] += d;
            seenMax[p][q] = in.redLineMax(p, q);
          }
        }
      }
    }

    /**
     * After the verdicts: each party that refused weighs more in the next draft (the text moves
     * toward it along the frontier), and a refusal on a red line tells the mediators the text lies
     * beyond that bound: they move their belief halfway to the far end of what they still think
     * possible (at least one point past the refused text).
     */
    private void learn() {
      if (text == null) return;
      for (int p : parties) {
        if (accepted[p]) continue;
        weight[p] += revision;
        stale = true;
        if (verdictKind[p] != OUTSIDE) continue;
        int q = outsideIssue[p];
        double at = text[q];
        if (at < in.redLineMin(p, q)) {
          knownMin[p][q] = MinMax.max(knownMin[p][q], at);
          double from = MinMax.max(believedMin[p][q], at);
          capMin[p][q] = MinMax.max(capMin[p][q], MinMax.min(100, from + 1));
          believedMin[p][q] = MinMax.min(100, MinMax.max(from + 1, (from + capMin[p][q]) / 2));
        } else {
          knownMax[p][q] = MinMax.min(knownMax[p][q], at);
          double from = MinMax.min(believedMax[p][q], at);
          capMax[p][q] = MinMax.min(capMax[p][q], MinMax.max(0, from - 1));
          believedMax[p][q] = MinMax.max(0, MinMax.min(from - 1, (from + capMax[p][q]) / 2));
        }
      }
    }

    /**
     * The mediators' view of the inputs, with the red lines as believed ({@code optimistic}: as
     * refusals alone bound them).
     */
    private void refreshView(boolean optimistic) {
      // rewritten in place: a copy a refresh would double a run's allocation
      if (viewBuilder == null) {
        viewBuilder = in.toView();
        viewCopied = true; // toView copied the live inputs
      }
      Inputs.Builder view = viewCopied ? viewBuilder : viewBuilder.copyOf(in);
      viewCopied = true;
      // only the parties' weights ever move from 1 (learn), and c * 1.0 is c: every other actor's
      // capability is the live one the view was copied with
      for (int p : parties) view.capability(p, in.capability(p) * weight[p]);
      for (int p : parties) {
        view.reservation(p, believedReservation[p]);
        for (int q = 0; q < in.issues; q++) {
          double lo =
              optimistic
                  ? MinMax.min(100, MinMax.max(floorMin[p][q], knownMin[p][q] + 1))
                  : believedMin[p][q];
          double hi =
              optimistic
                  ? MinMax.max(0, MinMax.min(floorMax[p][q], knownMax[p][q] - 1))
                  : believedMax[p][q];
          // A veto player's stated red lines bind the draft as if every party held them too.
          for (int v : vetoes) {
            lo = MinMax.max(lo, in.redLineMin(v, q));
            hi = MinMax.min(hi, in.redLineMax(v, q));
          }
          view.redLineMin(p, q, lo);
          view.redLineMax(p, q, hi);
        }
      }
      this.view = view.build();
    }

    private static double clamp(double v, double lo, double hi) {
      return v < lo ? lo : (v > hi ? hi : v);
    }

    @Override
    public void inputsChanged() {
      stale = true;
      structure++;
      shiftBeliefs();
      java.util.Arrays.fill(tiesRead, false);
      java.util.Arrays.fill(rateCurrent, false);
      viewCopied = false;
      ownCurrent = false;
      java.util.Arrays.fill(judgedCurrent, false);
    }

    @Override
    public void propose(int round) {
      System.arraycopy(nextAspiration, 0, aspiration, 0, aspiration.length);
      // The draft depends only on the inputs, so it is redrawn only when an event changed one it
      // reads (an event on flexibility or pressure leaves it as it was).
      if (stale) {
        refreshView(false);
        if (redrafted()) {
          java.util.Arrays.fill(judgedCurrent, false);
          if (DraftMemo.inUse()) {
            // a design point's runs pose the problems of the points run before it (DraftMemo)
            DraftMemo.Key key = new DraftMemo.Key(drafted, parties, mediators, roles);
            text = DraftMemo.get(key);
            if (text == null) {
              text = NashDraft.exact(view, parties, mediators, this, structure, workspace());
              if (text != null) DraftMemo.put(key, text);
            }
          } else {
            text = NashDraft.exact(view, parties, mediators, this, structure, workspace());
          }
          if (text == null) {
            // Their beliefs leave no package: before calling the talks stalled, the mediators try
            // the widest limits the refusals so far allow.
            refreshView(true);
            text = NashDraft.exact(view, parties, mediators, this, structure, workspace());
          }
        }
        stale = false;
      }
    }

    @Override
    public boolean accepted(int party) {
      return accepted[party];
    }

    @Override
    public void respond(int party, int round) {
      if (text == null) {
        accepted[party] = false;
        judged[party] = Double.NaN;
        judgedCurrent[party] = false;
        verdictKind[party] = NO_TEXT;
        return;
      }
      judged[party] = judged(party, text);
      judgedCurrent[party] = true;
      int outside = outsideRedLine(party, text);
      if (outside >= 0) {
        accepted[party] = false;
        verdictKind[party] = OUTSIDE;
        outsideIssue[party] = outside;
        return;
      }
      // One-sided: uncertainty about a text's worth is a discount, not a lottery ticket (issue 14).
      double perceived = judged[party] - (sigma > 0 ? sigma * Math.abs(noise.gaussian(party)) : 0);
      accepted[party] = perceived >= aspiration[party] - UTILITY_SLACK;
      verdictKind[party] = WEIGHED;
      perceivedNow[party] = perceived;
    }

    private static final int NO_TEXT = 1;
    private static final int OUTSIDE = 2;
    private static final int WEIGHED = 3;

    /**
     * Whether the view's draft inputs differ from {@link #drafted}, which then holds them: what
     * {@code !sameDraftInputs(drafted, view)} and then {@code draftInputs(view, drafted)} give, in
     * one pass over what refreshView can have changed when the structure is the one drafted.
     */
    private boolean redrafted() {
      if (drafted == null || draftedStructure != structure) {
        draftedStructure = structure;
        if (drafted != null && sameDraftInputs(drafted, view)) return false;
        drafted = draftInputs(view, drafted);
        return true;
      }
      Inputs v = view;
      double[] out = drafted;
      int n = v.actors;
      int k = v.issues;
      boolean changed = false;
      // Only the parties' capabilities, reservations and red lines: refreshView rewrites no other
      // actor's, so while the structure is the one drafted they are the values drafted (checked
      // under -ea)
      for (int p : parties) {
        double c = v.capability(p);
        changed |= !same(out[p], c);
        out[p] = c;
        double r = v.reservation(p);
        changed |= !same(out[n + p], r);
        out[n + p] = r;
        for (int q = 0, at = 4 * n + p * (4 * k + n); q < k; q++) {
          double lo = v.redLineMin(p, q);
          double hi = v.redLineMax(p, q);
          changed |= !same(out[at + 2 * k + q], lo) || !same(out[at + 3 * k + q], hi);
          out[at + 2 * k + q] = lo;
          out[at + 3 * k + q] = hi;
        }
      }
      assert sameDraftInputs(out, v) : "an input of the draft changed outside the parties' lines";
      return changed;
    }

    /**
     * The inputs the draft reads (capability, reservation, risk, lean, then per actor position,
     * salience, red lines and ties) in one array, written into {@code into} when it has the size.
     */
    private static double[] draftInputs(Inputs in, double[] into) {
      int n = in.actors;
      int k = in.issues;
      int size = 4 * n + n * (4 * k + n);
      double[] out = into != null && into.length == size ? into : new double[size];
      int at = 0;
      for (int i = 0; i < n; i++) {
        out[at + i] = in.capability(i);
        out[at + n + i] = in.reservation(i);
        out[at + 2 * n + i] = in.risk(i);
        out[at + 3 * n + i] = in.lean(i);
      }
      at += 4 * n;
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < k; q++) {
          out[at + q] = in.position(i, q);
          out[at + k + q] = in.salience(i, q);
          out[at + 2 * k + q] = in.redLineMin(i, q);
          out[at + 3 * k + q] = in.redLineMax(i, q);
        }
        at += 4 * k;
        for (int j = 0; j < n; j++) out[at + j] = in.tie(i, j);
        at += n;
      }
      return out;
    }

    /**
     * Whether every input the draft reads is the same now as in the snapshot, compared as {@link
     * java.util.Arrays#equals(double[], double[])} does (bit patterns).
     */
    private static boolean sameDraftInputs(double[] snapshot, Inputs in) {
      int n = in.actors;
      int k = in.issues;
      if (snapshot.length != 4 * n + n * (4 * k + n)) return false;
      int at = 0;
      for (int i = 0; i < n; i++) {
        if (!same(snapshot[at + i], in.capability(i))
            || !same(snapshot[at + n + i], in.reservation(i))
            || !same(snapshot[at + 2 * n + i], in.risk(i))
            || !same(snapshot[at + 3 * n + i], in.lean(i))) {
          return false;
        }
      }
      at += 4 * n;
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < k; q++) {
          if (!same(snapshot[at + q], in.position(i, q))
              || !same(snapshot[at + k + q], in.salience(i, q))
              || !same(snapshot[at + 2 * k + q], in.redLineMin(i, q))
              || !same(snapshot[at + 3 * k + q], in.redLineMax(i, q))) {
            return false;
          }
        }
        at += 4 * k;
        for (int j = 0; j < n; j++) if (!same(snapshot[at + j], in.tie(i, j))) return false;
        at += n;
      }
      return true;
    }

    private static boolean same(double a, double b) {
      return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /**
     * {@link Utility#judged}, with the same arithmetic in the same order (so bit for bit the same
     * number), without scanning every actor's ties on each call: the offer's bisection calls it 40
     * times a round. Ties only change through events, which are rare, so they are looked up again
     * whenever the inputs changed.
     */
    private double judged(int i, double[] at) {
      if (!ownCurrent) readOwn();
      int[] js = tiesRead[i] ? tiedTo[i] : readTies(i);
      double[] w = tieWeight[i];
      double tied = 0;
      double weight = 0;
      for (int q = 0; q < js.length; q++) {
        weight += w[q];
        tied += w[q] * ownRow(js[q], at);
      }
      return weight == 0 ? ownRow(i, at) : (1 - weight) * ownRow(i, at) + tied;
    }

    /** The actors in party i's judgement (ties with weight &gt; 0) and their weights. */
    private int[] readTies(int i) {
      int count = 0;
      for (int j = 0; j < in.actors; j++) if (in.tie(i, j) > 0) count++;
      // an event seldom changes which ties there are: the last arrays are rewritten when they fit
      int[] js = tiedTo[i] != null && tiedTo[i].length == count ? tiedTo[i] : new int[count];
      double[] w =
          tieWeight[i] != null && tieWeight[i].length == count ? tieWeight[i] : new double[count];
      count = 0;
      for (int j = 0; j < in.actors; j++) {
        if (in.tie(i, j) > 0) {
          js[count] = j;
          w[count++] = in.tie(i, j);
        }
      }
      tiedTo[i] = js;
      tieWeight[i] = w;
      tiesRead[i] = true;
      return js;
    }

    /** Reads what {@link Utility#own} reads, per actor, into the cached rows. */
    private void readOwn() {
      for (int j = 0; j < in.actors; j++) {
        double sum = 0;
        for (int k = 0; k < in.issues; k++) {
          ownSalience[j][k] = in.salience(j, k);
          ownIdeal[j][k] = in.position(j, k);
          sum += in.salience(j, k);
        }
        ownRisk[j] = in.risk(j);
        ownSalienceSum[j] = sum;
      }
      ownCurrent = true;
    }

    /**
     * {@link Utility#own}, the same arithmetic in the same order, from the cached rows (current:
     * {@link #judged} reads them first). With rho = 0, {@code v(d) = (1 - d)(1 + 0 d)} is {@code (1
     * - d) * 1}, the same double as {@code 1 - d} for every finite d (a text's distance is one).
     */
    private double ownRow(int i, double[] at) {
      double[] s = ownSalience[i];
      double[] x = ownIdeal[i];
      double rho = ownRisk[i];
      double u = 0;
      int n = s.length;
      if (rho == 0) {
        for (int k = 0; k < n; k++) u += s[k] * (1 - Math.abs(at[k] - x[k]) / 100.0);
      } else {
        for (int k = 0; k < n; k++) {
          double d = Math.abs(at[k] - x[k]) / 100.0;
          u += s[k] * ((1 - d) * (1 + rho * d));
        }
      }
      double w = ownSalienceSum[i];
      return w > 0 ? u / w : 1;
    }

    @Override
    public void concede(int actor, int round) {
      if (text == null || !isParty(actor)) {
        for (int q = 0; q < in.issues; q++) positions[actor][q] = in.position(actor, q);
      } else {
        offer(actor, aspiration[actor], positions[actor]);
      }
      if (isParty(actor)) {
        // Concession is paid for by talks: the aspiration moves only in a month with a text, at
        // this month's rate (an event due now changed the rate, not the level reached).
        nextAspiration[actor] =
            text == null
                ? aspiration[actor]
                : Aspiration.step(aspiration[actor], in.reservation(actor), concessionRate(actor));
        boolean worse = text == null || judged[actor] < in.reservation(actor);
        belowReservation[actor] = worse ? belowReservation[actor] + 1 : 0;
      }
    }

    /**
     * {@link Inputs#concessionRate} of party p, read once and again only after the inputs changed
     * (it is a function of them alone: two salience-weighted means and a power a party a round).
     */
    private double concessionRate(int p) {
      if (!rateCurrent[p]) {
        rate[p] = in.concessionRate(p);
        rateCurrent[p] = true;
      }
      return rate[p];
    }

    @Override
    public RoundClose close(int round) {
      boolean all = parties.length > 0;
      for (int p : parties) all &= accepted[p];
      for (int v : vetoes) all &= text != null && outsideRedLine(v, text) < 0;
      if (all && text != null) return new RoundClose(Ending.AGREED, text.clone(), -1, null);
      learn();
      if (hazard > 0) {
        // A stated monthly hazard of walking out for a party the text (or its absence) leaves below
        // its reservation; the uniform comes from the party's own stream, as its perception noise
        // does.
        int walker = -1;
        for (int p : parties) {
          if (belowReservation[p] > 0
              && uniform(p) < hazard
              && (walker < 0 || shortfall(p) > shortfall(walker))) walker = p;
        }
        if (walker >= 0)
          return new RoundClose(Ending.BREAKDOWN, null, walker, BlockReason.WALKED_OUT);
      }
      if (breakdownAfter > 0) {
        int walker = -1;
        for (int p : parties) {
          if (belowReservation[p] >= breakdownAfter
              && (walker < 0 || shortfall(p) > shortfall(walker))) walker = p;
        }
        if (walker >= 0)
          return new RoundClose(Ending.BREAKDOWN, null, walker, BlockReason.WALKED_OUT);
      }
      if (round < rounds - 1) return RoundClose.CONTINUE;
      if (text == null)
        return new RoundClose(Ending.ROUND_LIMIT, null, redLineBlocker(), BlockReason.RED_LINE);
      int blocker = -1;
      for (int p : parties) {
        if (!accepted[p] && (blocker < 0 || shortfall(p) > shortfall(blocker))) blocker = p;
      }
      return new RoundClose(Ending.ROUND_LIMIT, null, blocker, BlockReason.ASPIRATION);
    }

    private double uniform(int party) {
      return 0.5
          * (1 + org.apache.commons.math3.special.Erf.erf(noise.gaussian(party) / Math.sqrt(2)));
    }

    private double shortfall(int p) {
      return Double.isNaN(judged[p]) ? Double.POSITIVE_INFINITY : aspiration[p] - judged[p];
    }

    /**
     * With no zone, the blocker is the party whose red line the text would break most if red lines
     * were ignored: the one standing furthest from where the parties' interests put the text.
     */
    private int redLineBlocker() {
      double[] free = NashDraft.exactUnconstrained(in, parties, mediators);
      int blocker = parties[0];
      double worst = -1;
      int[] bound = java.util.Arrays.copyOf(parties, parties.length + vetoes.length);
      System.arraycopy(vetoes, 0, bound, parties.length, vetoes.length);
      for (int p : bound) {
        double breach = 0;
        for (int k = 0; k < in.issues; k++) {
          breach =
              MinMax.max(
                  breach, MinMax.max(in.redLineMin(p, k) - free[k], free[k] - in.redLineMax(p, k)));
        }
        if (breach > worst) {
          worst = breach;
          blocker = p;
        }
      }
      return blocker;
    }

    /**
     * The least party i would now take in the direction of the text: the point on the segment from
     * its ideal to the text where its judged utility equals its aspiration (docs/mediated.md step
     * 7).
     */
    private void offer(int i, double a, double[] into) {
      int n = in.issues;
      double[] x = ideal;
      double[] t = text;
      // respond judged this text on the same inputs this round (nothing changes in between)
      double now = judgedCurrent[i] ? judged[i] : judged(i, t);
      if (now >= a - UTILITY_SLACK) {
        System.arraycopy(t, 0, into, 0, n);
        return;
      }
      double[] d = toText;
      double[] zz = z;
      for (int k = 0; k < n; k++) {
        x[k] = in.position(i, k);
        d[k] = t[k] - x[k];
      }
      // J(mid) as a quadratic answers every halving but the last few, where J is too near a for
      // its rounding to be ruled out; those evaluate J exactly (SegmentJudgement)
      if (!ownCurrent) readOwn();
      int[] js = tiesRead[i] ? tiedTo[i] : readTies(i);
      SegmentJudgement segment = segment();
      segment.load(i, x, d, ownSalience, ownIdeal, ownRisk, ownSalienceSum, js, tieWeight[i]);
      double margin = segment.margin();
      // the quadratic's coefficients and interval in locals, as SegmentJudgement.at reads them
      double from = 0;
      double to = 0;
      double qa = 0;
      double qb = 0;
      double qc = 0;
      double lo = 0;
      double hi = 1;
      for (int it = 0; it < 40; it++) {
        // times 0.5 is the very double of divided by 2 (a power of two), without C1's division
        double mid = (lo + hi) * 0.5;
        if (!(mid > from && mid < to)) {
          segment.sum(mid);
          from = segment.from();
          to = segment.to();
          qa = segment.a();
          qb = segment.b();
          qc = segment.c();
        }
        double q = qa + mid * (qb + mid * qc);
        if (q - a > margin) {
          lo = mid;
          continue;
        }
        if (a - q > margin) {
          hi = mid;
          continue;
        }
        for (int k = 0; k < n; k++) zz[k] = x[k] + mid * d[k];
        if (judged(i, zz) >= a) lo = mid;
        else hi = mid;
      }
      for (int k = 0; k < n; k++) into[k] = x[k] + lo * d[k];
    }

    /** The first issue on which z breaks party p's red lines, or -1. */
    private int outsideRedLine(int p, double[] z) {
      for (int k = 0; k < in.issues; k++) {
        if (z[k] < in.redLineMin(p, k) - EDGE || z[k] > in.redLineMax(p, k) + EDGE) return k;
      }
      return -1;
    }

    private boolean isParty(int i) {
      return party[i];
    }

    @Override
    public double[][] positions() {
      return positions;
    }

    @Override
    public double aspiration(int party) {
      return aspiration[party];
    }

    @Override
    public double[] text() {
      return text;
    }

    @Override
    public Verdict verdict(int party) {
      return switch (verdictKind[party]) {
        case NO_TEXT -> Verdict.noText("the red lines leave no package every party could sign");
        case OUTSIDE -> {
          int k = outsideIssue[party];
          yield Verdict.refuses(
              String.format(
                  Locale.ROOT,
                  "%s at %.1f is outside its red line [%.1f, %.1f]",
                  issueIds.get(k),
                  text[k],
                  in.redLineMin(party, k),
                  in.redLineMax(party, k)));
        }
        case WEIGHED -> {
          String why =
              String.format(
                  Locale.ROOT,
                  "worth %.3f (perceived %.3f) against aspiration %.3f",
                  judged[party],
                  perceivedNow[party],
                  aspiration[party]);
          yield accepted[party] ? Verdict.accepts(why) : Verdict.refuses(why);
        }
        default -> Verdict.NONE;
      };
    }
  }
}
