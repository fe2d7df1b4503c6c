package dev.tva.report;

/**
 * One row of the decision guide: in this situation pick this model, because of this measured number (from
 * this file), with this caveat. A situation the inputs hold no number for says which command measures it.
 *
 * @param pick    the model to pick, in the shared ids, or what decides when no model does
 * @param reason  the measured reason, with its numbers; or that the inputs do not measure it
 * @param source  a link to the file the reason comes from, or "none"
 */
public record Decision(Situation situation, String pick, String reason, String source, String caveat) {

    /** The row of a situation the inputs hold no number for. */
    static Decision notMeasured(Situation situation) {
        return new Decision(situation, "not measured here", "These inputs hold no measurement of it.", "none",
                "Measure it: " + Markdown.code(situation.command()));
    }
}
