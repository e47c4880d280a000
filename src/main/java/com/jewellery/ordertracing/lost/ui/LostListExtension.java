package com.jewellery.ordertracing.lost.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Actions another feature offers on the rows selected in the lost-orders list (e.g. "add to incident"),
 * built for the signed-in user. The list lets people select rows only when some extension offers an action.
 */
public interface LostListExtension {

    /**
     * @param selected the order ids selected when the action runs, in the list's order
     * @param done     to call after an action, so the list clears its selection
     * @return the actions' components; empty when this user has none
     */
    Optional<Component> selectionActions(Supplier<List<String>> selected, Runnable done);
}
