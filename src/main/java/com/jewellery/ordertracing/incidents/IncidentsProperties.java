package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.domain.AfterResolution;
import com.jewellery.ordertracing.incidents.domain.AutoAttachRule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Incidents and the matcher that attaches new failures to them. The matcher's schedule is read from
 * {@code portal.incidents.matcher-interval} by its {@code @Scheduled}.
 *
 * @param assignees         the portal users an incident may be assigned to (usernames as signed in)
 * @param afterResolution   what a matching failure does to a RESOLVED incident: FLAG (default) or REOPEN
 * @param resolvedWindow    how long after its resolution an incident still takes matching failures
 * @param matchLookback     how far before an incident's creation (or a fingerprint's adoption) failures join
 * @param matcherOverlap    how far each matcher run re-reads before its cursor (orders indexed late)
 * @param matcherBatch      most failed orders one run reads
 * @param burstWindow       rule-attached orders are written to the timeline as one entry per this much time
 * @param suggestionWindow  how far back the suggestions count failures
 * @param suggestionMinOrders fewest failures of one kind before it is suggested
 * @param bulkAttachMax     most orders one attach from the lost-orders list may take
 */
@ConfigurationProperties("portal.incidents")
public record IncidentsProperties(
        List<String> assignees,
        AfterResolution afterResolution,
        Duration resolvedWindow,
        Duration matchLookback,
        Duration matcherOverlap,
        Integer matcherBatch,
        Duration burstWindow,
        Duration suggestionWindow,
        Integer suggestionMinOrders,
        Integer bulkAttachMax) {

    public IncidentsProperties {
        assignees = assignees == null
                ? List.of("support", "developer", "admin")
                : assignees.stream()
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList();
        afterResolution = afterResolution == null ? AfterResolution.FLAG : afterResolution;
        resolvedWindow = resolvedWindow == null ? Duration.ofDays(7) : resolvedWindow;
        matchLookback = matchLookback == null ? Duration.ofHours(24) : matchLookback;
        matcherOverlap = matcherOverlap == null ? Duration.ofMinutes(2) : matcherOverlap;
        matcherBatch = matcherBatch == null ? 500 : matcherBatch;
        burstWindow = burstWindow == null ? Duration.ofMinutes(2) : burstWindow;
        suggestionWindow = suggestionWindow == null ? Duration.ofHours(1) : suggestionWindow;
        suggestionMinOrders = suggestionMinOrders == null ? 5 : suggestionMinOrders;
        bulkAttachMax = bulkAttachMax == null ? 5000 : bulkAttachMax;
    }

    AutoAttachRule rule() {
        return new AutoAttachRule(afterResolution, resolvedWindow, matchLookback);
    }
}
