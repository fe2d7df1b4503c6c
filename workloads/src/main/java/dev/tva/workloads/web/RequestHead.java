package dev.tva.workloads.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's rules for a request head (RFC 9112 and RFC 9110), checked the same way on every server: a head
 * that breaks one is refused with the {@link Replies.Reply} named here, and its connection is closed.
 */
public final class RequestHead {
    /** 400: a bad chunk size or chunk line; found while the body is read, not in the head. */
    public static final Replies.Reply MALFORMED_CHUNK = new Replies.Reply(400,
            "malformed chunked body: a chunk is a hex size, CRLF, its data, CRLF\n");
    /** 400: a head the server's own parser could not split into a request line and fields. */
    public static final Replies.Reply MALFORMED_HEAD = new Replies.Reply(400,
            "malformed request head: every line must be name: value and end in CRLF\n");

    private RequestHead() {
    }

    /**
     * Why a request with this {@code version} (as in its request line, e.g. {@code HTTP/1.1}) and these
     * {@code fields} (name and value, in the order received, values without surrounding whitespace) is
     * refused, or empty when it is served.
     */
    public static Optional<Replies.Reply> refusal(String version, List<Map.Entry<String, String>> fields) {
        Optional<Replies.Reply> unsupported = versionRefusal(version);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        List<String> hosts = new ArrayList<>();
        List<String> lengths = new ArrayList<>();
        List<String> codings = new ArrayList<>();
        for (Map.Entry<String, String> field : fields) {
            String name = field.getKey();
            if (name.isEmpty() || !name.chars().allMatch(RequestHead::isTokenChar)) {
                return Optional.of(new Replies.Reply(400, "field name '" + abbreviate(name)
                        + "' is not a token (no whitespace before the colon)\n"));
            }
            if (field.getValue().chars().anyMatch(c -> c == 0 || c == '\r' || c == '\n')) {
                return Optional.of(new Replies.Reply(400, "a field value has a NUL, CR or LF in it\n"));
            }
            switch (name.toLowerCase(Locale.ROOT)) {
                case "host" -> hosts.add(field.getValue());
                case "content-length" -> lengths.add(field.getValue());
                case "transfer-encoding" -> codings.addAll(List.of(field.getValue().split(",", -1)));
                default -> { }
            }
        }
        if (version.equals("HTTP/1.1") ? hosts.size() != 1 : hosts.size() > 1) {
            return Optional.of(new Replies.Reply(400, "a request needs exactly one Host field (at most one in HTTP/1.0); this one has "
                    + hosts.size() + "\n"));
        }
        if (!lengths.isEmpty() && !codings.isEmpty()) {
            return Optional.of(Replies.AMBIGUOUS_LENGTH);
        }
        if (lengths.size() > 1 || lengths.stream().anyMatch(length -> !isDigits(length))) {
            return Optional.of(new Replies.Reply(400, "Content-Length must be one field of digits only, got "
                    + abbreviate(String.join(", ", lengths)) + "\n"));
        }
        if (!codings.isEmpty() && !(codings.size() == 1 && codings.getFirst().strip().equalsIgnoreCase("chunked"))) {
            return Optional.of(new Replies.Reply(501, "Transfer-Encoding " + abbreviate(String.join(",", codings).strip())
                    + " is not supported; only chunked, alone\n"));
        }
        return Optional.empty();
    }

    /** 505 for any version but {@code HTTP/1.1} and {@code HTTP/1.0} (as in a request line), or empty. */
    public static Optional<Replies.Reply> versionRefusal(String version) {
        if (version.equals("HTTP/1.1") || version.equals("HTTP/1.0")) {
            return Optional.empty();
        }
        return Optional.of(new Replies.Reply(505, "HTTP version " + abbreviate(version)
                + " is not supported; only HTTP/1.1 and HTTP/1.0\n"));
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A {@code tchar} of RFC 9110 section 5.6.2. */
    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String abbreviate(String raw) {
        String printable = raw.replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
