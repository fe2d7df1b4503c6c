package dev.tva.report.chart;

import dev.tva.workloads.Model;
import dev.tva.workloads.web.ServerId;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.util.List;

/** The colours and strokes every chart uses: one colour per model and per server, the same in every chart. */
public final class Palette {
    /*
     * Okabe and Ito's colour-blind-safe palette. A server takes its model's colour, except helidon, which
     * shares virtual threads with jdk-virtual and so needs one of its own.
     */
    public static final Color BOUND = new Color(0, 0, 0);
    public static final Color SLO = new Color(204, 0, 0);
    public static final Color NO_DIFFERENCE = new Color(200, 200, 200);
    public static final Color GRID = new Color(225, 225, 225);
    public static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    public static final Stroke LINE = new BasicStroke(2f);

    private Palette() {
    }

    public static Color of(Model model) {
        return switch (model) {
            case PLATFORM -> new Color(0, 114, 178);
            case VIRTUAL -> new Color(230, 159, 0);
            case EVENT_LOOP -> new Color(0, 158, 115);
        };
    }

    public static Color of(ServerId server) {
        return server == ServerId.HELIDON ? new Color(204, 121, 167) : of(server.model());
    }

    /** A model's colour at {@code shade} (0 faint .. 1 full). */
    public static Color shade(Model model, double shade) {
        return shade(List.of(model), shade);
    }

    /** The models' colour (their mean, for two or more) at {@code shade} (0 faint .. 1 full), for the crossover map. */
    public static Color shade(List<Model> models, double shade) {
        int n = models.size();
        Color full = new Color(models.stream().mapToInt(m -> of(m).getRed()).sum() / n,
                models.stream().mapToInt(m -> of(m).getGreen()).sum() / n, models.stream().mapToInt(m -> of(m).getBlue()).sum() / n);
        double s = Math.max(0.15, Math.min(1, shade));
        return new Color(mix(full.getRed(), s), mix(full.getGreen(), s), mix(full.getBlue(), s));
    }

    private static int mix(int channel, double s) {
        return (int) Math.round(255 - (255 - channel) * s);
    }
}
