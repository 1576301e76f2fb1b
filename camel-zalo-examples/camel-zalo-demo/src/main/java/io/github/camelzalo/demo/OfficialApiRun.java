package io.github.camelzalo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelzalo.component.zalo.ZaloComponent;
import io.github.camelzalo.component.zalo.auth.TokenStatus;
import org.apache.camel.Exchange;

/** The beans of the official API's run besides the report: the banner, the mid-run token expiry, the token report. */
public final class OfficialApiRun {

    /** The customer after whose turn the sandbox ends the access token, as its 25 hours running out would. */
    static final int EXPIRE_TOKEN_AT = 10;

    private OfficialApiRun() {
    }

    /** The promotion image, from the class path. */
    public static final class Banner {
        public byte[] bytes() {
            try (InputStream in = OfficialApiRun.class.getResourceAsStream("/banner.png")) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Counts the customers, and when the {@link #EXPIRE_TOKEN_AT}th comes runs the hook (in the sandbox: expire). */
    public static final class MidRun {
        private final AtomicInteger customers = new AtomicInteger();
        private final Runnable atMidRun;

        MidRun(Runnable atMidRun) {
            this.atMidRun = atMidRun;
        }

        public void next() {
            if (customers.incrementAndGet() == EXPIRE_TOKEN_AT) {
                atMidRun.run();
            }
        }
    }

    /** Puts how often the OA's access token was refreshed into the report, from the component's own count. */
    public static final class Tokens {
        private final String oaId;
        private final boolean expiredMidRun;

        Tokens(String oaId, boolean expiredMidRun) {
            this.oaId = oaId;
            this.expiredMidRun = expiredMidRun;
        }

        public void report(Exchange exchange) {
            ZaloComponent zalo = exchange.getContext().getComponent("zalo", ZaloComponent.class);
            TokenStatus status = zalo.tokenManager().status(oaId);
            CampaignReport campaign = exchange.getContext().getRegistry().lookupByNameAndType("campaign",
                    CampaignReport.class);
            campaign.note("access token refreshes", status.refreshes() + (expiredMidRun
                    ? "   (the first call's, then once when it expired at customer " + EXPIRE_TOKEN_AT
                      + "; no message failed for it)"
                    : ""));
        }
    }
}
