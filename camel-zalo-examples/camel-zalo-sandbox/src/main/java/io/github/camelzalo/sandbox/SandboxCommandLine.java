package io.github.camelzalo.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sandbox's command line: {@code --name=value} options into a {@link ZaloSandbox.Builder}, and {@code --help}. */
final class SandboxCommandLine {

    /** A command line that cannot run: the message says which option and why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** What to do: show the help, or build and run this sandbox. */
    record Parsed(boolean help, ZaloSandbox.Builder builder) {
    }

    private record Option(String name, String value, String help) {
    }

    private static final List<Option> OPTIONS = List.of(
            new Option("--port", "8089", "port on 127.0.0.1 (default: a free port, shown in the banner)"),
            new Option("--customers", "file.csv", "customer directory (default: the sample customers)"),
            new Option("--tenant", "name:key", "a CareSoft tenant and its API key; repeatable (default demo:"
                                               + ZaloSandbox.DEFAULT_CARESOFT_KEY + ")"),
            new Option("--etelecom-key", "key", "eTelecom's API key (default " + ZaloSandbox.DEFAULT_ETELECOM_KEY
                                                + ")"),
            new Option("--rate-limit", "15", "CareSoft requests per second per tenant; 0: no limit"),
            new Option("--lockout-after", "20", "consecutive CareSoft 429s before a 15-minute lock-out; 0: never"),
            new Option("--sub-quota", "2000", "each OA package's consultation quota, sub_quota"),
            new Option("--app-id", "id", "the Zalo app's app_id (default " + ZaloSandbox.DEFAULT_APP_ID + ")"),
            new Option("--app-secret", "key", "the Zalo app's secret key (default "
                                              + ZaloSandbox.DEFAULT_APP_SECRET + ")"),
            new Option("--oa-id", "id", "the default OA's id (default " + ZaloSandbox.DEFAULT_OA_ID + ")"),
            new Option("--oa-secret-key", "key", "the default OA's secret key, for webhook signatures (default "
                                                 + ZaloSandbox.DEFAULT_OA_SECRET_KEY + ")"),
            new Option("--oa", "id:secret-key", "one more OA of the app; repeatable"),
            new Option("--access-token-lifetime", "25h", "access token lifetime: 90s, 2m, 25h, 3d or PT2M"),
            new Option("--refresh-token-lifetime", "90d", "refresh token lifetime, same forms"),
            new Option("--zalo-rate-limit", "4000", "OA API calls per minute for the app before -32; 0: no limit"),
            new Option("--zns-daily-quota", "20000", "ZNS messages per OA per day before -115"),
            new Option("--webhook-url", "url", "where to POST Zalo's webhook events (default: none)"),
            new Option("--webhook-retry-scale", "1", "multiplies the retry schedule 30s, 5m, 15m, 30m, 1h"),
            new Option("--webhook-timeout", "2s", "how long the webhook has to answer 200"),
            new Option("--threads", "4", "HTTP worker threads (default twice the processors, at least 4)"),
            new Option("--help", null, "this text"));

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private SandboxCommandLine() {
    }

    static String help() {
        StringBuilder out = new StringBuilder("""
                Zalo sandbox: a local stand-in for CareSoft, eTelecom and Zalo's own OA API, ZNS and webhooks.

                Usage: java -jar camel-zalo-sandbox-<version>-runnable.jar [options]

                Options:
                """);
        for (Option o : OPTIONS) {
            String left = o.value() == null ? o.name() : o.name() + "=" + o.value();
            out.append(String.format("  %-30s %s%n", left, o.help()));
        }
        out.append("""

                The sample CareSoft scripts and ZNS templates are always there; the banner lists them.
                Ctrl-C stops the sandbox.
                """);
        return out.toString();
    }

    static Parsed parse(String[] args) throws UsageException {
        ZaloSandbox.Builder b = ZaloSandbox.builder();
        boolean customers = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(true, null);
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? null : arg.substring(eq + 1);
            if (OPTIONS.stream().noneMatch(o -> o.name().equals(name))) {
                throw new UsageException("Unknown option " + name + "; run with --help for the options");
            }
            if (value == null || value.isBlank()) {
                throw new UsageException(name + " needs a value: " + name + "=…");
            }
            try {
                switch (name) {
                    case "--port" -> b.port(integer(name, value));
                    case "--customers" -> {
                        Path file = Path.of(value);
                        if (!Files.isReadable(file)) {
                            throw new UsageException("--customers: cannot read " + value);
                        }
                        b.customers(file);
                        customers = true;
                    }
                    case "--tenant" -> {
                        String[] t = value.split(":", 2);
                        b.caresoftTenant(t[0], t.length > 1 ? t[1] : ZaloSandbox.DEFAULT_CARESOFT_KEY);
                    }
                    case "--etelecom-key" -> b.etelecomApiKey(value);
                    case "--rate-limit" -> b.rateLimitPerSecond(integer(name, value));
                    case "--lockout-after" -> b.lockoutAfter(integer(name, value));
                    case "--sub-quota" -> b.subQuota(integer(name, value));
                    case "--app-id" -> b.zaloApp(value, appSecretSoFar(args));
                    case "--app-secret" -> b.zaloApp(appIdSoFar(args), value);
                    case "--oa-id" -> b.oaId(value);
                    case "--oa-secret-key" -> b.oaSecretKey(value);
                    case "--oa" -> {
                        String[] oa = value.split(":", 2);
                        if (oa.length < 2) {
                            throw new UsageException("--oa needs id:secret-key");
                        }
                        b.officialAccount(oa[0], oa[1]);
                    }
                    case "--access-token-lifetime" -> b.accessTokenLifetime(duration(name, value));
                    case "--refresh-token-lifetime" -> b.refreshTokenLifetime(duration(name, value));
                    case "--zalo-rate-limit" -> b.zaloRateLimitPerMinute(integer(name, value));
                    case "--zns-daily-quota" -> b.znsDailyQuota(integer(name, value));
                    case "--webhook-url" -> b.webhookUrl(value);
                    case "--webhook-retry-scale" -> b.webhookRetryScale(decimal(name, value));
                    case "--webhook-timeout" -> b.webhookTimeout(duration(name, value));
                    case "--threads" -> b.threads(integer(name, value));
                    default -> throw new UsageException("Unknown option " + name);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + ": " + e.getMessage());
            }
        }
        if (!customers) {
            b.sampleCustomers();
        }
        b.sampleScriptsAndTemplates();
        return new Parsed(false, b);
    }

    /** {@code 90s}, {@code 2m}, {@code 25h}, {@code 3d}, {@code 500ms} or ISO-8601 {@code PT2M}. */
    static Duration duration(String name, String value) throws UsageException {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be a duration such as 90s, 2m, 25h, 3d or PT2M, not " + value);
        }
    }

    private static int integer(String name, String value) throws UsageException {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, not " + value);
        }
    }

    private static double decimal(String name, String value) throws UsageException {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number such as 0.001, not " + value);
        }
    }

    private static String appIdSoFar(String[] args) {
        return last(args, "--app-id", ZaloSandbox.DEFAULT_APP_ID);
    }

    private static String appSecretSoFar(String[] args) {
        return last(args, "--app-secret", ZaloSandbox.DEFAULT_APP_SECRET);
    }

    /** The value of the last {@code name=…} anywhere on the line, so --app-id and --app-secret go in any order. */
    private static String last(String[] args, String name, String absent) {
        String found = absent;
        for (String a : args) {
            if (a.startsWith(name + "=") && a.length() > name.length() + 1) {
                found = a.substring(name.length() + 1);
            }
        }
        return found;
    }
}
