package dev.tva.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * The defaults a command gives a shared flag where its own run means another value (e.g. {@code lab overload}'s
 * {@code --timeout}); every other flag keeps the default its declaration states. Help shows the command's value.
 */
abstract class CommandDefaults implements IDefaultValueProvider {
    private final Map<String, String> byFlag;

    /** {@code byFlag}: a flag's long name, e.g. {@code --timeout}, and its default in this command, e.g. {@code 2s}. */
    CommandDefaults(Map<String, String> byFlag) {
        this.byFlag = Map.copyOf(byFlag);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return arg instanceof OptionSpec option ? byFlag.get(option.longestName()) : null;
    }
}
