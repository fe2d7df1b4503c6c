package dev.tva.report;

/** Input the report cannot use (a folder without results, a file it cannot read): one line naming what is wrong. */
public final class ReportException extends Exception {

    public ReportException(String message) {
        super(message, null, false, false);
    }
}
