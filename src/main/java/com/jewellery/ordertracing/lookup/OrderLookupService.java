package com.jewellery.ordertracing.lookup;

import com.jewellery.ordertracing.index.store.IndexedJourneys;
import com.jewellery.ordertracing.index.store.JourneyFilter;
import com.jewellery.ordertracing.index.store.JourneySummary;
import com.jewellery.ordertracing.index.store.UnreadableJourneyException;
import com.jewellery.ordertracing.jaeger.JaegerProperties;
import com.jewellery.ordertracing.journey.OrderJourney;
import com.jewellery.ordertracing.journey.StageCatalog;
import com.jewellery.ordertracing.journey.StageDefinition;
import com.jewellery.ordertracing.security.Roles;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Answers "where is order X?" from the journeys the indexer keeps in PostgreSQL: one indexed read
 * instead of an attribute search across Jaeger. Developers get the technical detail, support the
 * message and the place it failed.
 */
@Service
@PreAuthorize(Roles.CAN_ORDER_WORK)
public class OrderLookupService {

    private static final Logger log = LoggerFactory.getLogger(OrderLookupService.class);
    private static final String TECHNICAL = Roles.PREFIX + Roles.TECHNICAL_DETAIL;

    private final IndexedJourneys journeys;
    private final StageCatalog catalog;
    private final JaegerProperties jaeger;
    private final RoleHierarchy roles;

    OrderLookupService(IndexedJourneys journeys, StageCatalog catalog, JaegerProperties jaeger, RoleHierarchy roles) {
        this.roles = roles;
        this.journeys = journeys;
        this.catalog = catalog;
        this.jaeger = jaeger;
    }

    public LookupResult lookup(String typed) {
        Optional<String> orderId = OrderIds.normalize(typed);
        if (orderId.isEmpty()) {
            return new LookupResult.Invalid(typed);
        }
        try {
            return find(orderId.get())
                    .<LookupResult>map(this::found)
                    .orElseGet(() -> new LookupResult.NotFound(orderId.get()));
        } catch (UnreadableJourneyException unreadable) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("[{}] {}", reference, unreadable.getMessage(), unreadable);
            return new LookupResult.Unreadable(orderId.get(), reference);
        }
    }

    /** The order as typed, else {@link OrderIds#upperCase}: exact first, so an id with lower case is found too. */
    private Optional<OrderJourney> find(String orderId) {
        Optional<OrderJourney> exact = journeys.findByOrderId(orderId);
        String upper = OrderIds.upperCase(orderId);
        return exact.isPresent() || upper.equals(orderId) ? exact : journeys.findByOrderId(upper);
    }

    public List<JourneySummary> recentOrders(JourneyFilter filter, int offset, int limit) {
        return journeys.search(filter, offset, Math.min(limit, IndexedJourneys.MAX_PAGE_SIZE));
    }

    public int countRecentOrders(JourneyFilter filter) {
        return (int) Math.min(Integer.MAX_VALUE, journeys.count(filter));
    }

    public List<StageDefinition> stages() {
        return catalog.stages();
    }

    private LookupResult.Found found(OrderJourney journey) {
        boolean technical = currentUserIsTechnical();
        List<LookupResult.TraceLink> traces = journey.traceIds().stream()
                .map(traceId -> new LookupResult.TraceLink(traceId, jaegerTraceUrl(traceId)))
                .toList();
        return new LookupResult.Found(technical ? journey : JourneyRedaction.forSupport(journey), traces, technical);
    }

    private URI jaegerTraceUrl(String traceId) {
        String base = jaeger.uiBaseUrl().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "trace/" + traceId);
    }

    private boolean currentUserIsTechnical() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                        .anyMatch(authority -> TECHNICAL.equals(authority.getAuthority()));
    }
}
