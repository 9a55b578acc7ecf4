package org.negotiate.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.SwingUtilities;
import org.negotiate.experiment.MonteCarlo;
import org.negotiate.model.Inputs;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.ScheduledEvent;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.protocol.Protocol;
import org.negotiate.protocol.Protocols;
import org.negotiate.protocol.RoundClose;
import org.negotiate.protocol.Utility;
import org.negotiate.protocol.Verdict;
import org.negotiate.scenario.Actor;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.ProtocolParameters;
import org.negotiate.scenario.Quantity;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.Stance;
import org.negotiate.sim.NegotiationModel;
import org.negotiate.sim.RoundListener;
import sim.display.Controller;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;
import sim.portrayal.inspector.TabbedInspector;
import sim.util.Interval;

/**
 * MASON's GUI around one replication of a scenario. The Console plays, pauses and steps it (one
 * step = one round = one month) and holds its seed: a start runs replication I of the Console's
 * seed S, exactly as {@code negotiate run --seed S --replication I} does, with the inputs edited so
 * far applied from the first round. The model inspector (the Console's Model tab) has a tab per
 * actor whose properties are that actor's capability, reservation and every stance field, named by
 * their {@code --set} paths, each with a slider over its valid range; an edit changes the running
 * replication's inputs from the next round on and is remembered for the what-if. A last tab holds
 * the protocol's parameters ({@code protocol.noise}) from their specs; a protocol reads them when a
 * run starts, so an edit there applies from the next run.
 */
public final class NegotiationGui extends GUIState {
  final GuiConfig config;
  final ScenarioView view;
  final WhatIf whatIf;
  private final List<InputProperties> properties = new ArrayList<>();
  private volatile long baseSeed;
  private volatile int lastRound = -1;
  private volatile boolean over;
  private volatile RoundRecord lastRecord;
  LiveCharts charts;
  WhatIfFrame controls;
  TabbedInspector inspector;

  public NegotiationGui(GuiConfig config) {
    super(build(config, config.scenario(), config.seed(), null));
    this.config = config;
    this.view = ScenarioView.of(config.scenario());
    this.whatIf = new WhatIf(config);
    this.baseSeed = config.seed();
    state.setSeed(config.seed()); // the Console shows (and reseeds with) the base seed
    buildProperties();
  }

  public static String getName() {
    return "negotiate";
  }

  public static Object getInfo() {
    return "<html><body style='font-family:sans-serif'>"
        + "<h2>negotiate: agent-based negotiation simulator</h2>"
        + "<p>One replication of the scenario on MASON's schedule: each step is one round (one month): events, "
        + "the mediators' draft, each party's verdict, concessions.</p>"
        + "<ul><li><b>Console</b>: play, pause, step; the seed S runs replication I of S, exactly as "
        + "<code>negotiate run --seed S --replication I</code>.</li>"
        + "<li><b>Model</b>: every actor's capability, reservation and stances (position, salience, red lines, "
        + "flexibility), named by their <code>--set</code> paths. Change them between rounds (slider or type and "
        + "press Enter): the run goes on with the new values; a new run starts with them. The <b>Protocol</b> tab holds the "
        + "protocol's parameters (<code>protocol.noise</code>, ...): an edit there applies from the next run.</li>"
        + "<li><b>Displays</b>: positions by round, utility of the text against aspiration with accept/refuse "
        + "marks, the what-if window (Monte Carlo with the current settings, save the what-if as a delta "
        + "scenario).</li></ul></body></html>";
  }

  /**
   * The replication of {@code scenario} (the config's, with any protocol edits) a start with base
   * seed {@code seed} runs.
   */
  static NegotiationModel build(GuiConfig c, Scenario scenario, long seed, RoundListener listener) {
    NegotiationSetup setup;
    if (c.nominal()) {
      NegotiationSetup n = SetupSampler.nominal(scenario, c.rounds(), c.exactRounds());
      // nominal inputs; the perception noise still follows the seed
      setup =
          new NegotiationSetup(
              n.actorIds(),
              n.actorNames(),
              n.roles(),
              n.issueIds(),
              n.initial(),
              n.events(),
              n.rounds(),
              n.exactRounds(),
              n.protocol(),
              n.params(),
              n.tolerance(),
              Streams.replicationSeed(seed, c.replication()));
    } else {
      setup = MonteCarlo.setupOf(scenario, c.rounds(), c.exactRounds(), seed, c.replication());
    }
    return new NegotiationModel(setup, c.protocol(), true, listener);
  }

