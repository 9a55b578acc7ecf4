package org.negotiate.gui;

import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.List;
import org.negotiate.scenario.Fields;
import org.negotiate.scenario.ProtocolParameters;
import sim.util.Interval;
import sim.util.Properties;

/**
 * The editable inputs of one actor as MASON properties: names are the {@code --set} paths ({@code
 * turkey.refugee_return.salience}), every domain is an {@link Interval} so the inspector shows a
 * slider, and a value set here goes to the running replication's inputs through {@link
 * Target#edit}, which also remembers it for the what-if.
 */
final class InputProperties extends Properties {
  private static final long serialVersionUID = 1L;

  /** MASON's slider resolution ({@code PropertyField.SLIDER_MAX}) and width in pixels. */
  static final int SLIDER_MAX = 1000;

  static final int SLIDER_WIDTH = 80;

  /** Where values are read from and written to. */
  interface Target {
    /** The live value. */
    double value(Entry e);

    /**
     * Sets the live value (clamped) and remembers the change; returns the value the input now has.
     */
    double edit(Entry e, double value);
  }

  /**
   * One property, its slider range (null: a text field only) and tool tip: a field of an actor (and
   * issue or other actor), or, with {@code param} set and the others null, a protocol parameter.
   */
  record Entry(
      Fields.Field field,
      String actor,
      String key,
      ProtocolParameters.Param param,
      Interval domain,
      String description) {
    Entry(Fields.Field field, String actor, String key, Interval domain, String description) {
      this(field, actor, key, null, domain, description);
    }

    static Entry protocol(ProtocolParameters.Param param, Interval domain, String description) {
      return new Entry(null, null, null, param, domain, description);
    }

    String name() {
      return param != null ? "protocol." + param.name() : field.path(actor, key);
    }
  }

  private final List<Entry> entries;
  private final transient Target target;
  private final String label;

  InputProperties(String label, List<Entry> entries, Target target) {
    this.label = label;
    this.entries = List.copyOf(entries);
    this.target = target;
  }

  List<Entry> entries() {
    return entries;
  }

  @Override
  public Object getObject() {
    return label;
  }

  @Override
  public boolean isVolatile() {
    return false; // the list of properties never changes; their values do
  }

  @Override
  public int numProperties() {
    return entries.size();
  }

  @Override
  public Object getValue(int index) {
    if (index < 0 || index >= entries.size()) return null;
    return shown(entries.get(index));
  }

  /** The live value as the inspector shows it: 4 decimals on narrow ranges, 2 on wide ones. */
  double shown(Entry e) {
    double v = target.value(e);
    if (e.domain() == null) return v;
    double width = e.domain().getMax().doubleValue() - e.domain().getMin().doubleValue();
    double scale = width <= 10 ? 1e4 : 1e2;
    return Math.round(v * scale) / scale;
  }

  @Override
  public Object getDomain(int index) {
    return index < 0 || index >= entries.size() ? null : entries.get(index).domain();
  }

  @Override
  public String getDescription(int index) {
    return index < 0 || index >= entries.size() ? null : entries.get(index).description();
  }

  @Override
  public boolean isReadWrite(int index) {
    return index >= 0 && index < entries.size();
  }

  @Override
  public String getName(int index) {
    return index < 0 || index >= entries.size() ? null : entries.get(index).name();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class getType(int index) {
    return Double.TYPE;
  }

  @Override
  protected Object _setValue(int index, Object value) {
    if (index < 0 || index >= entries.size() || !(value instanceof Number n)) return null;
    Entry e = entries.get(index);
    double v = n.doubleValue();
    if (Double.isNaN(v) || Double.isInfinite(v)) return null;
    double current = shown(e);
    // The inspector moves a slider whenever the model changes a value (an event, another salience
    // rescaled); the slider then reports its own rounded reading back as if the user had set it.
    // That echo is not an edit.
    if (Math.abs(v - current) < 1e-12 || isSliderEcho(v, current, e.domain())) return current;
    return target.edit(e, v);
  }

  /** Whether {@code v} is what MASON's slider reports after being moved to show {@code current}. */
  static boolean isSliderEcho(double v, double current, Interval domain) {
    if (domain == null || !domain.isDouble()) return false;
    double min = domain.getMin().doubleValue();
    double max = domain.getMax().doubleValue();
    if (!(max > min)) return false;
    int i = (int) ((current - min) / (max - min) * SLIDER_MAX);
    i = Math.max(0, Math.min(SLIDER_MAX, i));
    double d = (i / (double) SLIDER_MAX) * (max - min) + min;
    DecimalFormat f = new DecimalFormat();
    f.setGroupingUsed(false);
    f.setMinimumFractionDigits((int) Math.ceil(Math.log10(1 / ((max - min) / SLIDER_WIDTH))));
    try {
      return Math.abs(NumberFormat.getInstance().parse(f.format(d)).doubleValue() - v) < 1e-9;
    } catch (ParseException e) {
      return false;
    }
  }
}
