package io.hub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.hub.contracts.events.OutboxPort;
import io.hub.contracts.events.WalletEventListener;
import io.hub.contracts.lobby.LobbyPort;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;

/**
 * Every route of this module has an explicit, stable kebab-case id (ARCHITECTURE.md "Enforce the graph"), and the
 * nodes the tests weave carry theirs. The builders are found by scanning this module's compiled classes, so a new
 * route is checked without being listed here.
 */
class RouteIdsTest {
    private static final String KEBAB = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

    @Test
    void every_route_builder_in_the_module_declares_an_explicit_kebab_case_route_id() throws Exception {
        Map<String, List<RouteDefinition>> routesByBuilder = routesOfEveryBuilder();

        assertThat(routesByBuilder.keySet()).contains("HoldExpiryRoute", "LobbyMessageRoute", "LobbySpinRoute",
                "OutboxRelayRoute", "WalletPushRoute");
        routesByBuilder.forEach((builder, routes) -> {
            assertThat(routes).as(builder + " defines at least one route").isNotEmpty();
            for (RouteDefinition r : routes) {
                assertThat(r.hasCustomIdAssigned()).as(builder + " route from " + r.getInput().getEndpointUri()
                        + " has an explicit routeId").isTrue();
                assertThat(r.getRouteId()).as(builder + " route id").matches(KEBAB);
            }
        });
    }

    @Test
    void route_ids_are_unique_and_the_expected_ones() throws Exception {
        List<String> ids = routesOfEveryBuilder().values().stream().flatMap(List::stream).map(RouteDefinition::getRouteId).toList();

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyInAnyOrder("hold-expiry", "lobby-message", "lobby-spin", "lobby-spin-transaction",
                "outbox-relay", "wallet-push", "provider-wallet-callback", "provider-round-sweep",
                // issue 3, engineer B: outbound provider calls and one timed catalogue sync per provider
                "provider-http", "catalogue-sync-direct-stand-in-1",
                "payment-webhook", "kyc-webhook", "webhook-inbox", "gateway-call");
    }

