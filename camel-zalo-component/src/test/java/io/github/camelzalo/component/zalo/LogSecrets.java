package io.github.camelzalo.component.zalo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must never appear in a log or an exception message: the tests' API keys, a Bearer token, a customer's
 * phone number unmasked. Masked forms ({@code 098****980}, {@code Bearer ******}) pass.
 */
final class LogSecrets {

    /**
     * A Vietnamese mobile number written in full in any shape the component accepts ({@code 0981234980},
     * {@code 84981234980}, {@code +84 98 123 4980}, {@code (098) 123-4980}: spaces, dots, dashes and parentheses
     * anywhere between the digits), standing on its own: not inside a longer run of digits (OA ids) or of letters and
     * digits (random ids such as UUIDs, which do contain such runs).
     */
    static final Pattern UNMASKED_PHONE = Pattern.compile(
            "(?<![\\w*+])(?:\\+[\\s.()-]*8[\\s.()-]*4|8[\\s.()-]*4|0)[\\s.()-]*[35789](?:[\\s.()-]*\\d){8}(?![\\w*])");

    /** A Bearer token that is not masked. */
    static final Pattern BEARER_TOKEN = Pattern.compile("Bearer\\s+[A-Za-z0-9._~+/=-]{4,}");

    /**
     * The tests' API keys. Keys in other tests follow the same shape ({@code cs-…-token-…}, {@code et-…-key-…}),
     * so the pattern finds them too without a list to keep up to date.
     */
    static final Pattern TEST_API_KEY = Pattern.compile(
            Pattern.quote(ZaloTestSupport.CARESOFT_KEY) + "|" + Pattern.quote(ZaloTestSupport.ETELECOM_KEY)
                                                        + "|\\b(?:cs|et)-[a-z]+-(?:token|key)-[0-9a-f]{4,}\\b");

    /**
     * The official API's secrets in the tests: the app secret, the OA secret key and the OAuth tokens, all shaped
     * {@code zalo-secret-…-<hex>} or {@code zalo-token-…-<hex>}.
     */
    static final Pattern ZALO_SECRET = Pattern.compile("\\bzalo-(?:secret|token)-[a-z]+-[0-9a-f]{4,}\\b");

    /** The Basic credentials of an outbound proxy as HttpClient would log them: Base64, which decodes to the password. */
    static final Pattern PROXY_CREDENTIALS = Pattern.compile("Proxy-Authorization: Basic [A-Za-z0-9+/=]{6,}");

    private LogSecrets() {
    }

    /** Each secret found in the text, with a little context to find it by, masked itself. */
    static List<String> findIn(String text) {
        return findIn(text, null).reported();
    }

    /**
     * The secrets in the text, except on lines (as reported, secret masked) that {@code allowed} matches: those are
     * only counted.
     */
    static Findings findIn(String text, Pattern allowed) {
        List<String> reported = new ArrayList<>();
        int allowedCount = 0;
        for (Pattern p : List.of(TEST_API_KEY, ZALO_SECRET, BEARER_TOKEN, UNMASKED_PHONE, PROXY_CREDENTIALS)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int lineStart = text.lastIndexOf('\n', m.start()) + 1;
                int lineEnd = text.indexOf('\n', m.end());
                String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
                // the report shows where, not the secret itself
                String shown = line.replace(m.group(), "<" + kind(p) + ">");
                if (allowed != null && allowed.matcher(shown).matches()) {
                    allowedCount++;
                } else if (reported.size() < 50) {
                    reported.add(shown);
                }
            }
        }
        return new Findings(reported, allowedCount);
    }

    record Findings(List<String> reported, int allowed) {
    }

    private static String kind(Pattern p) {
        return p == UNMASKED_PHONE ? "PHONE" : p == BEARER_TOKEN ? "BEARER TOKEN" : p == ZALO_SECRET ? "ZALO SECRET"
                : p == PROXY_CREDENTIALS ? "PROXY CREDENTIALS" : "API KEY";
    }
}
