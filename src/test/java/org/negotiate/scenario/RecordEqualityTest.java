package org.negotiate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scenario's records write their {@code equals} and {@code hashCode} out (the generated ones
 * are linked through {@code java.lang.runtime.ObjectMethods} at their first call, which costs the
 * main job tens of milliseconds before its first replication). This checks that each written-out
 * pair is the record's own: every record reachable from {@link Scenario} declares both; {@code
 * equals} agrees with the record's definition (every component, primitives as their wrapper's
 * {@code compare}, references by {@code Objects.equals}) on real scenarios and on each of their
 * values with one component changed; {@code hashCode} is the fold the JDK's records use ({@code 31
 * * h + hash(component)} over the components in order), so even iteration orders that depend on
 * hashes stay as they were. A component added later and left out of either method fails here.
 */
class RecordEqualityTest {

  /** Every record a scenario is made of: its components' types, followed through. */
  static Set<Class<?>> closure() {
    Set<Class<?>> out = new LinkedHashSet<>();
    follow(Scenario.class, out);
    return out;
  }

  private static void follow(Type t, Set<Class<?>> out) {
    if (t instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) follow(a, out);
      return;
    }
    if (!(t instanceof Class<?> c)) return;
    if (c.isSealed()) {
      for (Class<?> sub : c.getPermittedSubclasses()) follow(sub, out);
      return;
    }
    if (!c.isRecord() || !out.add(c)) return;
    for (RecordComponent rc : c.getRecordComponents()) follow(rc.getGenericType(), out);
  }

  @Test
  void everyRecordAScenarioIsMadeOfWritesItsEqualityOut() {
    Set<Class<?>> records = closure();
    assertTrue(records.size() >= 20, "the closure was found: " + records);
    for (Class<?> c : records) {
      try {
        c.getDeclaredMethod("equals", Object.class);
        c.getDeclaredMethod("hashCode");
      } catch (NoSuchMethodException e) {
        fail(
            c.getName()
                + " is part of a scenario but leaves equals/hashCode to the JDK: write them out as"
                + " the other records do (linked at first call otherwise)");
      }
    }
  }

  @Test
  void theFoldIsTheJdksOwnRecordHash() {
    record Probe(double a, String b, int c, boolean d, long e, Object f, float g) {}
    for (Probe p :
        List.of(
            new Probe(1.5, "x", 3, true, 1L << 40, List.of(1), 2.5f),
            new Probe(-0.0, null, -7, false, -1, null, Float.NaN))) {
      assertEquals(p.hashCode(), referenceHash(p), p.toString());
    }
  }

  @Test
  void writtenOutEqualityIsTheRecordsOwnOnRealScenariosAndEveryOneComponentChange()
      throws Exception {
    Map<Class<?>, List<Object>> pool = samples();
    Set<Class<?>> records = closure();
    for (Class<?> c : records) {
      List<Object> xs = pool.getOrDefault(c, List.of());
      assertFalse(xs.isEmpty(), "no sample of " + c.getName() + ": add one to samples()");
      // pairs of real values, as they are
      List<Object> some = xs.subList(0, Math.min(xs.size(), 150));
      for (Object x : some) {
        assertEquals(referenceHash(x), x.hashCode(), () -> "hashCode of " + x);
        for (Object y : some) {
          assertEquals(referenceEquals(x, y), x.equals(y), () -> x + " against " + y);
        }
        assertFalse(x.equals(null));
        assertFalse(x.equals(new Object()));
        Object copy = construct(c, components(x));
        assertTrue(x.equals(copy) && copy.equals(x), () -> "a copy of " + x);
        assertEquals(x.hashCode(), copy.hashCode());
      }
      // each component changed alone, on a few values of each record
      for (Object x : xs.subList(0, Math.min(xs.size(), 12))) {
        RecordComponent[] rcs = c.getRecordComponents();
        Object[] values = components(x);
        for (int i = 0; i < rcs.length; i++) {
          int changed = 0;
          for (Object v : alternatives(rcs[i].getGenericType(), values[i], pool)) {
            Object[] w = values.clone();
            w[i] = v;
            Object y;
            try {
              y = construct(c, w);
            } catch (ReflectiveOperationException | RuntimeException e) {
              continue; // a value the constructor refuses
            }
            if (referenceEquals(x, y)) continue; // the constructor put it back
            changed++;
            String what = c.getSimpleName() + "." + rcs[i].getName() + " changed to " + v;
            assertFalse(x.equals(y), what + ": equals misses the component");
            assertFalse(y.equals(x), what + ": equals misses the component");
            assertEquals(referenceHash(y), y.hashCode(), what + ": hashCode misses the component");
          }
          assertTrue(changed > 0, "could not change " + c.getName() + "." + rcs[i].getName());
        }
      }
    }
  }

  /** Real values: every scenario in the repository, some as-of cuts, and the kinds they lack. */
  static Map<Class<?>, List<Object>> samples() throws Exception {
    List<Object> roots = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    Scenario baseline = null;
    for (Path f : files) {
      if (f.getFileName().toString().equals("sources.yaml")) continue;
      try {
        Scenario s = ScenarioLoader.load(f);
        roots.add(s);
        if (f.endsWith(Path.of("scenarios/baseline.yaml"))) baseline = s;
      } catch (ScenarioException e) {
        // readings and what-ifs that only make sense beside their scenario
      }
    }
    for (String m : List.of("2022-12", "2023-06", "2024-08")) {
      AsOf.Cut cut = AsOf.cut(baseline, YearMonth.parse(m), 24);
      roots.add(cut.scenario());
      roots.add(cut.observations());
    }
    roots.add(new Quantity.Normal(50, 10, 0, 100));
    roots.add(new Quantity.Normal(-0.0, 0, 0, 100));
    roots.add(new Quantity.Beta(2, 3, 0, 100));
    roots.add(new Quantity.Fixed(0.0));
    roots.add(new Quantity.Fixed(-0.0));
    roots.add(new Quantity.Fixed(Double.NaN));
    roots.add(
        new Observation.Refusal("r", "turkey", YearMonth.of(2024, 5), List.of("001#a"), "why"));
    roots.add(
        new Observation.Demand(
            "d", "turkey", "withdrawal", YearMonth.of(2024, 5), null, 40.0, 0, List.of(), ""));
    Map<Class<?>, List<Object>> pool = new LinkedHashMap<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    for (Object r : roots) walk(r, pool, seen);
    return pool;
  }

  private static void walk(Object o, Map<Class<?>, List<Object>> pool, Map<Object, Boolean> seen)
      throws Exception {
    if (o == null || seen.put(o, true) != null) return;
    if (o instanceof List<?> l) {
      for (Object e : l) walk(e, pool, seen);
    } else if (o instanceof Map<?, ?> m) {
      for (Object e : m.values()) walk(e, pool, seen);
    } else if (o.getClass().isRecord()) {
      pool.computeIfAbsent(o.getClass(), k -> new ArrayList<>()).add(o);
      for (Object v : components(o)) walk(v, pool, seen);
    }
  }

  /** Values other than {@code v} for a component of type {@code t}. */
  private static List<Object> alternatives(Type t, Object v, Map<Class<?>, List<Object>> pool) {
    Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    List<Object> out = new ArrayList<>();
    if (raw == double.class || raw == Double.class) {
      double d = v == null ? 0 : (Double) v;
      out.addAll(List.of(d + 1, d - 1, Math.nextUp(d), Double.NaN));
      if (d == 0) out.add(1 / d > 0 ? -0.0 : 0.0);
      if (raw == Double.class) out.add(v == null ? 1.0 : null);
    } else if (raw == int.class) {
      out.addAll(List.of((Integer) v + 1, (Integer) v - 1));
    } else if (raw == long.class) {
      out.addAll(List.of((Long) v + 1, (Long) v - 1));
    } else if (raw == boolean.class) {
      out.add(!(Boolean) v);
    } else if (raw == String.class) {
      out.add(v == null ? "x" : v + "x");
      out.add(v == null ? "" : null);
    } else if (raw == YearMonth.class) {
      out.add(v == null ? YearMonth.of(2020, 1) : ((YearMonth) v).plusMonths(1));
      if (v != null) out.add(null);
    } else if (raw.isEnum()) {
      out.addAll(Arrays.asList(raw.getEnumConstants()));
      out.remove(v);
    } else if (raw == List.class) {
      List<?> l = (List<?>) v;
      Type e = ((ParameterizedType) t).getActualTypeArguments()[0];
      if (l == null || l.isEmpty()) {
        out.add(List.of(sample(e, pool)));
      } else {
        out.add(List.copyOf(l.subList(0, l.size() - 1)));
        List<Object> more = new ArrayList<>(l);
        more.add(l.get(0));
        out.add(more);
      }
    } else if (raw == Map.class) {
      Map<?, ?> m = (Map<?, ?>) v;
      Type[] kv = ((ParameterizedType) t).getActualTypeArguments();
      if (m == null || m.isEmpty()) {
        out.add(Map.of(sample(kv[0], pool), sample(kv[1], pool)));
      } else {
        Map<Object, Object> less = new LinkedHashMap<>(m);
        less.remove(less.keySet().iterator().next());
        out.add(less);
        Map<Object, Object> more = new LinkedHashMap<>(m);
        more.put("x-added", m.values().iterator().next());
        out.add(more);
      }
    } else if (raw.isRecord() || raw.isSealed()) {
      for (Object o : of(raw, pool)) if (!referenceEquals(o, v)) out.add(o);
      if (v != null) out.add(null);
    } else {
      fail("teach RecordEqualityTest to change a " + t);
    }
    return out;
  }

  private static Object sample(Type t, Map<Class<?>, List<Object>> pool) {
    Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    if (raw == String.class) return "x";
    if (raw == YearMonth.class) return YearMonth.of(2020, 1);
    if (raw == List.class) return List.of();
    if (raw == Map.class) return Map.of();
    List<Object> of = of(raw, pool);
    if (of.isEmpty()) fail("no sample of " + t);
    return of.get(0);
  }

  private static List<Object> of(Class<?> type, Map<Class<?>, List<Object>> pool) {
    List<Object> out = new ArrayList<>();
    pool.forEach(
        (c, xs) -> {
          if (type.isAssignableFrom(c)) out.addAll(xs.subList(0, Math.min(xs.size(), 4)));
        });
    return out;
  }

  static Object[] components(Object record) throws ReflectiveOperationException {
    RecordComponent[] rcs = record.getClass().getRecordComponents();
    Object[] out = new Object[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      Field f = record.getClass().getDeclaredField(rcs[i].getName());
      f.setAccessible(true);
      out[i] = f.get(record);
    }
    return out;
  }

  private static Object construct(Class<?> c, Object[] values) throws ReflectiveOperationException {
    Class<?>[] types =
        Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new);
    Constructor<?> k = c.getDeclaredConstructor(types);
    k.setAccessible(true);
    return k.newInstance(values);
  }

  /** A record's equality by its definition (java.lang.Record#equals). */
  static boolean referenceEquals(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a.getClass() != b.getClass()) return false;
    try {
      Object[] x = components(a);
      Object[] y = components(b);
      // boxed: Double.equals and Float.equals compare as Double.compare and Float.compare do
      for (int i = 0; i < x.length; i++) if (!Objects.equals(x[i], y[i])) return false;
      return true;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The hash JDK 17's records compute: 31 * h + the component's hash, from 0, in order. */
  static int referenceHash(Object r) {
    try {
      int h = 0;
      for (Object v : components(r)) h = 31 * h + Objects.hashCode(v);
      return h;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
