package dev.tva.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Draws a chart as a deterministic SVG document: fixed size, fixed ids, fixed number format, no timestamp. */
public final class Svg {
    public static final int WIDTH = 880;
    public static final int HEIGHT = 480;

    static {
        // Charts are drawn without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private Svg() {
    }

    /** Puts {@code chart} in the lab's theme: call before giving series their colours, which the theme would reset. */
    public static JFreeChart styled(JFreeChart chart) {
        theme().apply(chart);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(Palette.GRID);
            xy.setRangeGridlinePaint(Palette.GRID);
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setBackgroundPaint(Color.WHITE);
            category.setRangeGridlinePaint(Palette.GRID);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** The chart as an SVG document; {@code id} prefixes the ids of its clip paths. */
    public static String render(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(Svg::decimal);
        g.setTransformDoubleConverter(Svg::decimal);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null) + "\n";
    }

    /** A whole-number format with thousands separators, the same on every machine. */
    public static NumberFormat integers() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** A number format with up to {@code digits} decimals, the same on every machine. */
    public static NumberFormat decimals(int digits) {
        return digits == 0 ? integers() : new DecimalFormat("#,##0." + "#".repeat(digits), DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("lab");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        return theme;
    }
}
