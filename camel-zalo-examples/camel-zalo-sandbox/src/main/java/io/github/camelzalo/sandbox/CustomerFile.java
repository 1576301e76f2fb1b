package io.github.camelzalo.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads customers from a CSV file (UTF-8, comma-separated, a header row, {@code "quoted, fields"} allowed, lines
 * starting with {@code #} ignored). Columns, in any order, by header name:
 *
 * <pre>
 * phone,contact_id,zalo_id,name,follows,last_interaction,replies_used
 * 0981234980,631292,8941234567136201,Nguyễn Trọng Nghĩa,true,-2h,0
 * 0912345678,631293,,Trần Thị Bích,false,,0
 * </pre>
 *
 * <ul>
 * <li>{@code phone} (required): {@code 0…}, {@code 84…} or {@code +84…}. A row whose phone is not a Vietnamese
 * mobile number is skipped with a warning, so a demo's input file may hold deliberately bad rows.</li>
 * <li>{@code contact_id}: the CareSoft contact id, digits. A row without one is skipped with a warning: a customer
 * CareSoft does not know, whom a demo can still try to reach.</li>
 * <li>{@code zalo_id}: the Zalo user id; empty when the number has no Zalo account the OA can see.</li>
 * <li>{@code name}, {@code follows} ({@code true/false/1/0/yes/no}, empty is false).</li>
 * <li>{@code last_interaction}: the user's last message to the OA. Empty or {@code never}: none. Relative to the
 * sandbox clock when the file is loaded: {@code now}, {@code -2h}, {@code -6d23h}, {@code -30m}, {@code -10s}, so a
 * shipped file stays valid whenever it runs. Absolute: {@code 2026-03-02 09:00:00} (Vietnam time) or ISO-8601 with
 * an offset.</li>
 * <li>{@code replies_used}: free replies already sent since that message (0 to 8), default 0.</li>
 * </ul>
 * Optional columns for Zalo's own API ({@link ZaloProfile}); files without them stay valid:
 * <ul>
 * <li>{@code tags}, {@code notes}: the OA's tags and notes on the user, separated by {@code ;}.</li>
 * <li>{@code shares_info} (flag): the user shared their phone number with the OA; {@code address}, {@code city},
 * {@code district}: what they shared with it.</li>
 * <li>{@code alias}, {@code avatar}: the OA's alias for the user, the avatar URL.</li>
 * <li>{@code zns_consent} (flag, default true): false when the user refused ZNS from the OA.</li>
 * <li>{@code admin} (flag): an admin of the app and OA, who gets ZNS sent in development mode.</li>
 * </ul>
 * Other columns are ignored.
 */
public final class CustomerFile {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerFile.class);
    private static final Pattern RELATIVE = Pattern.compile("-((?:\\d+[dhms])+)");
    private static final Pattern RELATIVE_PART = Pattern.compile("(\\d+)([dhms])");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CustomerFile() {
    }

    public static List<Customer> read(Path csv, Instant now) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader, now, csv.toString());
        }
    }

    /** Reads a file from the class path or any URL, e.g. {@code getClass().getResource("/customers.csv")}. */
    public static List<Customer> read(URL csv, Instant now) throws IOException {
        try (Reader reader = new InputStreamReader(csv.openStream(), StandardCharsets.UTF_8)) {
            return read(reader, now, csv.toString());
        }
    }

    /**
     * @param  now                      the instant relative times ({@code -2h}) count back from
     * @throws IllegalArgumentException naming the line when a value is malformed
     */
    public static List<Customer> read(Reader csv, Instant now, String source) {
        BufferedReader in = csv instanceof BufferedReader b ? b : new BufferedReader(csv);
        List<Customer> customers = new ArrayList<>();
        Map<String, Integer> columns = null;
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                List<String> fields = split(line);
                if (columns == null) {
                    columns = header(fields, source);
                    continue;
                }
                Customer c = row(fields, columns, now, source + ":" + lineNo);
                if (c != null) {
                    customers.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return customers;
    }

    private static Map<String, Integer> header(List<String> fields, String source) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.put(fields.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("phone") || !columns.containsKey("contact_id")) {
            throw new IllegalArgumentException(source + ": the header must name at least the columns phone and"
                                               + " contact_id, but is " + fields);
        }
        return columns;
    }

    private static Customer row(List<String> fields, Map<String, Integer> columns, Instant now, String where) {
        String phone = value(fields, columns, "phone");
        if (PhoneNumbers.toNational(phone) == null) {
            LOG.warn("{}: skipped, \"{}\" is not a Vietnamese mobile number", where, phone);
            return null;
        }
        if (value(fields, columns, "contact_id").isBlank()) {
            LOG.warn("{}: skipped, no contact_id: CareSoft does not know this customer", where);
            return null;
        }
        try {
            String repliesUsed = value(fields, columns, "replies_used");
            return new Customer(phone, value(fields, columns, "contact_id"), value(fields, columns, "zalo_id"),
                    value(fields, columns, "name"), flag(value(fields, columns, "follows"), "follows"),
                    time(value(fields, columns, "last_interaction"), now),
                    repliesUsed.isEmpty() ? 0 : Integer.parseInt(repliesUsed), profile(fields, columns));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= fields.size() ? "" : fields.get(i).strip();
    }

    private static ZaloProfile profile(List<String> fields, Map<String, Integer> columns) {
        String zns = value(fields, columns, "zns_consent");
        return new ZaloProfile(emptyToNull(value(fields, columns, "alias")),
                emptyToNull(value(fields, columns, "avatar")), list(value(fields, columns, "tags")),
                list(value(fields, columns, "notes")), flag(value(fields, columns, "shares_info"), "shares_info"),
                emptyToNull(value(fields, columns, "address")), emptyToNull(value(fields, columns, "city")),
                emptyToNull(value(fields, columns, "district")), zns.isEmpty() || flag(zns, "zns_consent"),
                flag(value(fields, columns, "admin"), "admin"));
    }

    private static List<String> list(String v) {
        return v.isEmpty() ? List.of()
                : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String v) {
        return v.isEmpty() ? null : v;
    }

    private static boolean flag(String v, String column) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "", "false", "0", "no", "n" -> false;
            case "true", "1", "yes", "y" -> true;
            default -> throw new IllegalArgumentException(column + " must be true or false, but is \"" + v + "\"");
        };
    }

    /** {@code now}, {@code -6d23h}, {@code 2026-03-02 09:00:00} (Vietnam), ISO-8601 with offset; empty: none. */
    static Instant time(String v, Instant now) {
        if (v.isEmpty() || v.equalsIgnoreCase("never")) {
            return null;
        }
        if (v.equalsIgnoreCase("now")) {
            return now;
        }
        Matcher relative = RELATIVE.matcher(v);
        if (relative.matches()) {
            Duration ago = Duration.ZERO;
            Matcher part = RELATIVE_PART.matcher(relative.group(1));
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                ago = ago.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
            }
            return now.minus(ago);
        }
        try {
            return LocalDateTime.parse(v, LOCAL).atZone(SandboxClock.VIETNAM).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("last_interaction must be empty, now, a time ago such as -2h or"
                                                   + " -6d23h, or a time such as 2026-03-02 09:00:00, but is \"" + v
                                                   + "\"");
            }
        }
    }

    /** One CSV line into fields: commas separate, double quotes enclose, {@code ""} is a quote inside quotes. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
