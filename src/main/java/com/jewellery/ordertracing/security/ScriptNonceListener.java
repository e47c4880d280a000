package com.jewellery.ordertracing.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.stereotype.Component;

/** Gives the bootstrap page's scripts the response's CSP nonce, so they run and injected ones do not. */
@Component
class ScriptNonceListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (response.getVaadinRequest() instanceof VaadinServletRequest request) {
                String nonce = CspNonce.of(request.getHttpServletRequest());
                response.getDocument().getElementsByTag("script").attr("nonce", nonce);
            }
        });
    }
}
