/**
 * Authentication: login with BCrypt-hashed passwords, RS256 access tokens signed by the hub's own key (JWKS at
 * {@code /.well-known/jwks.json}), single-use WebSocket tokens, the resource-server security chain (which also
 * accepts an external IdP's tokens when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri} is set), and the per-player / per-address rate limits.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auth", allowedDependencies = {"player", "web"})
package io.hub.app.auth;
