package org.negotiate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A long fragment (an inline chart) is kept whole inside the elements around it instead of being
 * copied into each: the markup is the same as if it had been copied.
 */
class HtmlPartsTest {

  @Test
  void namesAreCheckedAsTheirPatternsSay() {
    for (String ok : List.of("p", "h2", "figcaption"))
      assertEquals("<" + ok + "></" + ok + ">", Html.el(ok).toString());
    for (String bad : List.of("", "P", "2h", "fig-caption", "a b", "é"))
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> Html.el(bad), bad);
    assertEquals("<td data-x2=\"v\"></td>", Html.el("td", Html.attrs("data-x2", "v")).toString());
    for (String bad : List.of("", "-x", "x_y", "X", "1a"))
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> Html.el("td", Html.attrs(bad, "v")), bad);
  }

  @Test
  void nestedLongFragmentsGiveTheSameMarkupAsCopying() {
    String longText = "<g>" + "x — ü".repeat(8000) + "</g>";
    Html chart = Html.raw("<svg a='1'", " class='chart'>", longText + "</svg>");
    String chartMarkup = "<svg a='1' class='chart'>" + longText + "</svg>";
    assertEquals(chartMarkup, chart.toString());

    Html figure = Html.el("figure", chart, Html.el("figcaption", "a < b"));
    String figureMarkup = "<figure>" + chartMarkup + "<figcaption>a &lt; b</figcaption></figure>";
    assertEquals(figureMarkup, figure.toString());

    Html body =
        Html.join(
            Html.p("before"), List.of(figure, Html.text("&")), null, figure, Html.EMPTY, "after");
    String bodyMarkup = "<p>before</p>" + figureMarkup + "&amp;" + figureMarkup + "after";
    assertEquals(bodyMarkup, body.toString());

    StringBuilder b = new StringBuilder("start:");
    body.appendTo(b);
    assertEquals("start:" + bodyMarkup, b.toString());

    PolicyBrief page = PolicyBrief.builder("t", null).section("s", "S", body).build();
    assertTrue(page.html().contains("<h2>S</h2>\n" + bodyMarkup + "\n</section>"));
    assertFalse(body.isEmpty());
    assertTrue(Html.join(Html.EMPTY, Html.raw("", "")).isEmpty());
  }
}
