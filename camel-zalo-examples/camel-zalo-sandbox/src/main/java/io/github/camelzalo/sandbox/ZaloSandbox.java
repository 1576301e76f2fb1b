package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for the Zalo providers: an HTTP server on 127.0.0.1 that speaks the wire
 * formats of CareSoft and eTelecom and applies Zalo's messaging rules to a directory of customers, recording every
 * accepted message in an outbox. Point the {@code zalo:} component at it:
 *
 * <pre>{@code
 * try (ZaloSandbox sandbox = ZaloSandbox.builder()
 *         .caresoftTenant("acme", "cs-key").etelecomApiKey("et-key").oaId("1600190000752846")
 *         .customers(Path.of("customers.csv"))
 *         .script(608, MessageType.TRANSACTION, "Chào {{username}}, đơn hàng {{order_id}} đã được giao.")
 *         .build().start()) {
 *     zalo.getCaresoft().setBaseUrl(sandbox.caresoftBaseUrl("acme"));   // http://127.0.0.1:<port>/acme
 *     zalo.getCaresoft().setApiKey("cs-key");
 *     zalo.getEtelecom().setBaseUrl(sandbox.etelecomBaseUrl());         // http://127.0.0.1:<port>/v1/shop
 *     zalo.getEtelecom().setApiKey("et-key");
 *     ...
 *     sandbox.outbox().messages();                                // what was sent, to whom, on which quota
 * }
 * }</pre>
 *
 * It also stands in for Zalo's own hosts, as path prefixes on the same port: OAuth v4 ({@link #zaloOauthBaseUrl()},
 * {@link OAuthHandler}), the OA API ({@link #zaloOpenApiBaseUrl()}: messages, uploads, users) and ZNS
 * ({@link #zaloBusinessBaseUrl()}, {@link ZnsHandler}); and it delivers Zalo's signed webhook events
 * ({@link #webhooks()}), among them those of a customer it acts as ({@link #actAs(String)}).
 * <p>
 * Endpoints: CareSoft {@code POST /<tenant>/api/v1/zalo/user-status} and {@code …/send-message}
 * ({@link CareSoftHandler}); eTelecom {@code POST /v1/shop.Zalo/OASendImage} and
 * {@code /v1/partner.Zalo/OASendImage} ({@link ETelecomHandler}); Zalo under {@code /zalo/…}
 * ({@link ZaloApiRouter}); the sandbox's own {@code /sandbox/…} ({@link AdminHandler}). The rules are in
 * {@link ZaloRules}, the rate limits in {@link CareSoftRateLimiter} and {@link AppRateLimiter}, the customer file
 * format in {@link CustomerFile}.
 */
public final class ZaloSandbox implements AutoCloseable {

    public static final String DEFAULT_TENANT = "demo";
    public static final String DEFAULT_CARESOFT_KEY = "sandbox-caresoft-key";
    public static final String DEFAULT_ETELECOM_KEY = "sandbox-etelecom-key";
    public static final String DEFAULT_OA_ID = "1600190000752846";
    public static final String DEFAULT_SHOP_ID = "1100000000000001";
    /** The Zalo app's id ({@code app_id}) when none is configured. */
    public static final String DEFAULT_APP_ID = "2771862381437218000";
    public static final String DEFAULT_APP_SECRET = "sandbox-app-secret";
    /** The default OA's secret key, the key of its webhook signatures, when none is configured. */
    public static final String DEFAULT_OA_SECRET_KEY = "sandbox-oa-secret-key";
    public static final String DEFAULT_OA_NAME = "Zalo Sandbox OA";

    private static final Logger LOG = LoggerFactory.getLogger(ZaloSandbox.class);

    private final Builder config;
    private final SandboxClock clock;
    private final CustomerDirectory directory;
    private final OfficialAccount oa;
    private final Map<String, OfficialAccount> oas;
    private final ZaloOAuth oauth;
    private final ZaloRules rules;
    private final Outbox outbox = new Outbox();
    private final Conversations conversations = new Conversations();
    private final ZaloUploads uploads;
    private final AppRateLimiter zaloLimiter;
    private final PromotionQuota promotions;
    private final ZnsTemplates znsTemplates;
    private final ZaloEvents events;
    private final Webhooks webhooks;
    private final StatsCounter stats = new StatsCounter();
    private final Map<String, CareSoftTenant> tenants = new LinkedHashMap<>();
    private final Map<Long, Script> scripts;
    private final Messenger messenger;
    private SandboxServer server;

    private ZaloSandbox(Builder b) {
        this.config = b;
        this.clock = b.clock != null ? b.clock : SandboxClock.system();
        this.directory = new CustomerDirectory(clock);
        this.rules = new ZaloRules(b.consultationWindow, b.replyWindow, b.freeReplies, b.transactionWindow);
        Instant packageExpiry = b.packageExpiry != null ? b.packageExpiry : clock.now().plus(Duration.ofDays(30));
        Map<String, OfficialAccount> accounts = new LinkedHashMap<>();
        String[] defaultOa = b.declaredOas.getOrDefault(b.oaId, new String[] { b.oaSecretKey, b.oaName });
        accounts.put(b.oaId, new OfficialAccount(b.oaId, defaultOa[1], defaultOa[0], b.subQuota, packageExpiry));
        b.declaredOas.forEach((id, keyAndName) -> accounts.putIfAbsent(id, new OfficialAccount(id, keyAndName[1],
                keyAndName[0], b.subQuota, packageExpiry)));
        this.oas = Collections.unmodifiableMap(accounts);
        this.oa = accounts.get(b.oaId);
        this.oauth = new ZaloOAuth(b.appId, b.appSecret, oas, clock, b.accessTokenLifetime, b.refreshTokenLifetime,
                b.oauthQuirks);
        Map<String, String> tenantKeys = b.tenants.isEmpty() ? Map.of(DEFAULT_TENANT, DEFAULT_CARESOFT_KEY)
                : b.tenants;
        tenantKeys.forEach((name, key) -> tenants.put(name, new CareSoftTenant(name, key,
                new CareSoftRateLimiter(b.rateLimitPerSecond, b.lockoutAfter, b.lockoutDuration, clock))));
        this.scripts = Map.copyOf(b.scripts);
        this.messenger = new Messenger(directory, oa, rules, outbox, conversations, clock);
        this.uploads = new ZaloUploads(clock, b.uploadRetention);
        this.zaloLimiter = new AppRateLimiter(b.zaloRateLimitPerMinute, clock);
        this.promotions = new PromotionQuota(b.promotionsPerDay, b.promotionsPerMonth, clock);
        this.znsTemplates = new ZnsTemplates(new ArrayList<>(b.znsTemplates.values()), b.znsDailyQuota, clock);
        this.events = new ZaloEvents(oauth.appId(), oas);
        this.webhooks = new Webhooks(b.webhookUrl, b.webhookConcurrency, b.webhookTimeout, b.webhookRetryScale);
        if (b.deliveryReceipts) {
            // every message any provider accepted reaches the customer at once: Zalo's delivery receipt
            messenger.onAccepted(m -> {
                if (webhooks.isConfigured()) {
                    webhooks.publish(events.received(m, m.time()));
                }
            });
        }
        try {
            for (Object source : b.customerSources) {
                if (source instanceof Path p) {
                    directory.putAll(CustomerFile.read(p, clock.now()));
                } else if (source instanceof URL u) {
                    directory.putAll(CustomerFile.read(u, clock.now()));
                } else {
                    @SuppressWarnings("unchecked")
                    Collection<Customer> list = (Collection<Customer>) source;
                    directory.putAll(list);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the customer file: " + e.getMessage(), e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server; the port is known from now on. */
    public synchronized ZaloSandbox start() {
        if (server != null) {
            return this;
        }
        try {
            server = new SandboxServer(config.port, config.threads,
                    new CareSoftHandler(tenants, scripts, messenger, stats, config.caresoftRefusalStatus),
                    new ETelecomHandler(config.etelecomApiKey, config.shopId, messenger, stats),
                    new ZaloApiRouter(new OAuthHandler(oauth, stats), openApi(),
                            new ZnsHandler(oauth, oas, znsTemplates, directory, messenger, conversations, stats),
                            stats),
                    new AdminHandler(this, messenger));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Zalo sandbox on 127.0.0.1:" + config.port, e);
        }
        server.start();
        webhooks.start();
        LOG.info("Zalo sandbox listening on {} with {} customers", baseUrl(), directory.size());
        return this;
    }

    private OpenApiHandler openApi() {
        OaMessageSender sender = new OaMessageSender(new OaMessageParser(uploads), messenger, directory,
                conversations, promotions, clock);
        OpenApiHandler api = new OpenApiHandler(oauth, oas, zaloLimiter, stats);
        for (String endpoint : new String[] { "cs", "transaction", "promotion" }) {
            api.add("POST", "/v3.0/oa/message/" + endpoint, sender.endpoint(endpoint));
        }
        OaUploader uploader = new OaUploader(uploads);
        for (String kind : new String[] { ZaloUploads.IMAGE, ZaloUploads.GIF, ZaloUploads.FILE }) {
            api.add("POST", "/v2.0/oa/upload/" + kind, uploader.endpoint(kind));
        }
        new OaUsersApi(directory, oauth, rules, promotions, clock).register(api);
        return api;
    }

    /** Stops the server. The outbox, directory and stats stay readable. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        webhooks.stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The port the server listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The sandbox is not started");
        }
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The CareSoft base URL of a tenant, {@code http://127.0.0.1:<port>/<tenant>}: the component's caresoft.baseUrl. */
    public String caresoftBaseUrl(String tenant) {
        if (!tenants.containsKey(tenant)) {
            throw new IllegalArgumentException("No CareSoft tenant " + tenant + "; the sandbox has " + tenants.keySet());
        }
        return baseUrl() + "/" + tenant;
    }

    /** The CareSoft base URL of the first tenant configured (or of {@value ZaloSandbox#DEFAULT_TENANT} when none was). */
    public String caresoftBaseUrl() {
        return caresoftBaseUrl(tenants.keySet().iterator().next());
    }

    /** The API key of a CareSoft tenant. */
    public String caresoftApiKey(String tenant) {
        CareSoftTenant t = tenants.get(tenant);
        if (t == null) {
            throw new IllegalArgumentException("No CareSoft tenant " + tenant);
        }
        return t.apiKey;
    }

    /** The API key of the first CareSoft tenant. */
    public String caresoftApiKey() {
        return tenants.values().iterator().next().apiKey;
    }

    /** eTelecom's Shop API base URL, {@code http://127.0.0.1:<port>/v1/shop}: the component's etelecom.baseUrl. */
    public String etelecomBaseUrl() {
        return baseUrl() + "/v1/shop";
    }

    /** eTelecom's Partner API base URL, {@code http://127.0.0.1:<port>/v1/partner}. */
    public String etelecomPartnerBaseUrl() {
        return baseUrl() + "/v1/partner";
    }

    public String etelecomApiKey() {
        return config.etelecomApiKey;
    }

    /** The default OA's id: the OA of CareSoft and eTelecom, and the one that consents unless told otherwise. */
    public String oaId() {
        return oa.oaId();
    }

    /** {@code http://127.0.0.1:<port>/zalo/oauth}: stands for {@code https://oauth.zaloapp.com}. */
    public String zaloOauthBaseUrl() {
        return baseUrl() + ZaloApiRouter.OAUTH;
    }

    /** {@code http://127.0.0.1:<port>/zalo/openapi}: stands for {@code https://openapi.zalo.me}. */
    public String zaloOpenApiBaseUrl() {
        return baseUrl() + ZaloApiRouter.OPENAPI;
    }

    /** {@code http://127.0.0.1:<port>/zalo/business}: stands for {@code https://business.openapi.zalo.me}. */
    public String zaloBusinessBaseUrl() {
        return baseUrl() + ZaloApiRouter.BUSINESS;
    }

    /** The Zalo app's id, the {@code app_id} of OAuth and of every webhook event. */
    public String appId() {
        return oauth.appId();
    }

    /** The Zalo app's secret key, the {@code secret_key} header of token requests. */
    public String appSecret() {
        return oauth.appSecret();
    }

    /** The OAuth state: codes, each OA's token pair, lifetimes, quirks and counters. */
    public ZaloOAuth oauth() {
        return oauth;
    }

    /** A fresh token pair for the OA, as after its admin's consent; the OA's previous pair ends. */
    public TokenPair issueTokens(String oaId) {
        return oauth.issueTokens(oaId);
    }

    /** A fresh token pair for the default OA. */
    public TokenPair issueTokens() {
        return oauth.issueTokens(oaId());
    }

    /** Ends the OA's token pair: every call with it is refused until an admin consents again. */
    public void revokeTokens(String oaId) {
        oauth.revokeTokens(oaId);
    }

    /** Every OA of the app, the default OA first. */
    public List<OfficialAccount> officialAccounts() {
        return List.copyOf(oas.values());
    }

    /** The OA with this id. */
    public OfficialAccount oa(String oaId) {
        OfficialAccount found = oas.get(oaId);
        if (found == null) {
            throw new IllegalArgumentException("No OA " + oaId + " in this sandbox; its OAs are " + oas.keySet());
        }
        return found;
    }

    /** {@code http://127.0.0.1:<port>/sandbox/outbox}: the outbox as JSON. */
    public String outboxUrl() {
        return baseUrl() + "/sandbox/outbox";
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Every customer's conversation with the OAs: both directions, with delivery and seen times. */
    public Conversations conversations() {
        return conversations;
    }

    /** The ZNS templates (whose status can be changed) and each OA's ZNS daily quota. */
    public ZnsTemplates znsTemplates() {
        return znsTemplates;
    }

    /** The OAs' uploads (attachment ids and file tokens). */
    public ZaloUploads uploads() {
        return uploads;
    }

    /** The app's OA API rate limit now (calls in the last minute, -32 answers). */
    public ZaloRateLimit zaloRateLimit() {
        return zaloLimiter.snapshot();
    }

    /** Changes the app's OA API calls per minute while the sandbox runs (0 turns the limit off). */
    public void setZaloRateLimit(int callsPerMinute) {
        zaloLimiter.setLimit(callsPerMinute);
    }

    public CustomerDirectory directory() {
        return directory;
    }

    /** The default OA and its package quota. */
    public OfficialAccount oa() {
        return oa;
    }

    public ZaloRules rules() {
        return rules;
    }

    public SandboxClock clock() {
        return clock;
    }

    /** The scripts, by id. */
    public Map<Long, Script> scripts() {
        return scripts;
    }

    public SandboxStats stats() {
        return stats.snapshot();
    }

    public void resetStats() {
        stats.reset();
    }

    /** Ends every lock-out and forgets the rate-limit counts, CareSoft's and the Zalo app's. */
    public void resetRateLimits() {
        tenants.values().forEach(t -> t.limiter.reset());
        zaloLimiter.reset();
    }

    /** Whether a CareSoft tenant is locked out now. */
    public boolean isLockedOut(String tenant) {
        CareSoftTenant t = tenants.get(tenant);
        return t != null && t.limiter.isLockedOut();
    }

    /** The customer's status now: exactly what CareSoft's user-status would answer. */
    public CustomerStatus status(String phone) {
        Customer c = directory.find(phone)
                .orElseThrow(() -> new IllegalArgumentException("No customer " + PhoneNumbers.mask(phone)));
        return messenger.status(c);
    }

    /**
     * The customer's interaction is recorded now: the 7-day window and the 48-hour free replies restart. No
     * webhook event is sent; {@link #actAs(String)} writes a real message.
     */
    public Customer userMessage(String phone) {
        return directory.recordUserMessage(phone);
    }

    /** Acts as the customer towards the default OA: writes, sends media, follows, reads, with webhook events. */
    public CustomerActions actAs(String phone) {
        return actAs(phone, oaId());
    }

    /** Acts as the customer towards one OA. */
    public CustomerActions actAs(String phone, String oaId) {
        oa(oaId);
        return new CustomerActions(phone, oaId, directory, conversations, events, webhooks, clock);
    }

    /** The webhook: its URL, the delivery log, duplicates and out-of-order batches on request. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /**
     * Runs the sandbox until it is stopped (Ctrl-C); {@code --help} lists the options. Prints a banner with the
     * base URLs, keys, scripts and ZNS templates.
     */
    public static void main(String[] args) throws InterruptedException {
        SandboxCommandLine.Parsed parsed;
        try {
            parsed = SandboxCommandLine.parse(args);
        } catch (SandboxCommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.print(SandboxCommandLine.help());
            return;
        }
        ZaloSandbox sandbox = parsed.builder().build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        System.out.print(SandboxBanner.of(sandbox));
        System.out.flush();
        stopped.await();
    }

    /** The CareSoft tenants' names, in the order they were configured. */
    public List<String> caresoftTenants() {
        return List.copyOf(tenants.keySet());
    }

    /** Configures a {@link ZaloSandbox}; every setting has a default, so {@code builder().build()} works. */
    public static final class Builder {
        private int port;
        private int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private final Map<String, String> tenants = new LinkedHashMap<>();
        private String etelecomApiKey = DEFAULT_ETELECOM_KEY;
        private String shopId = DEFAULT_SHOP_ID;
        private String oaId = DEFAULT_OA_ID;
        private String oaName = DEFAULT_OA_NAME;
        private String oaSecretKey = DEFAULT_OA_SECRET_KEY;
        /** OAs named by officialAccount(…): id to {secret key, name}. */
        private final Map<String, String[]> declaredOas = new LinkedHashMap<>();
        private String appId = DEFAULT_APP_ID;
        private String appSecret = DEFAULT_APP_SECRET;
        private Duration accessTokenLifetime = Duration.ofHours(25);
        private Duration refreshTokenLifetime = Duration.ofDays(90);
        private final Set<OAuthQuirk> oauthQuirks = EnumSet.noneOf(OAuthQuirk.class);
        private int zaloRateLimitPerMinute = 4000;
        private Duration uploadRetention = Duration.ofDays(7);
        private int promotionsPerDay = 5;
        private int promotionsPerMonth = 50;
        private final Map<String, ZnsTemplate> znsTemplates = new LinkedHashMap<>();
        private int znsDailyQuota = 20_000;
        private String webhookUrl;
        private int webhookConcurrency = 16;
        private Duration webhookTimeout = Duration.ofSeconds(2);
        private double webhookRetryScale = 1.0;
        private boolean deliveryReceipts = true;
        private int subQuota = 2000;
        private Instant packageExpiry;
        private Duration consultationWindow = ZaloRules.DEFAULT.consultationWindow();
        private Duration replyWindow = ZaloRules.DEFAULT.replyWindow();
        private int freeReplies = ZaloRules.DEFAULT.freeReplies();
        private Duration transactionWindow = ZaloRules.DEFAULT.transactionWindow();
        private int rateLimitPerSecond = 15;
        private int lockoutAfter = 20;
        private Duration lockoutDuration = Duration.ofMinutes(15);
        private int caresoftRefusalStatus = 200;
        private SandboxClock clock;
        private final List<Object> customerSources = new ArrayList<>();
        private final Map<Long, Script> scripts = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** Worker threads of the HTTP server (default twice the processors, at least 4). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * A CareSoft account: served under {@code /<name>/api/v1/zalo/…}, accepting {@code Bearer <apiKey>}, with its
         * own rate limit. Repeatable. Without any, the sandbox has tenant {@value ZaloSandbox#DEFAULT_TENANT} with key
         * {@value ZaloSandbox#DEFAULT_CARESOFT_KEY}.
         */
        public Builder caresoftTenant(String name, String apiKey) {
            if (name == null || !name.matches("[A-Za-z0-9_\\-]+") || name.equals("sandbox") || name.equals("v1")
                || name.equals("zalo")) {
                throw new IllegalArgumentException("A tenant name is letters, digits, - and _, and not sandbox, v1 or"
                                                   + " zalo: " + name);
            }
            tenants.put(name, requireKey(apiKey));
            return this;
        }

        /** eTelecom's api key / shop key (default {@value ZaloSandbox#DEFAULT_ETELECOM_KEY}). */
        public Builder etelecomApiKey(String apiKey) {
            this.etelecomApiKey = requireKey(apiKey);
            return this;
        }

        /** The {@code shop_id} eTelecom answers carry (default {@value ZaloSandbox#DEFAULT_SHOP_ID}). */
        public Builder etelecomShopId(String shopId) {
            this.shopId = Objects.requireNonNull(shopId);
            return this;
        }

        /**
         * The default OA's id (default {@value ZaloSandbox#DEFAULT_OA_ID}): the OA CareSoft and eTelecom requests
         * must name, and the one that consents on the OAuth page unless another is chosen.
         */
        public Builder oaId(String oaId) {
            this.oaId = requireOaId(oaId);
            return this;
        }

        /**
         * The default OA's secret key, the key of its webhook signatures (default
         * {@value ZaloSandbox#DEFAULT_OA_SECRET_KEY}), unless {@link #officialAccount(String, String)} names it.
         */
        public Builder oaSecretKey(String secretKey) {
            this.oaSecretKey = requireKey(secretKey);
            return this;
        }

        /** The default OA's display name (default {@value ZaloSandbox#DEFAULT_OA_NAME}), unless
         * {@link #officialAccount(String, String, String)} names it. */
        public Builder oaName(String name) {
            this.oaName = requireKey(name);
            return this;
        }

        /**
         * An OA of the Zalo app, with the secret key its webhook events are signed with. Repeatable; each OA has its
         * own token pair, {@code sub_quota} and ZNS quota, and all share the one customer directory. The default OA
         * ({@link #oaId(String)}) is always one of them, first: naming its id here sets its secret key.
         */
        public Builder officialAccount(String oaId, String oaSecretKey) {
            return officialAccount(oaId, oaSecretKey, DEFAULT_OA_NAME + " " + requireOaId(oaId));
        }

        /** An OA of the Zalo app with its display name; see {@link #officialAccount(String, String)}. */
        public Builder officialAccount(String oaId, String oaSecretKey, String name) {
            declaredOas.put(requireOaId(oaId), new String[] { requireKey(oaSecretKey), requireKey(name) });
            return this;
        }

        /**
         * The Zalo app that acts for the OAs: its {@code app_id} (default {@value ZaloSandbox#DEFAULT_APP_ID}) and
         * secret key, the {@code secret_key} header of token requests (default
         * {@value ZaloSandbox#DEFAULT_APP_SECRET}).
         */
        public Builder zaloApp(String appId, String appSecret) {
            if (appId == null || !appId.matches("\\d{1,32}")) {
                throw new IllegalArgumentException("The app id must be numeric: " + appId);
            }
            this.appId = appId;
            this.appSecret = requireKey(appSecret);
            return this;
        }

        /** How long an access token lives on the sandbox clock (default 25 hours, Zalo's 90,000 s). */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = positive(lifetime);
            return this;
        }

        /** How long a refresh token lives on the sandbox clock (default 90 days, Zalo's 3 months). */
        public Builder refreshTokenLifetime(Duration lifetime) {
            this.refreshTokenLifetime = positive(lifetime);
            return this;
        }

        /** The app's OA API calls per minute before error -32 (default 4,000; 0 turns the limit off). */
        public Builder zaloRateLimitPerMinute(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("zaloRateLimitPerMinute must not be negative");
            }
            this.zaloRateLimitPerMinute = limit;
            return this;
        }

        /** How long uploads can be sent, on the sandbox clock (default 7 days); later: -100. */
        public Builder uploadRetention(Duration retention) {
            this.uploadRetention = positive(retention);
            return this;
        }

        /**
         * Promotion messages one user may get from one OA per day and per month, Vietnam time (default 5 and 50:
         * the sandbox's choice, Zalo publishes no figure); over either, -218.
         */
        public Builder promotionQuota(int perDay, int perMonth) {
            if (perDay < 0 || perMonth < perDay) {
                throw new IllegalArgumentException("promotionQuota needs 0 <= perDay <= perMonth");
            }
            this.promotionsPerDay = perDay;
            this.promotionsPerMonth = perMonth;
            return this;
        }

        /** A ZNS template of the app (repeatable; the same id replaces it). See {@link ZnsTemplate#samples()}. */
        public Builder znsTemplate(ZnsTemplate template) {
            znsTemplates.put(template.templateId(), Objects.requireNonNull(template));
            return this;
        }

        /** ZNS messages each OA may send per day, Vietnam time (default 20,000); over it, -115. */
        public Builder znsDailyQuota(int quota) {
            if (quota < 0) {
                throw new IllegalArgumentException("znsDailyQuota must not be negative");
            }
            this.znsDailyQuota = quota;
            return this;
        }

        /**
         * The app's webhook URL, where the sandbox POSTs Zalo's events (default none: no events are made). Can be
         * changed later with {@code webhooks().setUrl(…)} or {@code PUT /sandbox/webhooks}.
         */
        public Builder webhookUrl(String url) {
            this.webhookUrl = url == null || url.isBlank() ? null : url.strip();
            return this;
        }

        /** How many webhook POSTs may be under way at once (default 16; 1 delivers strictly in order). */
        public Builder webhookConcurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("webhookConcurrency must be at least 1");
            }
            this.webhookConcurrency = concurrency;
            return this;
        }

        /** How long the webhook has to answer HTTP 200 before the attempt counts as failed (default 2 s). */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = positive(timeout);
            return this;
        }

        /**
         * Multiplies Zalo's retry schedule (30 s, 5 min, 15 min, 30 min, 1 h): {@code 0.001} runs it in
         * milliseconds, 30 ms to 3.6 s (default 1: real time).
         */
        public Builder webhookRetryScale(double scale) {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("webhookRetryScale must be 0 or more");
            }
            this.webhookRetryScale = scale;
            return this;
        }

        /** Whether each accepted message sends {@code user_received_message} to the webhook (default true). */
        public Builder deliveryReceipts(boolean send) {
            this.deliveryReceipts = send;
            return this;
        }

        /** Token endpoint oddities to reproduce (default none); see {@link OAuthQuirk}. */
        public Builder oauthQuirks(OAuthQuirk... quirks) {
            oauthQuirks.addAll(List.of(quirks));
            return this;
        }

        /** The OA package's consultation quota, {@code sub_quota} (default 2000). */
        public Builder subQuota(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("subQuota must not be negative");
            }
            this.subQuota = size;
            return this;
        }

        /** When the OA package ends, shown as {@code expired_date} (default: 30 days after the sandbox is built). */
        public Builder packageExpiry(Instant expiry) {
            this.packageExpiry = Objects.requireNonNull(expiry);
            return this;
        }

        /** How long after the user's last message a consultation may be sent (default 7 days). */
        public Builder consultationWindow(Duration window) {
            this.consultationWindow = positive(window);
            return this;
        }

        /** How long after the user's last message the free replies last (default 48 hours). */
        public Builder replyWindow(Duration window) {
            this.replyWindow = positive(window);
            return this;
        }

        /** How many free replies a user's message grants (default 8). */
        public Builder freeReplies(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("freeReplies must not be negative");
            }
            this.freeReplies = count;
            return this;
        }

        /** How long after the user's last message a non-follower may get transaction messages (default 30 days). */
        public Builder transactionWindow(Duration window) {
            this.transactionWindow = positive(window);
            return this;
        }

        /** CareSoft requests per second per tenant before HTTP 429 (default 15; 0 turns the limit off). */
        public Builder rateLimitPerSecond(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("rateLimitPerSecond must not be negative");
            }
            this.rateLimitPerSecond = limit;
            return this;
        }

        /** Consecutive 429s after which a tenant is locked out (default 20; 0 turns the lock-out off). */
        public Builder lockoutAfter(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("lockoutAfter must not be negative");
            }
            this.lockoutAfter = count;
            return this;
        }

        /** How long a lock-out lasts (default 15 minutes). */
        public Builder lockoutDuration(Duration duration) {
            this.lockoutDuration = positive(duration);
            return this;
        }

        /**
         * The HTTP status of CareSoft's {@code {"code":"errors"}} answers to well-formed requests that are refused
         * (unknown customer, script or OA; Zalo's rules): 200 by default, as CareSoft relays Zalo's refusals; 400 is
         * the other form seen. Malformed requests always get 400.
         */
        public Builder caresoftRefusalStatus(int status) {
            if (status != 200 && (status < 400 || status > 499)) {
                throw new IllegalArgumentException("caresoftRefusalStatus must be 200 or a 4xx status");
            }
            this.caresoftRefusalStatus = status;
            return this;
        }

        /** The clock of every window (default {@link SandboxClock#system()}). */
        public Builder clock(SandboxClock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Customers from a CSV file ({@link CustomerFile}); relative times count back from the clock at build. */
        public Builder customers(Path csv) {
            customerSources.add(Objects.requireNonNull(csv));
            return this;
        }

        /** Customers from a CSV on the class path or at a URL, e.g. {@code getClass().getResource("/c.csv")}. */
        public Builder customers(URL csv) {
            customerSources.add(Objects.requireNonNull(csv, "csv (a class path resource not found?)"));
            return this;
        }

        public Builder customers(Collection<Customer> customers) {
            customerSources.add(List.copyOf(customers));
            return this;
        }

        public Builder customer(Customer customer) {
            return customers(List.of(customer));
        }

        /** A CareSoft Zalo script, e.g. {@code script(608, TRANSACTION, "Chào {{username}}")}. */
        public Builder script(long id, MessageType type, String template) {
            scripts.put(id, new Script(id, type, template));
            return this;
        }

        /**
         * Adds the sample customers (the class path resource {@code io/github/camelzalo/sandbox/sample-customers.csv}),
         * scripts and ZNS templates: {@link #sampleCustomers()} and {@link #sampleScriptsAndTemplates()}.
         */
        public Builder sampleData() {
            return sampleCustomers().sampleScriptsAndTemplates();
        }

        /** Adds the sample customers (the class path resource {@code io/github/camelzalo/sandbox/sample-customers.csv}). */
        public Builder sampleCustomers() {
            return customers(ZaloSandbox.class.getResource("sample-customers.csv"));
        }

        /**
         * Adds, unless one with the same id is configured, scripts 101 (consultation: {@code username}), 201
         * (transaction: {@code username}, {@code order_id}), 301 (promotion: {@code discount}) and 608 (transaction:
         * {@code username}), and the {@link ZnsTemplate#samples() sample ZNS templates}.
         */
        public Builder sampleScriptsAndTemplates() {
            ZnsTemplate.samples().forEach(t -> znsTemplates.putIfAbsent(t.templateId(), t));
            sampleScript(101, MessageType.CONSULTATION, "Chào {{username}}, cảm ơn anh/chị đã liên hệ. Chúng tôi có"
                                                        + " thể giúp gì ạ?");
            sampleScript(201, MessageType.TRANSACTION, "Chào {{username}}, đơn hàng {{order_id}} đã được giao thành"
                                                       + " công.");
            sampleScript(301, MessageType.PROMOTION, "Ưu đãi tháng này: giảm {{discount}} cho khách hàng thân"
                                                     + " thiết!");
            sampleScript(608, MessageType.TRANSACTION, "Chào {{username}}, đơn hàng của quý khách đã được giao"
                                                       + " thành công. Cảm ơn quý khách!");
            return this;
        }

        /** A sample script, unless a script with its id is configured. */
        private void sampleScript(long id, MessageType type, String template) {
            scripts.putIfAbsent(id, new Script(id, type, template));
        }

        public ZaloSandbox build() {
            return new ZaloSandbox(this);
        }

        private static String requireOaId(String oaId) {
            if (oaId == null || !oaId.matches("\\d{1,32}")) {
                throw new IllegalArgumentException("The OA id must be numeric: " + oaId);
            }
            return oaId;
        }

        private static String requireKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("An API key must not be empty");
            }
            return key.strip();
        }

        private static Duration positive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("The duration must be positive: " + d);
            }
            return d;
        }
    }
}
