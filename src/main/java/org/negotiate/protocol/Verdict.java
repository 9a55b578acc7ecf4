package org.negotiate.protocol;

/**
 * A party's verdict on a round, typed: the run log, the GUI and any table read {@link #kind()} and
 * print {@link #words()}, so nothing decides acceptance by parsing the words.
 *
 * @param reason what the verdict rests on, in words, without the kind (e.g. {@code worth 0.612
 *     (perceived 0.612) against aspiration 0.580}); empty when the protocol has nothing to say
 */
public record Verdict(Kind kind, String reason) {

  /**
   * The kinds of verdict; only protocols with an {@link Capability#ACCEPT_STEP} accept or refuse.
   */
  public enum Kind {
    /** The party signs the text. */
    ACCEPTS("accepts"),
    /** The party refuses the text. */
    REFUSES("refuses"),
    /** There is no text to judge. */
    NO_TEXT("no text"),
    /** No accept step: the reason says how the party moved (a forecasting protocol's round). */
    MOVES(null);

    private final String word;

    Kind(String word) {
      this.word = word;
    }
  }

  /** Nothing to report this round (e.g. before the first turn). */
  public static final Verdict NONE = new Verdict(Kind.MOVES, "");

  public Verdict {
    java.util.Objects.requireNonNull(kind);
    java.util.Objects.requireNonNull(reason);
  }

  public static Verdict accepts(String reason) {
    return new Verdict(Kind.ACCEPTS, reason);
  }

  public static Verdict refuses(String reason) {
    return new Verdict(Kind.REFUSES, reason);
  }

  public static Verdict noText(String reason) {
    return new Verdict(Kind.NO_TEXT, reason);
  }

  public static Verdict moves(String reason) {
    return new Verdict(Kind.MOVES, reason);
  }

  /**
   * The verdict as the run log prints it: {@code accepts: worth ...}, or the reason alone for a
   * move.
   */
  public String words() {
    return kind.word == null ? reason : kind.word + ": " + reason;
  }

  /** True for an acceptance, false for a refusal, null when the party judged no text. */
  public Boolean accepted() {
    return kind == Kind.ACCEPTS ? Boolean.TRUE : kind == Kind.REFUSES ? Boolean.FALSE : null;
  }

  public boolean isEmpty() {
    return reason.isEmpty() && kind == Kind.MOVES;
  }
}
