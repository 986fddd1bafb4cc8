package io.hub.app.providers.simulators;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Two simulated external studios for the default run and the tests ({@code hub.simulators.enabled}, true by default,
 * false in the {@code production} profile): WireMock servers in this JVM on 127.0.0.1, each loaded with its own
 * mappings and bodies from the {@code wiremock} module ({@code wiremock/mappings/<studio>/},
 * {@code wiremock/__files/<studio>/}, copied to a temporary folder so that they load from a fat jar too):
 * <ul>
 *   <li>{@code northstar}: a Hub88-protocol studio (port {@code hub.simulators.studios.northstar.port}, 0 = free);</li>
 *   <li>{@code redfox}: a Pragmatic-protocol studio (port {@code hub.simulators.studios.redfox.port}, 0 = free).</li>
 * </ul>
 * The mappings' faults (time-outs, 5xx, slow bodies, stateful recovery) are listed in the wiremock module's README.
 */
@Component
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true", matchIfMissing = true)
public class SimulatedStudios implements DisposableBean {
    public static final String NORTHSTAR = "northstar";
    public static final String REDFOX = "redfox";
    private static final Logger log = LoggerFactory.getLogger(SimulatedStudios.class);
    private final Map<String, WireMockServer> servers = new LinkedHashMap<>();
    private final Map<String, Path> roots = new LinkedHashMap<>();

    public SimulatedStudios(@Value("${hub.simulators.studios.northstar.port:0}") int northstarPort,
                            @Value("${hub.simulators.studios.redfox.port:0}") int redfoxPort) throws IOException {
        start(NORTHSTAR, northstarPort);
        start(REDFOX, redfoxPort);
    }

    private void start(String studio, int port) throws IOException {
        Path root = Files.createTempDirectory("hub-studio-" + studio + "-");
        copy("wiremock/mappings/" + studio + "/", root.resolve("mappings"));
        copy("wiremock/__files/" + studio + "/", root.resolve("__files").resolve(studio));
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(root.toString()).notifier(new Slf4jNotifier(false)));
        server.start();
        servers.put(studio, server);
        roots.put(studio, root);
        log.info("simulated studio {} (WireMock) at {}", studio, baseUrl(studio));
    }

    private static void copy(String prefix, Path target) throws IOException {
        Files.createDirectories(target);
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + prefix + "**/*.json");
        for (Resource r : found) {
            String url = r.getURL().toString();
            int at = url.lastIndexOf(prefix);
            if (at < 0) continue;
            Path out = target.resolve(url.substring(at + prefix.length())).normalize();
            if (!out.startsWith(target)) continue;
            Files.createDirectories(out.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The studio's base URL, e.g. {@code http://127.0.0.1:34567}. */
    public String baseUrl(String studio) {
        WireMockServer s = servers.get(studio);
        if (s == null) throw new IllegalArgumentException("no simulated studio " + studio);
        return "http://127.0.0.1:" + s.port();
    }

    /** The studio's WireMock server (tests read its request journal and reset its scenarios). */
    public WireMockServer server(String studio) {
        WireMockServer s = servers.get(studio);
        if (s == null) throw new IllegalArgumentException("no simulated studio " + studio);
        return s;
    }

    public List<String> studios() {
        return List.copyOf(servers.keySet());
    }

    @Override
    public void destroy() throws IOException {
        servers.values().forEach(WireMockServer::stop);
        for (Path root : roots.values()) {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
