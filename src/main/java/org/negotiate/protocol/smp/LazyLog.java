package org.negotiate.protocol.smp;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A turn of the {@link SpatialModel} in words, built on first access: the turn keeps the data and
 * nothing is formatted while the model runs. Immutable; equal to the list of its strings.
 */
final class LazyLog extends AbstractList<String> implements RandomAccess {
  private List<Supplier<String>> parts;
  private List<String> text;

  LazyLog(List<Supplier<String>> parts) {
    this.parts = parts;
  }

  private synchronized List<String> text() {
    if (text == null) {
      List<String> out = new ArrayList<>(parts.size());
      for (Supplier<String> s : parts) out.add(s.get());
      text = List.copyOf(out);
      parts = null;
    }
    return text;
  }

  @Override
  public String get(int index) {
    return text().get(index);
  }

  @Override
  public int size() {
    return text().size();
  }
}
