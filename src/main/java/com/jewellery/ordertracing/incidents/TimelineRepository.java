package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.api.TimelineKind;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: no update or delete methods, and the table refuses them anyway. */
interface TimelineRepository extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    @Query("select e from TimelineEntry e where e.incidentId = ?1 order by e.at desc, e.id desc")
    List<TimelineEntry> newestFirst(long incidentId, Pageable page);

    @Query("select count(e) from TimelineEntry e where e.incidentId = ?1")
    long countByIncident(long incidentId);

    @Query("select count(e) from TimelineEntry e where e.incidentId = ?1 and e.kind = ?2")
    long countByIncidentAndKind(long incidentId, TimelineKind kind);
}
