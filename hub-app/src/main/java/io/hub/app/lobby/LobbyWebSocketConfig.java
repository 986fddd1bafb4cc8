package io.hub.app.lobby;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** Registers {@code /ws/lobby} with its handshake check, origin policy and frame size limit. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class LobbyWebSocketConfig implements WebSocketConfigurer {
    private final LobbyWebSocketHandler handler;
    private final LobbyHandshake handshake;
    private final LobbyProperties props;

    public LobbyWebSocketConfig(LobbyWebSocketHandler handler, LobbyHandshake handshake, LobbyProperties props) {
        this.handler = handler;
        this.handshake = handshake;
        this.props = props;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        String[] origins = props.allowedOrigins() == null || props.allowedOrigins().isEmpty()
                ? new String[] {"*"} : props.allowedOrigins().toArray(String[]::new);
        registry.addHandler(handler, "/ws/lobby").addInterceptors(handshake).setAllowedOriginPatterns(origins);
    }

    /** Frames above {@code hub.lobby.max-frame-bytes} close the socket with status 1009 (message too big). */
    @Bean
    public ServletServerContainerFactoryBean lobbyWebSocketContainer() {
        ServletServerContainerFactoryBean c = new ServletServerContainerFactoryBean();
        c.setMaxTextMessageBufferSize(props.maxFrameBytes());
        c.setMaxBinaryMessageBufferSize(props.maxFrameBytes());
        c.setMaxSessionIdleTimeout(30 * 60 * 1000L);
        return c;
    }
}
