package org.cleanrank.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A unit-square line chart (ROC, PR, PR gain) drawn with Java2D and written as PNG; no plotting library. */
public final class CurvePlot {
    /** Matplotlib's tab10 colours, so the plots look familiar to readers of the paper's figures. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4),
        new Color(0xff7f0e),
        new Color(0x2ca02c),
        new Color(0xd62728),
        new Color(0x9467bd),
        new Color(0x8c564b),
        new Color(0xe377c2),
        new Color(0x7f7f7f),
        new Color(0xbcbd22),
        new Color(0x17becf)
    };

    public record Series(String name, double[] x, double[] y) {}

    private static final int W = 560;
    /** Height of the axes part; the legend goes below it, so the image grows with the number of series. */
    private static final int AXES_H = 440;

    private static final int LEGEND_ROW = 15;
    private static final int LEFT = 62;
    private static final int RIGHT = 18;
    private static final int TOP = 36;
    private static final int BOTTOM = 52;

    private CurvePlot() {}

    /**
     * Where things go in the image: the plot rectangle (axes frame) and the legend box, which sits below
     * the axis label and never inside the plot, so it cannot cover a curve.
     */
    public record Layout(int width, int height, Rectangle plot, Rectangle legend) {}

    static Layout layout(List<Series> series, FontMetrics legendFont) {
        int w = 0;
        for (Series s : series) {
            w = Math.max(w, legendFont.stringWidth(s.name()));
        }
        Rectangle plot = new Rectangle(LEFT, TOP, W - LEFT - RIGHT, AXES_H - TOP - BOTTOM);
        Rectangle legend = new Rectangle(LEFT, AXES_H, Math.min(w + 34, plot.width), series.size() * LEGEND_ROW + 8);
        return new Layout(W, AXES_H + legend.height + 10, plot, legend);
    }

    /** Draws the chart into {@code png} and returns its layout (the page needs the image's size). */
    public static Layout write(
            Path png, String title, String xLabel, String yLabel, List<Series> series, boolean diagonal) {
        System.setProperty("java.awt.headless", "true");
        Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        Layout lay = layout(series, measure(legendFont));
        int h = lay.height();
        BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, h);
            int pw = lay.plot().width;
            int ph = lay.plot().height;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            for (int t = 0; t <= 5; t++) {
                double v = t / 5.0;
                int x = LEFT + (int) Math.round(v * pw);
                int y = TOP + ph - (int) Math.round(v * ph);
                g.setColor(new Color(0xE6E6E6));
                g.drawLine(x, TOP, x, TOP + ph);
                g.drawLine(LEFT, y, LEFT + pw, y);
                g.setColor(Color.DARK_GRAY);
                String s = String.format(Locale.ROOT, "%.1f", v);
                g.drawString(s, x - fm.stringWidth(s) / 2, TOP + ph + 16);
                g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + 4);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(LEFT, TOP, pw, ph);
            if (diagonal) {
                g.setColor(new Color(0xAAAAAA));
                g.setStroke(new BasicStroke(
                        1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
                g.drawLine(LEFT, TOP + ph, LEFT + pw, TOP);
            }
            g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int s = 0; s < series.size(); s++) {
                Series se = series.get(s);
                g.setColor(PALETTE[s % PALETTE.length]);
                Path2D.Double path = new Path2D.Double();
                boolean started = false;
                for (int k = 0; k < se.x().length; k++) {
                    double x = se.x()[k];
                    double y = se.y()[k];
                    if (!Double.isFinite(x) || !Double.isFinite(y)) {
                        started = false;
                        continue;
                    }
                    double px = LEFT + clamp(x) * pw;
                    double py = TOP + ph - clamp(y) * ph;
                    if (started) {
                        path.lineTo(px, py);
                    } else {
                        path.moveTo(px, py);
                        started = true;
                    }
                }
                g.draw(path);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(Color.BLACK);
            g.drawString(title, LEFT, TOP - 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            fm = g.getFontMetrics();
            g.drawString(xLabel, LEFT + (pw - fm.stringWidth(xLabel)) / 2, AXES_H - 14);
            Graphics2D gy = (Graphics2D) g.create();
            gy.rotate(-Math.PI / 2);
            gy.drawString(yLabel, -(TOP + (ph + fm.stringWidth(yLabel)) / 2), 16);
            gy.dispose();
            g.setFont(legendFont);
            legend(g, series, lay.legend());
        } finally {
            g.dispose();
        }
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new org.cleanrank.CleanRankException(png + ": cannot write the plot (" + e.getMessage() + ")");
        }
        return lay;
    }

    private static FontMetrics measure(Font f) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(f);
        } finally {
            g.dispose();
        }
    }

    private static void legend(Graphics2D g, List<Series> series, Rectangle box) {
        int x0 = box.x;
        int y0 = box.y;
        g.setColor(new Color(0xBBBBBB));
        g.drawRect(x0, y0, box.width, box.height);
        for (int s = 0; s < series.size(); s++) {
            int y = y0 + 14 + s * LEGEND_ROW;
            g.setColor(PALETTE[s % PALETTE.length]);
            g.fillRect(x0 + 6, y - 6, 18, 3);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), x0 + 28, y);
        }
    }

    private static double clamp(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
