package org.cleanrank.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legend sits outside the plot rectangle, so no curve is ever hidden behind it. */
class CurvePlotTest {
    @Test
    void legendIsBelowThePlotAndDrawnThere(@TempDir Path dir) throws Exception {
        List<CurvePlot.Series> series = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            // curves through the top-right corner, where the old legend box was
            series.add(new CurvePlot.Series(
                    "a rather long detector name " + s, new double[] {0, 0.5, 1}, new double[] {0, 1, 1}));
        }
        Path png = dir.resolve("p.png");
        CurvePlot.Layout lay = CurvePlot.write(png, "t", "x", "y", series, true);
        Rectangle plot = lay.plot();
        Rectangle legend = lay.legend();
        assertFalse(plot.intersects(legend), plot + " vs " + legend);
        assertTrue(legend.y >= plot.y + plot.height, "legend below the plot: " + legend);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(lay.width(), img.getWidth());
        assertEquals(lay.height(), img.getHeight());
        assertTrue(legend.y + legend.height < img.getHeight(), "legend fits in the picture");
        // the first series' colour swatch is painted inside the legend box (tab10 blue)
        int rgb = img.getRGB(legend.x + 12, legend.y + 9) & 0xFFFFFF;
        assertEquals(0x1f77b4, rgb, Integer.toHexString(rgb));
    }
}