  /** The running (or next) replication. */
  public NegotiationModel model() {
    return (NegotiationModel) state;
  }

  /** The base seed of the current run. */
  public long baseSeed() {
    return baseSeed;
  }

  /** The last round played in the current run, -1 before the first. */
  public int lastRound() {
    return lastRound;
  }

  RoundRecord lastRecord() {
    return lastRecord;
  }

  Protocol protocol() {
    return config.protocol();
  }

  // ---------------------------------------------------------------------------------------------
  // The model inspector

  private void buildProperties() {
    Scenario s = config.scenario();
    double capMax =
        niceCeil(
            1.5 * s.actors().stream().mapToDouble(a -> a.capability().max()).max().orElse(100));
    double flexMax = 1;
    for (Actor a : s.actors()) {
      flexMax = Math.max(flexMax, a.flexibility().max());
      for (Stance st : a.stances().values())
        if (st.flexibility() != null) flexMax = Math.max(flexMax, st.flexibility().max());
    }
    flexMax = Math.min(10, Math.max(3, niceCeil(1.5 * flexMax)));
    for (Actor a : s.actors()) {
      List<InputProperties.Entry> entries = new ArrayList<>();
      // Every --set path of the actor, by the same path, in the table's order.
      for (Fields.Field f : Fields.actor()) entries.add(entry(f, a, null, capMax, flexMax));
      for (String issue : view.issueIds()) {
        if (!a.stances().containsKey(issue)) continue;
        for (Fields.Field f : Fields.STANCE) entries.add(entry(f, a, issue, capMax, flexMax));
      }
      for (Fields.Field f : Fields.RELATION) {
        for (Actor other : s.actors())
          if (!other.id().equals(a.id())) entries.add(entry(f, a, other.id(), capMax, flexMax));
      }
      properties.add(
          new InputProperties(
              a.name() + " (" + a.role().yamlName() + ")",
              entries,
              new InputProperties.Target() {
                @Override
                public double value(InputProperties.Entry e) {
                  return NegotiationGui.this.value(e.field(), e.actor(), e.key());
                }

                @Override
                public double edit(InputProperties.Entry e, double value) {
                  return NegotiationGui.this.edit(e.field(), e.actor(), e.key(), value);
                }
              }));
    }
    String protocol = s.protocol().name();
    List<InputProperties.Entry> params = new ArrayList<>();
    for (ProtocolParameters.Param p : Protocols.descriptor(protocol).parameters())
      params.add(protocolEntry(p));
    if (!params.isEmpty()) {
      properties.add(
          new InputProperties(
              "Protocol (" + protocol + ")",
              params,
              new InputProperties.Target() {
                @Override
                public double value(InputProperties.Entry e) {
                  return protocolValue(e.param());
                }

                @Override
                public double edit(InputProperties.Entry e, double value) {
                  return editProtocol(e.param(), value);
                }
              }));
    }
  }

  /**
   * A protocol parameter's row: a slider over its range from the spec; an integer count whose range
   * is far wider than the run (a {@code breakdown_after} up to 2^31) slides up to the run's rounds,
   * since any count past them acts the same in this run, and a typed value may still go beyond.
   */
  private InputProperties.Entry protocolEntry(ProtocolParameters.Param p) {
    Range r = p.range();
    Interval domain;
    if (r.integer()) {
      long hi = r.hi() > 1200 ? Math.max(config.rounds(), (long) p.defaultValue()) : (long) r.hi();
      domain = new Interval((long) r.lo(), hi);
    } else {
      domain = new Interval(r.lo(), r.hi());
    }
    Quantity given = config.scenario().protocol().params().get(p.name());
    String inScenario =
        given == null ? "not given: the default, " + p.defaultText() : given.describe();
    String tip =
        "<html><b>protocol."
            + p.name()
            + "</b> (protocol "
            + config.scenario().protocol().name()
            + ")<br>"
            + p.description()
            + "<br>"
            + r.expected()
            + ", default "
            + p.defaultText()
            + "<br>in the scenario: "
            + inScenario
            + "<br>an edit applies from the next run (the protocol reads its parameters when a run starts)</html>";
    return InputProperties.Entry.protocol(p, domain, tip);
  }

