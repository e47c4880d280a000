package com.jewellery.ordertracing.incidents.domain;

/** The bounds of what people type, shown beside the fields and checked in the service. */
public final class IncidentLimits {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 10_000;
    public static final int TAG_MAX = 64;
    public static final int TAGS_MAX = 20;
    /** Most order ids one "attach" may name. */
    public static final int ATTACH_MAX = 1_000;
    /** Sample ids an "orders attached" timeline entry keeps. */
    public static final int SAMPLE_IDS = 5;

    private IncidentLimits() {}
}
