package io.github.camelzalo.sandbox;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The sandbox's own endpoints, for looking inside from a browser, curl or another process. No API key needed
 * (the server listens on 127.0.0.1 only):
 * <ul>
 * <li>{@code GET /sandbox/outbox}: every accepted message, as a JSON array; {@code DELETE} empties it.</li>
 * <li>{@code GET /sandbox/stats}: the request counters, incl. 429s and lock-outs.</li>
 * <li>{@code GET /sandbox/customers}: the directory, each customer with its current user status.</li>
 * <li>{@code POST /sandbox/customers/<phone>/messages}: the customer writes to the OA now (windows and free
 * replies restart); answers the customer.</li>
 * </ul>
 */
final class AdminHandler {

    private final ZaloSandbox sandbox;
    private final Messenger messenger;

    AdminHandler(ZaloSandbox sandbox, Messenger messenger) {
        this.sandbox = sandbox;
        this.messenger = messenger;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        HttpIo.drain(exchange);
        if (path.equals("/sandbox/outbox") && method.equals("GET")) {
            HttpIo.send(exchange, 200, SandboxJson.outbox(sandbox.outbox().messages()));
        } else if (path.equals("/sandbox/outbox") && method.equals("DELETE")) {
            sandbox.outbox().clear();
            HttpIo.send(exchange, 200, SandboxJson.outbox(sandbox.outbox().messages()));
        } else if (path.equals("/sandbox/stats") && method.equals("GET")) {
            HttpIo.send(exchange, 200, SandboxJson.stats(sandbox.stats()));
        } else if (path.equals("/sandbox/customers") && method.equals("GET")) {
            ArrayNode all = SandboxJson.MAPPER.createArrayNode();
            sandbox.directory().all().forEach(c -> all.add(SandboxJson.customer(c, messenger.status(c))));
            HttpIo.send(exchange, 200, all);
        } else if (path.startsWith("/sandbox/customers/") && path.endsWith("/messages") && method.equals("POST")) {
            String phone = URLDecoder.decode(path.substring("/sandbox/customers/".length(),
                    path.length() - "/messages".length()), StandardCharsets.UTF_8);
            Optional<Customer> customer = sandbox.directory().find(phone);
            if (customer.isEmpty()) {
                HttpIo.send(exchange, 404, error("No customer with this phone number"));
                return;
            }
            Customer c = sandbox.directory().recordUserMessage(customer.get().phone());
            HttpIo.send(exchange, 200, SandboxJson.customer(c, messenger.status(c)));
        } else {
            HttpIo.send(exchange, 404, error("Unknown sandbox endpoint " + method + " " + path + "; try GET"
                                             + " /sandbox/outbox, /sandbox/stats or /sandbox/customers"));
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode o = SandboxJson.object();
        o.put("error", message);
        return o;
    }
}