  /** The value of a protocol parameter the next run uses: the edit, else the current run's. */
  double protocolValue(ProtocolParameters.Param p) {
    Double edited = whatIf.protocolValue(p.name());
    if (edited != null) return edited;
    return model().setup().params().getOrDefault(p.name(), p.defaultValue());
  }

  /**
   * Sets a protocol parameter for the next run and remembers it: a value outside the range is
   * clamped to it (an integer rounded), as the actors' rows clamp; one that still is not valid (an
   * open end) leaves the parameter as it was.
   *
   * @return the value the next run uses
   */
  public double editProtocol(ProtocolParameters.Param p, double value) {
    if (Double.isNaN(value)) throw new IllegalArgumentException("not a number");
    Range r = p.range();
    double v = Math.max(r.lo(), Math.min(r.hi(), Math.round(value * 1e6) / 1e6));
    if (r.integer()) v = Math.rint(v);
    if (!p.admits(v)) return protocolValue(p);
    WhatIf.ProtocolEdit e = new WhatIf.ProtocolEdit(p, v, lastRound);
    whatIf.record(e);
    onSwing(
        () -> {
          if (controls != null) controls.refresh();
        });
    return v;
  }

  /**
   * The slider's range for a field: its clamp, except capability (up to 1.5 times the largest in
   * the scenario) and flexibility (from 0.05, up to 1.5 times the largest, at least 3), where the
   * clamp is far wider than any useful value; an open end at 1 shows as 0.99.
   */
  static Interval domain(Fields.Field f, double capMax, double flexMax) {
    if (f == Fields.CAPABILITY) return new Interval(0.0, capMax);
    if (f == Fields.FLEXIBILITY || f == Fields.STANCE_FLEXIBILITY)
      return new Interval(0.05, flexMax);
    double hi = f.clampHi() == 0.999 ? 0.99 : f.clampHi();
    return new Interval(f.clampLo(), hi);
  }

  private InputProperties.Entry entry(
      Fields.Field f, Actor a, String key, double capMax, double flexMax) {
    String where =
        switch (f.level()) {
          case ACTOR -> a.name();
          case STANCE -> a.name() + ", " + view.issueLabels().get(view.issueIds().indexOf(key));
          case RELATION ->
              a.name() + " towards " + config.scenario().actor(key).map(Actor::name).orElse(key);
        };
    Quantity inScenario = f.get(a, key);
    String scenarioValue = inScenario == null ? "none" : inScenario.describe();
    if (inScenario == null && f == Fields.STANCE_FLEXIBILITY)
      scenarioValue += " (the actor's: " + a.flexibility().describe() + ")";
    if (inScenario == null && f == Fields.STANCE_COST_OF_DELAY)
      scenarioValue += " (the actor's: " + a.costOfDelay().describe() + ")";
    String tip =
        "<html><b>"
            + f.path(a.id(), key)
            + "</b> ("
            + where
            + ")<br>"
            + f.meaning()
            + "<br>in the scenario: "
            + scenarioValue
            + "</html>";
    return new InputProperties.Entry(f, a.id(), key, domain(f, capMax, flexMax), tip);
  }

  List<InputProperties> properties() {
    return properties;
  }

  @Override
  public int getMaximumPropertiesForInspector() {
    return 1000;
  }

  @Override
  public Inspector getInspector() {
    withoutMasonCharts();
    TabbedInspector t = new TabbedInspector();
    for (InputProperties p : properties) {
      SimpleInspector si = new SimpleInspector(p, this, null, getMaximumPropertiesForInspector());
      t.addInspector(si, p.getObject().toString().replaceFirst(" \\(.*", ""));
    }
    t.setVolatile(true); // events change inputs: refresh after every step
    inspector = t;
    return new HintedInspector(
        t,
        "<html><body style='width:330px'>Inputs of the running replication, named by their <code>--set</code> paths "
            + "(hover for the meaning). Drag a slider, or type a value and press Enter: the run uses it from the next "
            + "round; a new run starts with it.</html>");
  }

