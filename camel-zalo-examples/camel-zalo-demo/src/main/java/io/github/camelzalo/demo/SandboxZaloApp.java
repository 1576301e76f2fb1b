package io.github.camelzalo.demo;

import io.github.camelzalo.component.zalo.auth.InMemoryTokenStore;
import io.github.camelzalo.component.zalo.auth.ZaloTokenStore;
import io.github.camelzalo.sandbox.ZaloSandbox;

/**
 * The sandbox's Zalo app as the demo uses it: the settings of the official API pointing at the sandbox, with the
 * OA's first refresh token as an admin's consent gives it, and the token store the pair is kept in. The official
 * API's run and the routes {@code --keep-open} leaves running share both, so the routes left running go on with the
 * pair the run last refreshed instead of asking the sandbox for new tokens.
 *
 * @param settings the demo's settings with the sandbox's app, hosts, OA and first refresh token
 * @param tokens   in memory: the sandbox's tokens are the sandbox's, not for the user's token directory
 */
record SandboxZaloApp(DemoSettings settings, ZaloTokenStore tokens) {

    static SandboxZaloApp of(ZaloSandbox sandbox, DemoSettings settings) {
        String oa = sandbox.oaId();
        return new SandboxZaloApp(settings.withOfficialApi(sandbox.appId(), sandbox.appSecret(),
                sandbox.issueTokens(oa).refreshToken(), sandbox.zaloOauthBaseUrl(), sandbox.zaloOpenApiBaseUrl(),
                sandbox.zaloBusinessBaseUrl(), oa), new InMemoryTokenStore());
    }
}
