package dev.tva.verdict;

import java.util.List;
import java.util.Map;

/**
 * What a comparison of models shows, as data: the rows that lead (no other row is measurably faster),
 * the ones that trail, each row's cause, and the sentence written from them.
 *
 * @param difference true when at least one row trails the leaders measurably
 * @param leaders    labels of the rows no other row beats measurably, fastest first
 * @param trailing   labels of the rows the fastest beats measurably
 * @param causes     each row's cause, by label (a row without a typed cause is absent)
 * @param untrusted  labels of rows whose numbers are not to be trusted (never steady, or with errors)
 * @param text       the "what to notice" sentence
 */
public record Verdict(boolean difference, List<String> leaders, List<String> trailing, Map<String, Cause> causes,
                      List<String> untrusted, String text) {
}
