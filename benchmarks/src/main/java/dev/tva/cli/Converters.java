package dev.tva.cli;

import dev.tva.load.LoadSettings;
import dev.tva.load.Transport;
import dev.tva.workloads.Client;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Model;
import dev.tva.workloads.WorkloadType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses flag values. Picocli prefixes each message with the flag ({@code Invalid value for option
 * '--model': ...}), so a message says what is wrong and what is accepted.
 */
final class Converters {
    private Converters() {
    }

    /** {@code platform | virtual | event-loop}. */
    static final class ModelConverter implements ITypeConverter<Model> {
        @Override
        public Model convert(String value) {
            try {
                return Model.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code lean | library}. */
    static final class ClientConverter implements ITypeConverter<Client> {
        @Override
        public Client convert(String value) {
            try {
                return Client.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code lean | library | both}: the clients {@code compare} runs each model with, in this order. */
    static final class ClientsConverter implements ITypeConverter<java.util.List<Client>> {
        static final String BOTH = "both";

        @Override
        public java.util.List<Client> convert(String value) {
            if (BOTH.equals(value)) {
                return java.util.List.of(Client.values());
            }
            try {
                return java.util.List.of(Client.fromId(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + ", or " + BOTH);
            }
        }
    }

    /** {@code sleep | http | cpu | mixed | fanout | db}. */
    static final class WorkloadConverter implements ITypeConverter<WorkloadType> {
        @Override
        public WorkloadType convert(String value) {
            try {
                return WorkloadType.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code helidon | netty | jdk-platform | jdk-virtual}. */
    static final class ServerConverter implements ITypeConverter<dev.tva.workloads.web.ServerId> {
        @Override
        public dev.tva.workloads.web.ServerId convert(String value) {
            try {
                return dev.tva.workloads.web.ServerId.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code hello | sleep | io | cpu | mixed | fanout | db | stream}. */
    static final class EndpointConverter implements ITypeConverter<dev.tva.workloads.web.Endpoint> {
        @Override
        public dev.tva.workloads.web.Endpoint convert(String value) {
            try {
                return dev.tva.workloads.web.Endpoint.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code hyperfoil}: what {@code lab load --emit} writes. */
    static final class EmitConverter implements ITypeConverter<LoadCommand.Emit> {
        @Override
        public LoadCommand.Emit convert(String value) {
            try {
                return LoadCommand.Emit.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code epoll | nio}; epoll where it cannot load is refused here, with the reason. */
    static final class TransportConverter implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            try {
                Transport t = Transport.fromId(value);
                t.checkAvailable();
                return t;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code sleep | read}. */
    static final class QueryConverter implements ITypeConverter<DbQuery> {
        @Override
        public DbQuery convert(String value) {
            try {
                return DbQuery.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A comma-separated list of whole numbers >= 1, e.g. {@code 5,10,20,50}. */
    static final class PositiveIntList implements ITypeConverter<java.util.List<Integer>> {
        @Override
        public java.util.List<Integer> convert(String value) {
            java.util.List<Integer> list = new java.util.ArrayList<>();
            for (String part : value.split(",")) {
                list.add(parse(part.trim(), 1));
            }
            return list;
        }
    }

    /** Durations such as {@code 100ms}, {@code 2s}, {@code 1m}; a bare number is milliseconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = DURATION.matcher(value.trim());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration; use a whole number with ms, s or m, e.g. 100ms or 2s");
            }
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
    }

    /** A request rate: {@code 2000/s} or {@code 2000} (per second; decimals allowed, e.g. {@code 0.5/s}). */
    static final class RateConverter implements ITypeConverter<Double> {
        private static final Pattern RATE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(/s)?");

        @Override
        public Double convert(String value) {
            Matcher m = RATE.matcher(value.trim().replace("_", "").replace(",", ""));
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a rate; use requests per second, e.g. 2000/s or 2000");
            }
            double rate = Double.parseDouble(m.group(1));
            if (rate <= 0 || rate > LoadSettings.MAX_RATE_PER_SEC) {
                throw new TypeConversionException(String.format(Locale.ROOT, "expected a rate above 0 and at most %,d/s, got %s",
                        (long) LoadSettings.MAX_RATE_PER_SEC, value));
            }
            return rate;
        }
    }

    /** A target URL: {@code http://HOST:PORT/PATH?QUERY}. */
    static final class UrlConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return LoadSettings.parseUrl(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A whole number of at least 1. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 1);
        }
    }

    /** A whole number of at least 0. */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 0);
        }
    }

    private static int parse(String value, int min) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number; expected a whole number >= " + min);
        }
        if (parsed < min) {
            throw new TypeConversionException("expected a whole number >= " + min + ", got " + parsed);
        }
        return parsed;
    }
}