    @Test
    void node_ids_are_unique_across_every_route_because_camel_refuses_to_start_otherwise() throws Exception {
        List<String> all = new java.util.ArrayList<>();
        for (RouteDefinition r : routesOfEveryBuilder().values().stream().flatMap(List::stream).toList()) {
            all.addAll(customNodeIds(r.getOutputs()));
        }
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void the_nodes_tests_weave_carry_their_ids() throws Exception {
        Map<String, Set<String>> nodeIds = new LinkedHashMap<>();
        for (RouteDefinition r : routesOfEveryBuilder().values().stream().flatMap(List::stream).toList()) {
            nodeIds.put(r.getRouteId(), customNodeIds(r.getOutputs()));
        }

        assertThat(nodeIds.get("lobby-spin")).contains("validate", "play");
        assertThat(nodeIds.get("lobby-spin-transaction")).contains("transaction", "reserve", "draw", "settle", "replay");
        assertThat(nodeIds.get("lobby-message")).contains("decode", "to-spin", "balance");
        assertThat(nodeIds.get("outbox-relay")).contains("claim", "to-records", "publish", "mark-published");
        assertThat(nodeIds.get("wallet-push")).contains("push");
        assertThat(nodeIds.get("hold-expiry")).contains("void-expired-holds");
        assertThat(nodeIds.get("provider-http")).contains("to-http-request", "call-provider", "to-reply");
        assertThat(nodeIds.get("provider-wallet-callback")).contains("wallet-decode", "wallet-refused", "wallet-apply", "wallet-encode");
        assertThat(nodeIds.get("provider-round-sweep")).contains("close-stale-rounds");
        assertThat(nodeIds.get("payment-webhook")).contains("verify-and-store-payment-event");
        assertThat(nodeIds.get("kyc-webhook")).contains("verify-and-store-kyc-event");
        assertThat(nodeIds.get("webhook-inbox")).contains("process-inbox");
        assertThat(nodeIds.get("gateway-call")).contains("to-gateway-request", "call-gateway", "to-gateway-response");
    }

    @Test
    void lobby_routes_use_the_named_error_policy() throws Exception {
        Map<String, List<RouteDefinition>> routes = routesOfEveryBuilder();
        assertThat(routes.get("LobbyMessageRoute")).singleElement()
                .satisfies(r -> assertThat(r.getRouteConfigurationId()).isEqualTo(LobbyErrorPolicy.ID));
        assertThat(routes.get("LobbySpinRoute")).extracting(RouteDefinition::getRouteId, RouteDefinition::getRouteConfigurationId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lobby-spin", LobbyErrorPolicy.ID),
                        org.assertj.core.groups.Tuple.tuple("lobby-spin-transaction", LobbyErrorPolicy.TRANSACTED_ID));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new LobbyErrorPolicy());
            List<RouteConfigurationDefinition> configs = ((ModelCamelContext) context).getRouteConfigurationDefinitions();
            assertThat(configs).extracting(RouteConfigurationDefinition::getId).containsExactly("lobby-errors", "lobby-transaction-errors");
        }
    }

    private static Set<String> customNodeIds(List<ProcessorDefinition<?>> outputs) {
        Set<String> ids = new TreeSet<>();
        for (ProcessorDefinition<?> p : outputs) {
            if (p.hasCustomIdAssigned()) ids.add(p.getId());
            ids.addAll(customNodeIds(p.getOutputs()));
        }
        return ids;
    }

    /** Every concrete {@link RouteBuilder} in io.hub.routes, built (not started) in its own context. */
    private static Map<String, List<RouteDefinition>> routesOfEveryBuilder() throws Exception {
        Map<String, List<RouteDefinition>> result = new LinkedHashMap<>();
        for (Class<?> type : routeBuilderClasses()) {
            if (RouteConfigurationBuilder.class.isAssignableFrom(type)) continue;
            RoutesBuilder builder = instantiate(type);
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                context.addRoutes(builder);
                result.put(type.getSimpleName(), new ArrayList<>(((ModelCamelContext) context).getRouteDefinitions()));
            }
        }
        return result;
    }

    private static List<Class<?>> routeBuilderClasses() throws URISyntaxException, java.io.IOException, ClassNotFoundException {
        Path root = Path.of(LobbySpinRoute.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("io/hub/routes");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) continue;
                Class<?> c = Class.forName("io.hub.routes." + name.substring(0, name.length() - ".class".length()));
                if (RoutesBuilder.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) types.add(c);
            }
        }
        assertThat(types).as("route builders found under " + dir).isNotEmpty();
        return types;
    }

    /** Calls the widest public constructor with stand-ins for the ports and plain values for the settings. */
    private static RoutesBuilder instantiate(Class<?> type) throws Exception {
        Constructor<?> ctor = Arrays.stream(type.getConstructors()).max(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new AssertionError(type + " has no public constructor"));
        Class<?>[] params = ctor.getParameterTypes();
        Object[] args = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i];
            if (p == LobbyPort.class) args[i] = new FakeLobbyPort();
            else if (p == OutboxPort.class) args[i] = new OutboxRelayRouteTest.FakeOutbox(new ArrayList<>());
            else if (p == WalletEventListener.class) args[i] = (WalletEventListener) payload -> { };
            else if (p == io.hub.contracts.payments.WebhookIntakePort.class) args[i] = new PaymentWebhookRouteTest.RecordingIntake();
            else if (p == Runnable.class) args[i] = (Runnable) () -> { };
            else if (p == io.hub.contracts.providers.CatalogueSyncPort.class) args[i] = (io.hub.contracts.providers.CatalogueSyncPort) id -> { };
            else if (p == io.hub.contracts.wallet.RoundSweepPort.class) args[i] = (io.hub.contracts.wallet.RoundSweepPort) () -> 0;
            else if (p == io.hub.contracts.wallet.ProviderWalletPort.class) {
                args[i] = java.lang.reflect.Proxy.newProxyInstance(p.getClassLoader(), new Class<?>[] {p}, (proxy, m, a) -> null);
            }
            // ProviderHttpRoute's one String is a bean name (its HttpClient configurer), the others are endpoint URIs
            else if (p == String.class && type == ProviderHttpRoute.class) args[i] = "standInConfigurer" + i;
            else if (p == String.class) args[i] = "direct:stand-in-" + i;
            else if (p == long.class) args[i] = 1000L;
            else if (p == int.class) args[i] = 10;
            else throw new AssertionError("RouteIdsTest does not know how to stand in for " + p + " in " + type);
        }
        return (RoutesBuilder) ctor.newInstance(args);
    }
}
