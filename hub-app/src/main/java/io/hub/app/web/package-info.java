/** Shared HTTP plumbing: the JSON error shape, exception mapping, request ids in logs, the JSON mapper. */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {})
package io.hub.app.web;
