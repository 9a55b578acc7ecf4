package org.negotiate.sim;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.negotiate.model.InputChange;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.RoundClose;
import org.negotiate.scenario.Role;
import sim.engine.Schedule;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication on MASON's schedule. Each round (one schedule step) runs, in this order: the
 * event agent, the mediators' draft, each party's response, each actor's concession, the recorder
 * (the phase constants below name that order). The agents only call the protocol's phases; the
 * negotiation mathematics lives in the protocol.
 */
public final class NegotiationModel extends SimState {
  private static final long serialVersionUID = 1L;

  public static final int EVENTS = 0;
  public static final int PROPOSE = 1;
  public static final int RESPOND = 2;
  public static final int CONCEDE = 3;
  public static final int RECORD = 4;

  private final NegotiationSetup setup;
  private final Inputs inputs;
  private final transient Protocol.Session session;
  private final transient NoiseStreams noise;
  private final transient RoundListener listener;
  private final float[][][] trajectory;
  private RoundClose close = RoundClose.CONTINUE;
  private int lastRound = -1;

  public NegotiationModel(
      NegotiationSetup setup, Protocol protocol, boolean recordTrajectory, RoundListener listener) {
    this(
        setup,
        protocol,
        recordTrajectory ? new float[setup.rounds()][setup.actors() + 1][setup.issues()] : null,
        listener);
  }

  /**
   * @param trajectory where to record positions, [rounds][actors + 1][issues] (every cell is
   *     written), or null not to record
   */
  public NegotiationModel(
      NegotiationSetup setup, Protocol protocol, float[][][] trajectory, RoundListener listener) {
    // MASON's own generator is never drawn from (every stream of a run is seeded through Streams;
    // see start()), so it is not seeded either: seeding a Mersenne Twister is 624 words of work a
    // replication. The GUI, which shows MASON's seed, sets its own (NegotiationGui).
    super(NoGenerator.INSTANCE);
    this.setup = setup;
    this.inputs = setup.initial().copy();
    this.listener = listener;
    // each actor's perception noise, its own stream (NoiseStreams)
    this.noise = new NoiseStreams(setup);
    this.session = protocol.open(setup, inputs, noise);
    this.trajectory = trajectory;
  }

  /**
   * One repeating entry on the schedule per round: a MASON {@link Sequence} of the agents in phase
   * order (events, the mediators' draft, each party's response, each actor's concession, the
   * recorder; within a phase, canonical actor order). Every phase reads only what the earlier
   * phases wrote and no agent's step depends on its neighbours' within a phase, so this is the same
   * run as one schedule entry per agent, with one heap operation a round instead of one per agent
   * (and no shuffling of agents that share an ordering).
   */
  @Override
  public void start() {
    // Not super.start(): it primes SimState.random with 1,249 draws (about 5% of a baseline
    // replication), and nothing reads that generator (every stream of a run is seeded through
    // Streams; a schedule of one Sequence a round never shuffles), nor registers an asynchronous
    // steppable for it to clean up. The schedule is reset as MASON's start resets it.
    schedule.reset();
    int n = setup.actors();
    List<Role> roles = setup.roles();
    int parties = 0;
    for (int i = 0; i < n; i++) if (roles.get(i) == Role.PARTY) parties++;
    Steppable[] round = new Steppable[2 + parties + n + 1];
    round[0] = new EventAgent();
    round[1] = new MediatorAgent();
    int respond = 2;
    int concede = 2 + parties;
    for (int i = 0; i < n; i++) {
      ActorAgent agent = new ActorAgent(i);
      if (roles.get(i) == Role.PARTY) round[respond++] = agent.respond;
      round[concede++] = agent.concede;
    }
    round[concede] = new Recorder();
    schedule.scheduleRepeating(Schedule.EPOCH, EVENTS, new Sequence(round), 1.0);
  }

  /**
   * Runs this replication to its end and returns the outcome. Never calls {@code doLoop}, which
   * exits the JVM.
   */
  public RunOutcome runToEnd() {
    // the run ends within this call, so its noise streams may be the thread's spares, given back
    // at the end (a model stepped by the GUI allocates its own)
    noise.borrow();
    try {
      start();
      while (!close.ending().over() && lastRound < setup.rounds() - 1) {
        if (!schedule.step(this)) break;
        if (listener != null && !close.ending().over() && listener.enough()) break;
      }
      finish();
    } finally {
      noise.close();
    }
    return outcome();
  }

  /**
   * The round being stepped, read from the schedule once per round (its clock is behind a lock).
   */
  private int now;

  private int round() {
    return now;
  }

  public RunOutcome outcome() {
    double[] utilities = new double[setup.actors()];
    double[] judgedText = close.terms() != null ? close.terms() : session.text();
    for (int i = 0; i < utilities.length; i++) {
      utilities[i] =
          judgedText == null
              ? Double.NaN
              : org.negotiate.protocol.Utility.own(inputs, i, judgedText);
    }
    if (trajectory != null) {
      for (int t = lastRound + 1; t < trajectory.length; t++) {
        for (int a = 0; a < trajectory[t].length; a++) {
          float[] last = trajectory[Math.max(0, lastRound)][a];
          System.arraycopy(last, 0, trajectory[t][a], 0, last.length);
        }
      }
    }
    return new RunOutcome(
        setup.seed(),
        close.ending(),
        lastRound,
        close.terms(),
        utilities,
        close.blocker(),
        close.reason(),
        trajectory);
  }

