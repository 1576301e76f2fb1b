package io.github.camelzalo.demo;

import java.util.List;

import io.github.camelzalo.demo.DemoApplication.DemoRun;
import io.github.camelzalo.sandbox.ConversationEntry;
import io.github.camelzalo.sandbox.WebhookDelivery;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's run through the official API against the sandbox, after the resellers' run as the demo's one command
 * makes them: the same customers (whose free replies the first run already used in part), the ZNS fallback for those
 * Zalo no longer lets the OA write to, and an access token that expires at the 10th customer, refreshed once with no
 * message failing for it.
 */
class OfficialApiDemoRunTest {

    @Test
    void theOfficialApiRunSendsWhatZaloAllowsFallsBackToZnsAndSurvivesTheTokenExpiring() throws Exception {
        DemoSettings settings = DemoSettings.sandboxDefaults("java");
        try (ZaloSandbox sandbox = DemoApplication.sandboxFor(settings).build().start()) {
            DemoApplication.runAgainst(sandbox, settings);
            DemoRun run = DemoApplication.runOfficialAgainst(sandbox, settings);
            CampaignReport report = run.report();

            assertThat(run.exitCode()).isZero();
            assertThat(report.customers()).isEqualTo(20);
            assertThat(report.countOf(Outcome.CONSULTATION_TEXT)).isEqualTo(10);
            assertThat(report.textsPaidBy()).containsEntry("reply", 6).containsEntry("sub_quota", 4);
            assertThat(report.countOf(Outcome.ZNS_FALLBACK)).isEqualTo(6);
            assertThat(report.countOf(Outcome.IMAGE)).isEqualTo(8);
            assertThat(report.countOf(Outcome.SKIPPED)).isEqualTo(2);
            assertThat(report.skipReasons()).containsEntry("not on Zalo", 2);
            assertThat(report.deadLetters()).hasSize(2).allSatisfy(d -> assertThat(d).contains("REJECTED from zalo"));

            // the token: the seed's refresh, then one when it expired mid-run; nothing refused for it
            assertThat(sandbox.oauth().counters(sandbox.oaId()).refreshes()).isEqualTo(2);
            assertThat(sandbox.oauth().counters(sandbox.oaId()).rejectedRefreshTokens()).isZero();
            assertThat(report.render(run.target())).contains("access token refreshes    2");

            // the outbox: what each customer got through provider zalo, paid by which quota
            // (the last text of the four customers who write after the campaign is the demo's answer, on the free
            // replies their message opened)
            assertReceived(sandbox, "0981234980", "text:reply", "image:reply", "text:reply");
            assertReceived(sandbox, "0903456789", "text:sub_quota");               // not a follower: no image
            assertReceived(sandbox, "0987654321", "zns:none", "text:reply");       // outside the 7-day window
            assertReceived(sandbox, "0707654321", "zns:none");                     // never wrote to the OA
            assertReceived(sandbox, "0934567890", "text:sub_quota", "image:sub_quota", // free replies used up
                    "text:reply");
            assertReceived(sandbox, "0868123456", "text:sub_quota", "image:sub_quota"); // the first run had the 8th
            assertReceived(sandbox, "0977123456");                                // not on Zalo
            // the two-way part: four customers wrote, each got the answer of their keyword through zalo:send
            assertThat(report.render(run.target())).contains(
                    "replies handled           4   {cancel=1, opening hours=1, order status=1, other=1}");
            assertThat(sandbox.conversations().of("0987654321").stream().map(ConversationEntry::text))
                    .contains("Tôi muốn hủy đơn DH1004", CustomerRepliesRoutes.CANCEL);
            assertThat(sandbox.conversations().of("0912345678").stream().map(ConversationEntry::text))
                    .contains(CustomerRepliesRoutes.HOURS);
            assertThat(sandbox.conversations().of("0981234980").stream().map(ConversationEntry::text))
                    .contains(CustomerRepliesRoutes.ORDER);
            assertThat(sandbox.conversations().of("0934567890").stream().map(ConversationEntry::text))
                    .contains(CustomerRepliesRoutes.OTHER);
            // every message the official API's run sent came back as a delivery receipt
            long sentByZalo = sandbox.outbox().messages().stream().filter(m -> "zalo".equals(m.provider())).count();
            assertThat(report.render(run.target())).contains("messages delivered        " + sentByZalo + " ");
            assertThat(sandbox.webhooks().deliveries()).allSatisfy(d -> assertThat(d.status())
                    .isEqualTo(WebhookDelivery.Status.DELIVERED));
            assertThat(sandbox.outbox().messagesTo("0987654321").stream().filter(m -> "zalo".equals(m.provider()))
                    .findFirst().orElseThrow().templateId()).isEqualTo("2450001");
            assertThat(DemoRunTest.comparable(report.render(run.target())))
                    .as("the official API's sample output in the README's quick start")
                    .isEqualTo(DemoRunTest.comparable(DemoRunTest.readmeSample("=== Zalo customer-care run, official API")));
        }
    }

    /** What the official API's run sent to {@code phone}: provider zalo's messages in the outbox. */
    private static void assertReceived(ZaloSandbox sandbox, String phone, String... formatAndQuota) {
        List<String> got = sandbox.outbox().messagesTo(phone).stream().filter(m -> "zalo".equals(m.provider()))
                .map(m -> m.format() + ":" + m.quotaType()).toList();
        assertThat(got).as(phone).containsExactly(formatAndQuota);
    }
}
