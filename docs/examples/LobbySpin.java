import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Plays one spin on the hub's lobby WebSocket and prints the spinResult frame exactly as received (for
 * docs/fairness.md and the README walk-through). JDK only; run as a single-file program:
 *
 * <pre>java docs/examples/LobbySpin.java "ws://localhost:8080/ws/lobby?token=$WS" atkins-diet 0.20 r-1 &gt; frame.json</pre>
 *
 * Exit code 0 when a frame with the requestId arrived within 15 s, 1 otherwise.
 */
public class LobbySpin {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java LobbySpin.java <ws-url-with-token> <gameId> <bet> <requestId>");
            System.exit(2);
        }
        String requestId = args[3];
        CompletableFuture<String> answer = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(args[0]), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String frame = partial.toString();
                    partial.setLength(0);
                    if (frame.contains("\"requestId\":\"" + requestId + "\"")) answer.complete(frame);
                }
                w.request(1);
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        ws.sendText("{\"action\":\"spin\",\"gameId\":\"" + args[1] + "\",\"bet\":\"" + args[2] + "\",\"requestId\":\"" + requestId + "\"}", true);
        try {
            System.out.println(answer.get(15, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("no answer for " + requestId);
            System.exit(1);
        } finally {
            ws.abort();
        }
    }
}
