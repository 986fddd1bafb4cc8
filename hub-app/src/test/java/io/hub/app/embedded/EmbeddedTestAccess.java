package io.hub.app.embedded;

import java.io.IOException;
import java.nio.file.Path;

/** Test access to package-private parts of the embedded infrastructure. */
public final class EmbeddedTestAccess {
    private EmbeddedTestAccess() {
    }

    public static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        EmbeddedInfrastructure.stopOrphanedPostmaster(dataDir);
    }
}
