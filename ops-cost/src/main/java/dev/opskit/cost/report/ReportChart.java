package dev.opskit.cost.report;

import dev.opskit.core.value.Checks;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.svg.SVGHints;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's chart: daily cost as bars stacked by the top-N services and "Other" (JFreeChart). Drawn on a
 * {@link BufferedImage} (PNG) or a JFreeSVG {@link SVGGraphics2D}: neither needs a display, so it works headless.
 */
final class ReportChart {
  private static final int MIN = 100;
  /** At most 4,000 pixels a side: a 4,000 x 4,000 image takes 64 MB while it is drawn. */
  private static final int MAX = 4_000;

  private ReportChart() {}

  static byte[] png(CostReport report, int width, int height) {
    checkSize(width, height);
    JFreeChart chart = chart(report);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String svg(CostReport report, int width, int height) {
    checkSize(width, height);
    JFreeChart chart = chart(report);
    chart.setElementHinting(true);
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGDocument();
  }

  private static JFreeChart chart(CostReport report) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (CostReport.DailyCost day : report.daily()) {
      for (Map.Entry<String, BigDecimal> e : day.byService().entrySet()) {
        dataset.addValue(e.getValue(), e.getKey(), day.day().toString());
      }
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(
        "Daily " + report.spec().metric().awsName() + " by service, " + report.spec().period().start() + " to "
            + report.spec().period().end(),
        "day", report.total().unit(), dataset, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    SeriesGroups renderer = new SeriesGroups();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    plot.setRenderer(renderer);
    return chart;
  }

  /**
   * The stacked bar renderer, drawing each bar of a series inside an SVG group whose {@code jfreesvg:ref} is
   * {@code series:<name>}, so the SVG says which shapes belong to which service.
   */
  private static final class SeriesGroups extends StackedBarRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
        CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
      boolean svg = g2 instanceof SVGGraphics2D;
      if (svg) {
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("id", "series-" + row + "-day-" + column + "-pass-" + pass,
            "ref", "series:" + dataset.getRowKey(row)));
      }
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      if (svg) {
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "true");
      }
    }
  }

  private static void checkSize(int width, int height) {
    Checks.range("width", width, MIN, MAX, MIN + " to " + MAX + " pixels");
    Checks.range("height", height, MIN, MAX, MIN + " to " + MAX + " pixels");
  }
}
