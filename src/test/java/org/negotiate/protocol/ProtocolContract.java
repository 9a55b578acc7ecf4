package org.negotiate.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.negotiate.model.NegotiationSetup;
import org.negotiate.model.SetupSampler;
import org.negotiate.model.Streams;
import org.negotiate.scenario.ProtocolParameters;
import org.negotiate.scenario.ProtocolParameters.Param;
import org.negotiate.scenario.Range;
import org.negotiate.scenario.Role;
import org.negotiate.scenario.Scenario;
import org.negotiate.scenario.ScenarioException;
import org.negotiate.scenario.ScenarioLoader;
import org.negotiate.scenario.tables.ActorTable;
import org.negotiate.scenario.tables.TableScenarios;
import org.negotiate.sim.Replication;
import org.negotiate.sim.RunOutcome;

/**
 * What every registered protocol promises, whatever it does: a subclass names the protocol (and may
 * give the scenario it runs on) and inherits the checks. Its parameters' defaults and the values
 * anywhere in their ranges are accepted and run; values outside are refused with the spec's range;
 * the same seed gives the same run; the order the actors are listed in does not matter (unless the
 * protocol declares {@link Capability#ORDER_DEPENDENT}); a run ends within its rounds; its verdicts
 * agree with its capabilities.
 */
public abstract class ProtocolContract {

  /** The registered name of the protocol under test. */
  protected abstract String name();

  protected final Protocol protocol() {
    return Protocols.byName(name())
        .orElseThrow(() -> new AssertionError(name() + " is not registered"));
  }

  /**
   * A scenario the protocol runs on: by default a table of six actors on two issues (all parties).
   */
  protected Scenario scenario() throws ScenarioException {
    return table(new SplittableRandom(20221205L), 6, 2, false);
  }

  // ------------------------------------------------------------------ the descriptor

  @Test
  void isRegisteredOnceWithADescriptorTheScenarioLayerReads() {
    Protocol p = protocol();
    ProtocolDescriptor d = p.descriptor();
    assertEquals(name(), d.name());
    assertTrue(d.name().matches("[a-z][a-z0-9_]*"), d.name());
    assertFalse(d.title().isBlank());
    assertEquals(1, Protocols.all().stream().filter(q -> q.name().equals(name())).count());
    assertSame(
        p,
        Protocols.byName(name()).orElseThrow(),
        "one instance serves every run: a protocol holds no state");
    assertEquals(
        d.parameters().stream().map(Param::name).toList(),
        List.copyOf(ProtocolParameters.PARAMS.get(name()).keySet()),
        "the scenario layer reads the descriptor's specs");
    for (Param q : d.parameters()) {
      assertTrue(q.name().matches("[a-z][a-z0-9_]*"), q.name());
      assertFalse(q.description().isBlank(), q.name());
      assertTrue(
          q.range().contains(q.defaultValue()),
          q.name() + " default " + q.defaultValue() + " outside " + q.range());
      assertTrue(
          q.help().contains(q.range().expected()) && q.help().contains("default "), q.help());
    }
  }

  @Test
  void aSetupWithoutParametersReadsEveryDefault() throws Exception {
    NegotiationSetup setup = SetupSampler.nominal(scenario(), 12);
    ProtocolDescriptor.Values v =
        protocol()
            .descriptor()
            .read(
                new NegotiationSetup(
                    setup.actorIds(),
                    setup.actorNames(),
                    setup.roles(),
                    setup.issueIds(),
                    setup.initial(),
                    setup.events(),
                    setup.rounds(),
                    setup.exactRounds(),
                    setup.protocol(),
                    Map.of(),
                    setup.tolerance(),
                    setup.seed()));
    for (Param q : protocol().descriptor().parameters())
      assertEquals(q.defaultValue(), v.get(q.name()), q.name());
  }

  // ------------------------------------------------------------------ parameters in and out of
  // range