  /**
   * Takes MASON's own charting inspectors out of the properties' pop-up menus: they need the old
   * JFreeChart 1.0 that the project does not ship (docs/stack.md §3). The streaming inspector
   * stays.
   */
  static void withoutMasonCharts() {
    sim.util.Bag names = sim.portrayal.inspector.PropertyInspector.getPropertyInspectorClassNames();
    for (int i = names.numObjs - 1; i >= 0; i--) {
      if (String.valueOf(names.objs[i]).contains("ChartingPropertyInspector")) names.remove(i);
    }
  }

  /** The per-actor tabs under a line saying how to use them. */
  private static final class HintedInspector extends Inspector {
    private static final long serialVersionUID = 1L;
    private final Inspector inner;

    HintedInspector(Inspector inner, String hint) {
      this.inner = inner;
      setLayout(new java.awt.BorderLayout());
      javax.swing.JLabel label = new javax.swing.JLabel(hint);
      label.setFont(label.getFont().deriveFont(java.awt.Font.PLAIN, 11f));
      label.setBorder(javax.swing.BorderFactory.createEmptyBorder(3, 5, 4, 5));
      add(label, java.awt.BorderLayout.NORTH);
      add(inner, java.awt.BorderLayout.CENTER);
      setVolatile(inner.isVolatile());
    }

    @Override
    public void setVolatile(boolean v) {
      super.setVolatile(v);
      if (inner != null) inner.setVolatile(v);
    }

    @Override
    public void updateInspector() {
      inner.updateInspector();
    }
  }

  /**
   * The live value of an input of the current replication; {@code key} is the issue or other actor.
   */
  double value(Fields.Field f, String actor, String key) {
    NegotiationModel m = model();
    return InputEditor.get(m.inputs(), f, m.setup().indexOf(actor), at(m.setup(), f, key));
  }

  /** The index InputEditor takes for a field's key: the issue's, the other actor's, or 0. */
  static int at(NegotiationSetup setup, Fields.Field f, String key) {
    return switch (f.level()) {
      case STANCE -> setup.issueIds().indexOf(key);
      case RELATION -> setup.indexOf(key);
      case ACTOR -> 0;
    };
  }

  /**
   * Sets an input of the current replication (clamped to what is valid; a salience rescales the
   * actor's others), tells the protocol its inputs changed, and remembers the change. The inspector
   * calls this holding the schedule's lock, so a change falls between two rounds.
   *
   * @return the value the input now has
   */
  public double edit(Fields.Field f, String actor, String key, double value) {
    WhatIf.Edit e;
    synchronized (state.schedule) {
      NegotiationModel m = model();
      int i = m.setup().indexOf(actor);
      int k = at(m.setup(), f, key);
      if (i < 0 || k < 0 || k == i && f.level() == Fields.Level.RELATION) {
        throw new IllegalArgumentException("no input " + f.path(actor, key));
      }
      double rounded = Math.round(value * 1e6) / 1e6;
      double applied = InputEditor.set(m.inputs(), f, i, k, rounded);
      m.session().inputsChanged();
      e = new WhatIf.Edit(f, actor, key, applied, lastRound);
      whatIf.record(e);
    }
    onSwing(
        () -> {
          if (charts != null) charts.markEdit(e.round(), e.set());
          if (controls != null) controls.refresh();
        });
    return e.value();
  }

  // ---------------------------------------------------------------------------------------------
  // Life cycle

  @Override
  public void init(Controller c) {
    super.init(c);
    charts = new LiveCharts(view, config.rounds());
    controls = new WhatIfFrame(this);
    for (javax.swing.JFrame f :
        List.of(charts.positionsFrame, charts.utilityFrame, controls.frame)) {
      c.registerFrame(f);
      f.setVisible(true);
    }
  }

  @Override
  public void start() {
    baseSeed = state.seed(); // the Console has just set it
    Listener listener = new Listener();
    Scenario scenario;
    try {
      scenario = whatIf.runScenario();
    } catch (org.negotiate.scenario.ScenarioException e) {
      // every protocol edit was checked against its range when made
      throw new IllegalStateException("the protocol edits do not apply: " + e.getMessage(), e);
    }
    NegotiationModel m = build(config, scenario, baseSeed, listener);
    listener.model = m;
    whatIf.applyTo(m.inputs(), m.setup());
    m.session().inputsChanged();
    lastRound = -1;
    over = false;
    lastRecord = null;
    state = m;
    super.start();
    scheduleRepeatingImmediatelyAfter(new EndOfRun());
    String runLine = runLine(m);
    List<WhatIf.Change> edits = whatIf.changes();
    onSwing(
        () -> {
          if (charts != null) {
            charts.reset(runLine, m.setup().rounds());
            for (WhatIf.Change e : edits) charts.markEdit(-1, e.set());
          }
          if (controls != null) controls.refresh();
        });
  }