  public NegotiationSetup setup() {
    return setup;
  }

  public Inputs inputs() {
    return inputs;
  }

  public Protocol.Session session() {
    return session;
  }

  /**
   * MASON's {@code SimState.random} for a replication: nothing in a run draws from it, so it holds
   * no state, and any draw (or reseeding) throws rather than give numbers no stream names. Shared:
   * it has nothing to share.
   */
  static final class NoGenerator extends MersenneTwisterFast {
    private static final long serialVersionUID = 1L;
    static final NoGenerator INSTANCE = new NoGenerator();

    /** False while MersenneTwisterFast's constructor calls setSeed, which is then ignored. */
    private final boolean made;

    private NoGenerator() {
      super(0L);
      made = true;
    }

    private static UnsupportedOperationException unused() {
      return new UnsupportedOperationException(
          "a replication's MASON generator is never drawn from: draw from a named stream (Streams)");
    }

    @Override
    public void setSeed(long seed) {
      if (made) throw unused();
    }

    @Override
    public void setSeed(int[] array) {
      throw unused();
    }

    @Override
    public Object clone() {
      throw unused();
    }

    @Override
    public boolean stateEquals(MersenneTwisterFast other) {
      throw unused();
    }

    @Override
    public void readState(java.io.DataInputStream stream) {
      throw unused();
    }

    @Override
    public void writeState(java.io.DataOutputStream stream) {
      throw unused();
    }

    @Override
    public int nextInt() {
      throw unused();
    }

    @Override
    public int nextInt(int n) {
      throw unused();
    }

    @Override
    public short nextShort() {
      throw unused();
    }

    @Override
    public char nextChar() {
      throw unused();
    }

    @Override
    public boolean nextBoolean() {
      throw unused();
    }

    @Override
    public boolean nextBoolean(float probability) {
      throw unused();
    }

    @Override
    public boolean nextBoolean(double probability) {
      throw unused();
    }

    @Override
    public byte nextByte() {
      throw unused();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      throw unused();
    }

    @Override
    public long nextLong() {
      throw unused();
    }

    @Override
    public long nextLong(long n) {
      throw unused();
    }

    @Override
    public double nextDouble() {
      throw unused();
    }

    @Override
    public double nextDouble(boolean includeZero, boolean includeOne) {
      throw unused();
    }

    @Override
    public void clearGaussian() {
      throw unused();
    }

    @Override
    public double nextGaussian() {
      throw unused();
    }

    @Override
    public float nextFloat() {
      throw unused();
    }

    @Override
    public float nextFloat(boolean includeZero, boolean includeOne) {
      throw unused();
    }
  }

  /** Applies the events due this round. */
  private final class EventAgent implements Steppable {
    private static final long serialVersionUID = 1L;
    private int next;

    @Override
    public void step(SimState state) {
      now = (int) schedule.getTime();
      List<ScheduledEvent> due = List.of();
      List<ScheduledEvent> events = setup.events();
      while (next < events.size() && events.get(next).round() <= round()) {
        ScheduledEvent e = events.get(next++);
        List<InputChange> changes = e.changes();
        // indexed, in the list's order: no iterator or bound lambda per event a replication
        for (int c = 0; c < changes.size(); c++) inputs.apply(changes.get(c));
        if (due.isEmpty()) due = new ArrayList<>();
        due.add(e);
      }
      if (!due.isEmpty()) session.inputsChanged();
      firedThisRound = due;
    }
  }

  private List<ScheduledEvent> firedThisRound = List.of();

  /** The mediators' table: drafts the single text with every mediator's lean. */
  private final class MediatorAgent implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState state) {
      session.propose(round());
    }
  }

  /** One actor: a party responds to the text; every actor reports its position. */
  private final class ActorAgent {
    final Steppable respond;
    final Steppable concede;

    ActorAgent(int i) {
      respond = s -> session.respond(i, round());
      concede = s -> session.concede(i, round());
    }
  }

  /** Closes the round: agreement, breakdown or the round limit, and records positions. */
  private final class Recorder implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState state) {
      int t = round();
      close = session.close(t);
      lastRound = t;
      if (trajectory != null) {
        double[][] pos = session.positions();
        for (int a = 0; a < pos.length; a++) {
          // Once a deal is signed every party stands on its terms.
          double[] p =
              close.terms() != null && setup.roles().get(a) == Role.PARTY ? close.terms() : pos[a];
          for (int k = 0; k < p.length; k++) trajectory[t][a][k] = (float) p[k];
        }
        double[] text = close.terms() != null ? close.terms() : session.text();
        float[] row = trajectory[t][setup.actors()];
        if (text == null) Arrays.fill(row, Float.NaN);
        else for (int k = 0; k < text.length; k++) row[k] = (float) text[k];
      }
      if (listener != null) listener.roundClosed(t, firedThisRound, session, close);
    }
  }
}
