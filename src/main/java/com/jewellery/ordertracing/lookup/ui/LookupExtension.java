package com.jewellery.ordertracing.lookup.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * What another feature shows on the order lookup page, built anew for the signed-in user each time (e.g. the
 * incidents an order belongs to). Lookup knows only this interface, so it depends on no such feature; each
 * implementation decides from the user's roles whether it shows anything.
 */
public interface LookupExtension {

    /** Beside the lookup, whatever order is shown (a support agent's open incidents); empty for none. */
    Optional<Component> beside();

    /** Under a found order's journey heading; empty for none. */
    Optional<Component> forOrder(String orderId);
}
