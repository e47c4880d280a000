package com.jewellery.ordertracing.base.ui;

/**
 * A view whose data comes from the index (lookup, lost orders, analytics): the layout shows a banner with the
 * index's age above it when the indexer is behind, so nobody takes an old state for the current one.
 */
public interface ShowsIndexAge {}
