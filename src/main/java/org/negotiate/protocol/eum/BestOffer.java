package org.negotiate.protocol.eum;

import org.negotiate.protocol.eum.ExpectedUtilityModel.MoveKind;
import org.negotiate.protocol.eum.ExpectedUtilityModel.Offer;

/**
 * The least offer seen so far by (key, resulting position, sender's canonical rank), as an offer
 * rule picks it from the list of all of a receiver's offers ({@code docs/models.md} §1.7): the ties
 * are broken by rank, so the order the offers are seen in does not matter. Reused from receiver to
 * receiver, so classifying the offers allocates nothing.
 */
final class BestOffer {
  private int sender = -1;
  private MoveKind kind;
  private double key;
  private double position;
  private double eij;
  private double eji;

  void clear() {
    sender = -1;
  }

  /**
   * Keeps the offer of sender {@code j} if it is less than the one kept.
   *
   * @param k the rule's key (the smaller, the better)
   * @param pos where the receiver would stand
   * @param rank every actor's canonical rank
   */
  void offer(
      double k, double pos, int j, MoveKind kd, double eReceiver, double eSender, int[] rank) {
    if (sender < 0
        || k < key
        || (k == key && (pos < position || (pos == position && rank[j] < rank[sender])))) {
      sender = j;
      kind = kd;
      key = k;
      position = pos;
      eij = eReceiver;
      eji = eSender;
    }
  }

  /** The offer kept, or null when none was seen since {@link #clear()}. */
  Offer toOffer(int receiver) {
    return sender < 0 ? null : new Offer(receiver, sender, kind, eij, eji, position);
  }
}
