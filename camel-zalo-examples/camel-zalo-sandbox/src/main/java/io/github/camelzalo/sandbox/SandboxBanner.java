package io.github.camelzalo.sandbox;

import java.util.stream.Collectors;

/**
 * What the standalone sandbox prints when it starts: every base URL with the sandbox's own keys to configure a
 * client with, the scripts and ZNS templates with their parameters, and the admin endpoints. The keys are the
 * sandbox's own (its defaults or those given on its command line); tokens are not printed, they are issued on
 * request ({@code POST /sandbox/oauth/<oa>/tokens}).
 */
final class SandboxBanner {

    private SandboxBanner() {
    }

    static String of(ZaloSandbox s) {
        StringBuilder b = new StringBuilder();
        b.append("Zalo sandbox on ").append(s.baseUrl()).append(" (").append(s.directory().size())
                .append(" customers)\n");
        line(b, "inbox", s.baseUrl() + "/   open it in a browser: customers, conversations, act as a customer");
        for (String tenant : s.caresoftTenants()) {
            line(b, "CareSoft base URL", s.caresoftBaseUrl(tenant) + "   key " + s.caresoftApiKey(tenant));
        }
        line(b, "eTelecom base URL", s.etelecomBaseUrl() + "   key " + s.etelecomApiKey());
        line(b, "Zalo OAuth", s.zaloOauthBaseUrl() + "   app " + s.appId() + ", secret key " + s.appSecret());
        line(b, "Zalo OA API", s.zaloOpenApiBaseUrl());
        line(b, "Zalo ZNS", s.zaloBusinessBaseUrl());
        for (OfficialAccount oa : s.officialAccounts()) {
            line(b, "OA " + oa.oaId(), oa.name() + ", secret key " + oa.secretKey() + "; tokens: curl -s -X POST "
                                       + s.baseUrl() + "/sandbox/oauth/" + oa.oaId() + "/tokens");
        }
        line(b, "webhook", s.webhooks().url() != null ? s.webhooks().url()
                : "none (--webhook-url, or PUT " + s.baseUrl() + "/sandbox/webhooks {\"url\":…})");
        b.append("  CareSoft scripts:\n");
        s.scripts().values().stream().sorted((x, y) -> Long.compare(x.id(), y.id())).forEach(script -> b.append(
                String.format("    %-8d %-13s %s%n", script.id(), script.type().wireName(),
                        params(String.join(", ", script.parameters())))));
        b.append("  ZNS templates:\n");
        s.znsTemplates().all().forEach(t -> b.append(String.format("    %-8s %-15s %s %s%n", t.templateId(),
                t.status(), t.templateName(), params(t.params().stream().map(ZnsParam::name)
                        .collect(Collectors.joining(", "))))));
        line(b, "look inside", s.baseUrl() + "/sandbox/{outbox,customers,stats,webhooks,scripts,zns-templates,"
                               + "oauth,clock}");
        String tenant = s.caresoftTenants().get(0);
        b.append("  try: curl -s -H 'Authorization: Bearer ").append(s.caresoftApiKey(tenant))
                .append("' -H 'Content-Type: application/json' \\\n         -d '{\"phone_no\":\"0981234980\"}' ")
                .append(s.caresoftBaseUrl(tenant)).append("/api/v1/zalo/user-status\n");
        b.append("Ctrl-C stops it.\n");
        return b.toString();
    }

    private static String params(String names) {
        return names.isEmpty() ? "(no parameters)" : "(" + names + ")";
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format("  %-22s: %s%n", label, value));
    }
}
