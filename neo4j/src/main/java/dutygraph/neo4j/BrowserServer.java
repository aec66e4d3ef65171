package dutygraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the Neo4j Browser web app (the org.neo4j.client:neo4j-browser jar on the class path) on
 * loopback, plus the discovery document the Browser reads at "/" to find the Bolt address. The
 * Browser then talks Bolt over WebSocket straight to the Bolt port.
 */
final class BrowserServer {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "application/javascript", "css", "text/css",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png",
            "woff", "font/woff", "woff2", "font/woff2", "ico", "image/x-icon", "map", "application/json");

    static BrowserServer start(int httpPort, int boltPort) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
        String discovery = "{\"bolt_direct\":\"bolt://127.0.0.1:" + boltPort + "\","
                + "\"bolt_routing\":\"neo4j://127.0.0.1:" + boltPort + "\","
                + "\"neo4j_edition\":\"community\"}";
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) {
                String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
                if (accept.contains("application/json")) {
                    send(exchange, 200, "application/json", discovery.getBytes(StandardCharsets.UTF_8));
                } else {
                    exchange.getResponseHeaders().add("Location", "/browser/");
                    exchange.sendResponseHeaders(303, -1);
                    exchange.close();
                }
                return;
            }
            serveAsset(exchange, path);
        });
        server.start();
        return new BrowserServer();
    }

    private static void serveAsset(HttpExchange exchange, String path) throws IOException {
        if (path.contains("..")) {
            send(exchange, 400, "text/plain", "bad path".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String resource = path.endsWith("/") ? path + "index.html" : path;
        try (InputStream in = BrowserServer.class.getResourceAsStream(resource)) {
            if (in == null || !resource.startsWith("/browser/")) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String ext = resource.substring(resource.lastIndexOf('.') + 1);
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), in.readAllBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private BrowserServer() {}
}
