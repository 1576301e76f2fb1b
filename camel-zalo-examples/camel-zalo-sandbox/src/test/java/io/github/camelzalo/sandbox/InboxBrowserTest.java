package io.github.camelzalo.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.ZaloConstants;
import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox in a real Chromium: what the component sent shows in the customer's conversation with the provider and
 * the quota that paid for it; acting as the customer posts a signed webhook to the application and the page says
 * how the application answered; the clock and OAuth controls change what Zalo then allows.
 */
class InboxBrowserTest extends CamelTestSupport {

    private static final String NGHIA = "0981234980";
    private static final String NGHIA_ZALO = "8941234567136201";
    private static final String DUC = "0987654321";

    private ZaloSandbox sandbox;
    private WebhookReceiver application;
    private ChromeDriver browser;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        application = new WebhookReceiver();
        sandbox = ZaloSandbox.builder().port(0).sampleData().webhookUrl(application.url()).build().start();
        CamelContext context = super.createCamelContext();
        ZaloComponent zalo = new ZaloComponent();
        zalo.getConfiguration().setOaId(sandbox.oaId());
        zalo.getConfiguration().setRequestTimeout(5_000);
        zalo.getCaresoft().setBaseUrl(sandbox.caresoftBaseUrl());
        zalo.getCaresoft().setApiKey(sandbox.caresoftApiKey());
        zalo.getZalo().setAppId(sandbox.appId());
        zalo.getZalo().setAppSecret(sandbox.appSecret());
        zalo.getZalo().setOauthBaseUrl(sandbox.zaloOauthBaseUrl());
        zalo.getZalo().setOpenApiBaseUrl(sandbox.zaloOpenApiBaseUrl());
        zalo.getZalo().setBusinessBaseUrl(sandbox.zaloBusinessBaseUrl());
        zalo.getZalo().setTokenStore(new InMemoryTokenStore());
        zalo.getZalo().setRefreshToken(sandbox.issueTokens(sandbox.oaId()).refreshToken());
        context.addComponent("zalo", zalo);
        return context;
    }

    @AfterEach
    void closeAll() {
        if (browser != null) {
            browser.quit();
        }
        sandbox.close();
        application.close();
    }

    private Exchange send(String uri, Object body, Object... headers) {
        Exchange out = template.request(uri, e -> {
            e.getMessage().setBody(body);
            for (int i = 0; i < headers.length; i += 2) {
                e.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
        assertThat(out.getException()).isNull();
        return out;
    }

    /** Waits up to 20 s (a busy 2-core machine); on a timeout the page as it was is in {@code target/inbox-failed.png}. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20)) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                try {
                    screenshot("inbox-failed.png");
                } catch (Exception e) {
                    // the timeout is what matters
                }
                return super.timeoutException(message + "; #webhook-result: "
                        + browser.findElement(By.id("webhook-result")).getText() + "; #status: "
                        + browser.findElement(By.id("status")).getText(), lastException);
            }
        };
        // the page redraws what changed as it polls the sandbox: an element found a moment before may be gone
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private List<WebElement> messages(String direction) {
        return browser.findElements(By.cssSelector("#messages li.msg[data-direction='" + direction + "']"));
    }

    private WebElement customer(String phone) {
        return browser.findElement(customerBy(phone));
    }

    private static By customerBy(String phone) {
        return By.cssSelector("#customers li.customer[data-phone='" + phone + "']");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void whatTheRouteSentShowsWithItsQuotaAndTheCustomersReplyReachesTheApplication() throws Exception {
        send("zalo:send?provider=zalo", "Đơn hàng DH1001 của anh đã được giao", ZaloConstants.USER_ID, NGHIA_ZALO);
        send("zalo:send", "Cảm ơn anh đã mua hàng", ZaloConstants.PHONE_NO, NGHIA);
        send("zalo:sendZns", null, ZaloConstants.PHONE_NO, DUC, ZaloConstants.TEMPLATE_ID, "2450001",
                ZaloConstants.TEMPLATE_DATA, Map.of("customer_name", "Đức", "order_code", "DH1002",
                        "amount", 250000, "delivery_date", "05/12/2026"));

        browser = BrowserSupport.chromium(1280, 900);
        browser.get(sandbox.baseUrl() + "/#" + NGHIA);
        waiting().until(d -> messages("from_oa").size() == 2);
        assertThat(messages("from_oa")).extracting(m -> m.getAttribute("data-provider"))
                .containsExactly("zalo", "caresoft");
        assertThat(messages("from_oa").get(0).getAttribute("data-quota")).isEqualTo("reply");
        assertThat(messages("from_oa").get(0).getText()).contains("Đơn hàng DH1001 của anh đã được giao",
                "via zalo", "paid by reply");
        assertThat(customer(NGHIA).getText()).contains("Nguyễn Trọng Nghĩa", "follower", "ZNS ok");
        assertThat(customer(DUC).getText()).contains("window closed");

        // Đức's ZNS, as the page lists it when he is picked
        BrowserSupport.click(browser, customerBy(DUC));
        waiting().until(d -> messages("from_oa").size() == 1);
        assertThat(messages("from_oa").get(0).getAttribute("data-format")).isEqualTo("zns");
        assertThat(browser.findElement(By.id("conv-name")).getText()).isEqualTo("Phạm Minh Đức");

        // act as Nghĩa: the reply goes to the application as a signed user_send_text
        BrowserSupport.click(browser, customerBy(NGHIA));
        waiting().until(d -> messages("from_oa").size() == 2);
        browser.findElement(By.id("reply-text")).sendKeys("Cho em hỏi phí giao hàng ạ");
        BrowserSupport.click(browser, By.id("reply-send"));
        waiting().until(d -> d.findElement(By.id("webhook-result")).getText()
                .startsWith("user_send_text delivered: the application answered HTTP 200"));
        WebhookReceiver.Received event = application.named("user_send_text").get(0);
        assertThat(event.json().path("event_name").asText()).isEqualTo("user_send_text");
        assertThat(event.json().path("sender").path("id").asText()).isEqualTo(NGHIA_ZALO);
        assertThat(event.json().path("message").path("text").asText()).isEqualTo("Cho em hỏi phí giao hàng ạ");
        assertThat(event.header(WebhookSignature.HEADER)).startsWith("mac=");
        waiting().until(d -> messages("from_customer").size() == 1);
        assertThat(messages("from_customer").get(0).getText()).contains("Cho em hỏi phí giao hàng ạ");

        // the application answers; the page shows it without a reload
        send("zalo:send?provider=zalo", "Giao hàng miễn phí cho đơn từ 300.000đ ạ", ZaloConstants.USER_ID,
                NGHIA_ZALO);
        waiting().until(d -> messages("from_oa").size() == 3);
        assertThat(messages("from_oa").get(2).getText()).contains("Giao hàng miễn phí", "paid by reply");
        screenshot("inbox.png");
    }

    @Test
    void theClockClosesWindowsAndRevokingTokensShowsInTheOAuthState() throws Exception {
        send("zalo:send?provider=zalo", "Chào anh", ZaloConstants.USER_ID, NGHIA_ZALO);
        browser = BrowserSupport.chromium(1280, 900);
        browser.get(sandbox.baseUrl() + "/");
        waiting().until(d -> customer(NGHIA).getText().contains("window 6 d"));

        BrowserSupport.click(browser, By.cssSelector("[data-advance='P7D']"));
        waiting().until(d -> customer(NGHIA).getText().contains("window closed"));

        WebElement oauth = browser.findElement(By.id("tab-oauth"));
        assertThat(oauth.getText()).contains("refreshes\n1");
        BrowserSupport.click(browser, By.cssSelector("#tab-oauth button[data-oa='" + sandbox.oaId() + "']"));
        waiting().until(d -> sandbox.oauth().currentTokens(sandbox.oaId()).isEmpty());
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("revoked"));
        // the page never shows a token itself, only its digest
        String issued = sandbox.issueTokens(sandbox.oaId()).accessToken();
        BrowserSupport.click(browser, By.cssSelector("[data-tab='webhooks']"));
        BrowserSupport.click(browser, By.cssSelector("[data-tab='oauth']"));
        waiting().until(d -> d.findElement(By.id("tab-oauth")).getText().contains("left"));
        assertThat(browser.getPageSource()).doesNotContain(issued);
    }

    @Test
    void onAPhoneSizedWindowNothingIsCutOff() throws Exception {
        send("zalo:send?provider=zalo", "Chào anh", ZaloConstants.USER_ID, NGHIA_ZALO);
        browser = BrowserSupport.chromium(390, 844);
        browser.get(sandbox.baseUrl() + "/#" + NGHIA);
        waiting().until(d -> messages("from_oa").size() == 1);

        JavascriptExecutor js = browser;
        long overflow = (Long) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        WebElement send = browser.findElement(By.id("reply-send"));
        js.executeScript("arguments[0].scrollIntoView()", send);
        assertThat(send.isDisplayed()).isTrue();
        assertThat(send.getRect().getX() + send.getRect().getWidth()).isLessThanOrEqualTo(390);
        screenshot("inbox-phone.png");
    }
}
