package io.github.camelzalo.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.camelzalo.demo.DemoApplication.DemoRun;
import io.github.camelzalo.demo.DemoApplication.KeptOpen;
import io.github.camelzalo.sandbox.BrowserSupport;
import io.github.camelzalo.sandbox.ConversationEntry;
import io.github.camelzalo.sandbox.OutboxMessage;
import io.github.camelzalo.sandbox.WebhookDelivery;
import io.github.camelzalo.sandbox.ZaloSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as {@code --keep-open} leaves it, in a real Chromium: the sandbox's inbox shows what the demo's runs sent
 * each customer, through which provider and paid by which quota, as the sandbox recorded it; a reply typed in the
 * page as a customer reaches the demo's {@code from("zalo:events")} route, and the route's answer, sent through
 * {@code zalo:send}, appears in the conversation.
 */
class DemoInboxBrowserTest {

    /** Phạm Minh Đức: outside the 7-day window, so a CareSoft script, then the ZNS; he writes after the campaign. */
    private static final String DUC = "0987654321";
    /** Lâm Thị Thu: a follower with one free reply left, who does not write during the run. */
    private static final String THU = "0868123456";

    private ChromeDriver browser;
    private KeptOpen kept;

    @AfterEach
    void closeAll() {
        if (browser != null) {
            browser.quit();
        }
        if (kept != null) {
            kept.inbox().close();
        }
    }

    @Test
    void theInboxShowsWhatTheDemoSentAndTheRouteAnswersAReplyTypedInIt() throws Exception {
        // the browser first: without Chromium the test is skipped before the demo runs
        browser = BrowserSupport.chromium(1280, 900);
        kept = DemoApplication.runAndKeepOpen(DemoSettings.sandboxDefaults("java"));
        ZaloSandbox sandbox = kept.inbox().sandbox();
        assertThat(kept.runs()).extracting(DemoRun::exitCode).containsExactly(0, 0);
        assertThat(sandbox.webhooks().url()).isEqualTo(kept.inbox().webhookUrl());
        try {
            browseTheRunAndReply(sandbox);
        } catch (AssertionError | RuntimeException e) {
            screenshot("demo-inbox-failed.png");
            throw e;
        }
    }

