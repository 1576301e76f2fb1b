package io.github.camelzalo.demo;

import java.util.List;
import java.util.Map;

import io.github.camelzalo.demo.DemoApplication.DemoRun;
import io.github.camelzalo.sandbox.OutboxMessage;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole demo, in both DSLs, against the sandbox: the report, and what each customer really received. */
class DemoRunTest {

    @ParameterizedTest(name = "{0} DSL")
    @ValueSource(strings = { "java", "yaml" })
    void theCustomerCareRunSendsWhatZaloAllowsAndReportsIt(String dsl) throws Exception {
        DemoSettings settings = DemoSettings.sandboxDefaults(dsl);
        try (ZaloSandbox sandbox = DemoApplication.sandboxFor(settings).build().start()) {
            DemoRun run = DemoApplication.runAgainst(sandbox, settings);
            CampaignReport report = run.report();

            assertThat(run.exitCode()).isZero();
            assertThat(report.customers()).isEqualTo(20);
            assertThat(report.countOf(Outcome.CONSULTATION_TEXT)).isEqualTo(7);
            assertThat(report.countOf(Outcome.TRANSACTION_SCRIPT)).isEqualTo(7);
            assertThat(report.countOf(Outcome.IMAGE)).isEqualTo(8);
            assertThat(report.countOf(Outcome.SKIPPED)).isEqualTo(4);
            assertThat(report.countOf(Outcome.DEAD_LETTER)).isEqualTo(2);
            assertThat(report.skipReasons()).containsEntry("not on Zalo", 2)
                    .containsEntry("no interaction in 7 days, no transaction permission", 2);
            assertThat(report.deadLetters()).hasSize(2);
            assertThat(report.deadLetters().get(0)).contains("invalid input, CamelZaloPhoneNo").doesNotContain("098-123-49");
            assertThat(report.deadLetters().get(1)).contains("REJECTED from caresoft");
            assertThat(report.imagesPaidBy()).isEqualTo(Map.of("reply", 5, "sub_quota", 3));
            assertThat(report.render(run.target())).contains("customers read            20", "time taken",
                    "OA package quota left     1997 of 2000");

            // the outbox: who got what, paid by which quota
            assertThat(sandbox.outbox().size()).isEqualTo(22);
            assertReceived(sandbox, "0981234980", "text:reply", "image:reply");
            assertReceived(sandbox, "0912345678", "text:reply", "image:reply");
            assertReceived(sandbox, "0903456789", "script:none");              // not a follower: no image
            assertReceived(sandbox, "0987654321", "script:none");              // outside the 7-day window
            assertReceived(sandbox, "0934567890", "script:none", "image:sub_quota"); // free replies used up
            assertReceived(sandbox, "0398765432", "script:none", "image:sub_quota"); // window open, 48 h passed
            assertReceived(sandbox, "0868123456", "text:reply", "image:sub_quota");  // the 8th free reply was the text
            assertReceived(sandbox, "0915551234", "text:reply", "image:reply");      // written +84 91 555 1234
            assertReceived(sandbox, "0977123456");                               // not on Zalo
            assertReceived(sandbox, "0352345678");                               // nothing allowed
            OutboxMessage script = sandbox.outbox().messagesTo("0987654321").get(0);
            assertThat(script.scriptId()).isEqualTo(201L);
            assertThat(script.text()).isEqualTo("Chào Phạm Minh Đức, đơn hàng DH1004 đã được giao thành công. Cảm ơn anh/chị!");
            OutboxMessage text = sandbox.outbox().messagesTo("0981234980").get(0);
            assertThat(text.text()).startsWith("Chào Nguyễn Trọng Nghĩa, đơn hàng DH1001 đang trên đường giao.");
            OutboxMessage image = sandbox.outbox().messagesTo("0981234980").get(1);
            assertThat(image.imageUrl()).isEqualTo(DemoSettings.DEFAULT_IMAGE_URL);
            assertThat(image.zaloId()).isEqualTo("8941234567136201");
            assertThat(sandbox.stats().lockouts()).isZero();
            assertThat(reportLines(report.render(run.target())))
                    .as("the sample output in the README's quick start").isEqualTo(reportLines(readmeSample()));
        }
    }

    /** The report's lines but the two that differ from run to run (the sandbox's port, the time taken). */
    private static List<String> reportLines(String report) {
        return report.lines().filter(line -> !line.isBlank())
                .filter(line -> !line.startsWith("providers ") && !line.startsWith("time taken ")).toList();
    }

    /** The README's sample output of the demo: the block that starts with the report's title. */
    private static String readmeSample() throws java.io.IOException {
        return readmeSample("=== Zalo customer-care run ===");
    }

    /** The report in the README's sample output that starts with {@code title}, up to the next report or the end. */
    static String readmeSample(String title) throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../../README.md"));
        int start = readme.indexOf(title);
        assertThat(start).as("the README shows the demo's report " + title).isPositive();
        int end = readme.indexOf("```", start);
        int next = readme.indexOf("\n=== ", start + title.length());
        return readme.substring(start, next > 0 && next < end ? next : end);
    }

    /** The report's lines but the two that differ from run to run (the sandbox's port, the time taken). */
    static List<String> comparable(String report) {
        return reportLines(report);
    }

    private static void assertReceived(ZaloSandbox sandbox, String phone, String... formatAndQuota) {
        List<String> got = sandbox.outbox().messagesTo(phone).stream()
                .map(m -> m.format() + ":" + m.quotaType()).toList();
        assertThat(got).as(phone).containsExactly(formatAndQuota);
    }
}
