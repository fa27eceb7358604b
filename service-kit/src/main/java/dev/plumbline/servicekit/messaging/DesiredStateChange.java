package dev.plumbline.servicekit.messaging;

import dev.plumbline.engine.desired.UntrustedRender;
import java.util.Optional;

/**
 * What one record of the rendered-manifests topic did to its app.
 *
 * @param app       the app
 * @param untrusted the record, refused because its signature did not verify (the desired state stayed as it was);
 *                  null when the record was trusted and its desired state changed
 */
public record DesiredStateChange(String app, UntrustedRender untrusted) {

    public boolean trusted() {
        return untrusted == null;
    }

    public Optional<UntrustedRender> refused() {
        return Optional.ofNullable(untrusted);
    }
}