  @Test
  void everyParameterAnywhereInItsRangeIsAcceptedAndRuns() throws Exception {
    Scenario base = scenario();
    List<Param> params = protocol().descriptor().parameters();
    qt().withFixedSeed(20221206L)
        .withExamples(12)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              List<String> sets = new ArrayList<>();
              for (Param q : params) sets.add("protocol." + q.name() + "=" + inRange(q, r));
              try {
                Scenario s = ScenarioLoader.override(base, sets);
                NegotiationSetup setup = SetupSampler.draw(s, 12, Streams.replicationSeed(seed, 0));
                ProtocolDescriptor.Values v = protocol().descriptor().read(setup);
                for (Param q : params) assertTrue(q.range().contains(v.get(q.name())), q.name());
                endsWithin(setup, 12);
              } catch (ScenarioException e) {
                throw new AssertionError(sets + ": " + e.getMessage(), e);
              }
            });
  }

  @Test
  void aParameterOutsideItsRangeIsRefusedWithTheSpecsRange() throws Exception {
    Scenario base = scenario();
    for (Param q : protocol().descriptor().parameters()) {
      double bad = q.range().hi() >= Integer.MAX_VALUE ? q.range().lo() - 1 : q.range().hi() + 1;
      ScenarioException e =
          assertThrows(
              ScenarioException.class,
              () ->
                  ScenarioLoader.override(
                      base, List.of("protocol." + q.name() + "=" + plain(bad))));
      assertTrue(e.getMessage().contains("protocol." + q.name()), e.getMessage());
      assertTrue(
          e.getMessage().contains(q.range().toString()),
          "the message names the spec's range " + q.range() + ": " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ determinism, order, the end
  // of a run

  @Test
  void theSameSeedGivesTheSameRun() throws Exception {
    Scenario s = scenario();
    for (long seed : new long[] {1, 7, 20221206L}) {
      NegotiationSetup setup = SetupSampler.draw(s, 24, Streams.replicationSeed(seed, 0));
      RunOutcome a = Replication.run(setup, protocol(), true);
      RunOutcome b =
          Replication.run(
              SetupSampler.draw(s, 24, Streams.replicationSeed(seed, 0)), protocol(), true);
      assertEquals(a.ending(), b.ending());
      assertEquals(a.round(), b.round());
      assertEquals(a.blocker(), b.blocker());
      assertArrayEquals(a.terms(), b.terms());
      assertArrayEquals(a.utilities(), b.utilities());
      for (int t = 0; t <= a.round(); t++) {
        for (int i = 0; i < a.trajectory()[t].length; i++)
          assertArrayEquals(a.trajectory()[t][i], b.trajectory()[t][i]);
      }
    }
  }

  /**
   * The same actors listed under names that sort the other way round: the canonical order reverses,
   * the run must not change (up to the last bits of floating sums taken in another order).
   */
  @Test
  void theOrderOfTheActorsDoesNotMatter() {
    assumeFalse(
        protocol().descriptor().has(Capability.ORDER_DEPENDENT),
        name() + " replicates a table model whose published numbers depend on the row order");
    qt().withFixedSeed(20221207L)
        .withExamples(15)
        .forAll(longs().all(), integers().between(2, 6), integers().between(1, 3))
        .checkAssert(
            (seed, actors, issues) -> {
              try {
                Scenario ab = table(new SplittableRandom(seed), actors, issues, false);
                Scenario ba = table(new SplittableRandom(seed), actors, issues, true);
                NegotiationSetup x = SetupSampler.nominal(ab, 20);
                NegotiationSetup y = SetupSampler.nominal(ba, 20);
                RunOutcome a = Replication.run(x, protocol(), true);
                RunOutcome b = Replication.run(y, protocol(), true);
                assertEquals(a.ending(), b.ending());
                assertEquals(a.round(), b.round());
                if (a.terms() != null) {
                  for (int k = 0; k < issues; k++) assertEquals(a.terms()[k], b.terms()[k], 1e-6);
                }
                for (int i = 0; i < actors; i++) {
                  int j = actors - 1 - i; // the same row, now at the other end
                  for (int k = 0; k < issues; k++) {
                    assertEquals(
                        a.trajectory()[a.round()][i][k],
                        b.trajectory()[b.round()][j][k],
                        1e-4,
                        "actor row " + i);
                  }
                }
                if (a.blocker() >= 0) assertEquals(actors - 1 - a.blocker(), b.blocker());
              } catch (ScenarioException e) {
                throw new AssertionError(e.getMessage(), e);
              }
            });
  }

  @Test
  void aRunEndsWithinItsRounds() throws Exception {
    Scenario s = scenario();
    for (int rounds : new int[] {1, 2, 5, 30}) {
      for (boolean exact : new boolean[] {false, true}) {
        NegotiationSetup setup =
            SetupSampler.draw(s, rounds, exact, Streams.replicationSeed(3, rounds));
        RunOutcome o = endsWithin(setup, rounds);
        if (exact && !o.agreed())
          assertEquals(rounds - 1, o.round(), "exact rounds: the run lasts all " + rounds);
      }
    }
  }

  /** Verdicts are typed and agree with what the protocol says it can do. */
  @Test
  void verdictsAgreeWithTheCapabilities() throws Exception {
    NegotiationSetup setup = SetupSampler.draw(scenario(), 24, Streams.replicationSeed(5, 0));
    ProtocolDescriptor d = protocol().descriptor();
    int[] parties = setup.indicesOf(Role.PARTY);
    Replication.run(
        setup,
        protocol(),
        (round, fired, session, close) -> {
          if (!d.has(Capability.DRAFTS_TEXT))
            assertNull(session.text(), "a text from a protocol that drafts none");
          for (int p : parties) {
            Verdict v = session.verdict(p);
            if (d.has(Capability.ACCEPT_STEP)) {
              assertEquals(
                  session.accepted(p),
                  v.kind() == Verdict.Kind.ACCEPTS,
                  "accepted() and the verdict agree");
            } else {
              assertFalse(
                  v.kind() == Verdict.Kind.ACCEPTS || v.kind() == Verdict.Kind.REFUSES,
                  "no accept step: " + v);
              assertFalse(session.accepted(p));
            }
            assertEquals(v.words().isEmpty(), v.isEmpty());
          }
        });
  }

  // ------------------------------------------------------------------ helpers

  private RunOutcome endsWithin(NegotiationSetup setup, int rounds) {
    RunOutcome o = Replication.run(setup, protocol(), false);
    assertTrue(o.ending().over(), "the run ended: " + o.ending());
    assertTrue(
        o.round() >= 0 && o.round() <= rounds - 1, "ended in round " + o.round() + " of " + rounds);
    return o;
  }

  /** A value anywhere in a parameter's range, the ends included now and then. */
  private static String inRange(Param q, SplittableRandom r) {
    Range range = q.range();
    double lo = range.loOpen() ? Math.nextUp(range.lo()) : range.lo();
    double hi =
        Math.min(
            range.hiOpen() ? Math.nextDown(range.hi()) : range.hi(),
            range.integer() ? lo + 40 : Double.MAX_VALUE);
    int pick = r.nextInt(5);
    double v = pick == 0 ? lo : pick == 1 ? hi : r.nextDouble(lo, Math.nextUp(hi));
    if (range.integer()) v = Math.min(hi, Math.floor(v));
    return plain(v);
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : java.math.BigDecimal.valueOf(v).toPlainString();
  }

  /**
   * A random actor table as a scenario of this protocol. {@code reversed}: the same actors (names
   * and values) with the rows in the other order.
   */
  protected final Scenario table(SplittableRandom r, int actors, int issues, boolean reversed)
      throws ScenarioException {
    List<String> dims = new ArrayList<>();
    for (int k = 0; k < issues; k++) dims.add("issue " + (k + 1));
    List<ActorTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < actors; i++) {
      double[] x = new double[issues];
      double[] sal = new double[issues];
      for (int k = 0; k < issues; k++) {
        x[k] = Math.round(r.nextDouble(0, 100) * 100) / 100.0;
        sal[k] = Math.round(r.nextDouble(0.1, 1) * 100) / 100.0;
      }
      String label = String.format(Locale.ROOT, "actor %c", (char) ('a' + i));
      rows.add(
          new ActorTable.Row(
              i + 2, label, "", Math.round(r.nextDouble(1, 100) * 100) / 100.0, x, sal));
    }
    // the same actors, the rows in the other order (a table keeps its rows' order:
    // ActorOrder.LISTED)
    if (reversed) java.util.Collections.reverse(rows);
    return TableScenarios.toScenario(
        new ActorTable("contract", "", dims, rows, "contract.csv"), name());
  }
}