    private void browseTheRunAndReply(ZaloSandbox sandbox) throws Exception {
        // Đức's conversation, as the runs left it: the page shows what the sandbox recorded, message for message
        List<Shown> duc = recorded(sandbox, DUC);
        assertThat(sentByTheOa(duc)).as("what the runs sent Đức").containsExactly(
                "script via caresoft paid by none",      // resellers' run: the transaction script, window closed
                "zns via zalo paid by none",             // official API's run: OUTSIDE_WINDOW, so the ZNS
                "text via zalo paid by reply");          // the route's answer to what he wrote, on a free reply
        assertThat(duc).filteredOn(m -> m.direction().equals("from_customer")).extracting(Shown::text)
                .containsExactly(CustomerConversations.CUSTOMERS_WRITE.get(DUC));
        assertThat(duc.get(duc.size() - 1).text()).isEqualTo(CustomerRepliesRoutes.CANCEL);
        browser.get(kept.inbox().inboxUrl() + "#" + DUC);
        waiting().until(d -> DUC.equals(d.findElement(By.id("conv-phone")).getText()) && shown().equals(duc));
        assertThat(shown().get(1).text()).contains("Phạm Minh Đức", "DH1004");

        // Thu's: the texts and images of both runs, the package's sub_quota paying once her free replies ran out
        List<Shown> thu = recorded(sandbox, THU);
        assertThat(sentByTheOa(thu)).as("what the runs sent Thu").containsExactly(
                "text via caresoft paid by reply",       // her 8th free reply
                "image via etelecom paid by sub_quota",
                "text via zalo paid by sub_quota",
                "image via zalo paid by sub_quota");
        BrowserSupport.click(browser, By.cssSelector("#customers li.customer[data-phone='" + THU + "']"));
        waiting().until(d -> THU.equals(d.findElement(By.id("conv-phone")).getText()) && shown().equals(thu));

        // act as Thu: her message goes to the demo's zalo:events route, which answers through zalo:send
        String written = "Cho mình hủy đơn DH1019 nhé";
        browser.findElement(By.id("reply-text")).sendKeys(written);
        BrowserSupport.click(browser, By.id("reply-send"));
        waiting().until(d -> d.findElement(By.id("webhook-result")).getText()
                .startsWith("user_send_text delivered: the application answered HTTP 200"));
        waiting().until(d -> shown().size() == thu.size() + 2);
        List<Shown> after = shown();
        assertThat(after.subList(0, thu.size())).isEqualTo(thu);
        Shown reply = after.get(thu.size());
        Shown answer = after.get(thu.size() + 1);
        assertThat(reply.direction()).isEqualTo("from_customer");
        assertThat(reply.text()).isEqualTo(written);
        assertThat(answer.direction()).isEqualTo("from_oa");
        assertThat(answer.text()).isEqualTo(CustomerRepliesRoutes.CANCEL);
        // her message opened 8 free replies again: the answer is paid by reply, no longer by sub_quota
        assertThat(answer.sentByTheOa()).isEqualTo("text via zalo paid by reply");
        assertThat(after).isEqualTo(recorded(sandbox, THU));
        // the answer is a real send of the demo's route: in the outbox, to Thu, through provider zalo
        OutboxMessage sent = sandbox.outbox().messagesTo(THU).get(sandbox.outbox().messagesTo(THU).size() - 1);
        assertThat(sent.msgId()).isEqualTo(answer.msgId());
        assertThat(sent.provider()).isEqualTo(OutboxMessage.PROVIDER_ZALO);
        WebhookDelivery event = sandbox.webhooks().deliveries().stream()
                .filter(d -> d.event().eventName().equals("user_send_text") && reply.msgId().equals(d.event().msgId()))
                .findFirst().orElseThrow();
        assertThat(event.url()).isEqualTo(kept.inbox().webhookUrl());
        assertThat(event.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        screenshot("demo-inbox.png");
    }

    /** One message of a conversation, as the page shows it or the sandbox recorded it. */
    record Shown(String direction, String format, String provider, String quota, String msgId, String text) {
        String sentByTheOa() {
            return format + " via " + provider + " paid by " + quota;
        }
    }

    private static List<String> sentByTheOa(List<Shown> conversation) {
        return conversation.stream().filter(m -> m.direction().equals("from_oa")).map(Shown::sentByTheOa).toList();
    }

    /** The conversation of {@code phone} as the sandbox recorded it. */
    private static List<Shown> recorded(ZaloSandbox sandbox, String phone) {
        return sandbox.conversations().of(phone).stream().map(e -> new Shown(
                e.direction() == ConversationEntry.Direction.FROM_OA ? "from_oa" : "from_customer", e.format(),
                e.provider(), e.quotaType(), e.msgId(), e.text())).toList();
    }

    /** The conversation on the page, read in one script so that a re-render cannot come in between. */
    @SuppressWarnings("unchecked")
    private List<Shown> shown() {
        List<List<String>> rows = (List<List<String>>) browser.executeScript(
                "return Array.from(document.querySelectorAll('#messages li.msg')).map(li => {"
                + " const body = li.querySelector('.body');"
                + " return [li.dataset.direction, li.dataset.format, li.dataset.provider, li.dataset.quota || null,"
                + " li.dataset.msgId, body ? body.textContent : null]; })");
        return rows.stream().map(r -> new Shown(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5))).toList();
    }

    /** Waits up to 30 s (a busy 2-core machine); on a timeout the page as it was is in target/demo-inbox-failed.png. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30)) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                return super.timeoutException(message + "; the page shows " + shown() + "; #webhook-result: "
                        + browser.findElement(By.id("webhook-result")).getText(), lastException);
            }
        };
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