  @Override
  public void quit() {
    super.quit();
    if (charts != null) {
      charts.positionsFrame.dispose();
      charts.utilityFrame.dispose();
    }
    if (controls != null) controls.dispose();
  }

  String runLine(NegotiationModel m) {
    String what =
        config.nominal()
            ? String.format(
                Locale.ROOT,
                "Nominal inputs (noise of replication %d of seed %d)",
                config.replication(),
                baseSeed)
            : String.format(
                Locale.ROOT, "Replication %d of seed %d", config.replication(), baseSeed);
    int n = whatIf.changes().size();
    return String.format(
        Locale.ROOT,
        "%s · protocol %s · %d rounds from %s%s",
        what,
        m.setup().protocol(),
        m.setup().rounds(),
        view.calendar().start(),
        n == 0 ? "" : " · " + n + (n == 1 ? " edit" : " edits"));
  }

  /** Stops the Console's play once the run is over (a deal, a breakdown or the round limit). */
  private final class EndOfRun implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState s) {
      if (over) s.kill();
    }
  }

  /** Captures each round for the charts, on the thread that steps the model. */
  private final class Listener implements RoundListener {
    NegotiationModel model;

    @Override
    public void roundClosed(
        int round, List<ScheduledEvent> fired, Protocol.Session session, RoundClose close) {
      RoundRecord r = record(model, view, round, fired, session, close);
      lastRound = round;
      lastRecord = r;
      over = close.ending().over() || round >= model.setup().rounds() - 1;
      onSwing(
          () -> {
            if (charts != null) charts.add(r);
            if (controls != null) controls.refresh();
          });
    }
  }

  static RoundRecord record(
      NegotiationModel m,
      ScenarioView view,
      int round,
      List<ScheduledEvent> fired,
      Protocol.Session session,
      RoundClose close) {
    NegotiationSetup setup = m.setup();
    Inputs in = m.inputs();
    int n = view.actors();
    double[] text =
        close.terms() != null
            ? close.terms().clone()
            : session.text() == null ? null : session.text().clone();
    double[][] positions = new double[n][];
    double[] utility = new double[n];
    double[] aspiration = new double[n];
    Boolean[] accepted = new Boolean[n];
    Verdict[] verdicts = new Verdict[n];
    double[][] pos = session.positions();
    for (int a = 0; a < n; a++) {
      int c = setup.indexOf(view.actorIds().get(a));
      boolean party = setup.roles().get(c) == Role.PARTY;
      positions[a] = (close.terms() != null && party ? close.terms() : pos[c]).clone();
      utility[a] = party && text != null ? Utility.judged(in, c, text) : Double.NaN;
      // NaN from a protocol without an aspiration
      aspiration[a] = party ? session.aspiration(c) : Double.NaN;
      verdicts[a] = party ? session.verdict(c) : Verdict.NONE;
      accepted[a] =
          !party
              ? null
              : close.ending() == RoundClose.Ending.AGREED ? Boolean.TRUE : verdicts[a].accepted();
    }
    List<String> events = fired.stream().map(ScheduledEvent::id).toList();
    String blocker = close.blocker() >= 0 ? setup.actorIds().get(close.blocker()) : null;
    return new RoundRecord(
        round,
        view.calendar().month(round),
        positions,
        text,
        utility,
        aspiration,
        accepted,
        verdicts,
        events,
        close.ending(),
        blocker);
  }

  static void onSwing(Runnable r) {
    if (SwingUtilities.isEventDispatchThread()) r.run();
    else SwingUtilities.invokeLater(r);
  }

  /** The smallest 1, 2 or 5 times a power of ten that is at least {@code v}. */
  static double niceCeil(double v) {
    if (!(v > 0)) return 1;
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v - 1e-12) return m * p;
    return 10 * p;
  }
}
