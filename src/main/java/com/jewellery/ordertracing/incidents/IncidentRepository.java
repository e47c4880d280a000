package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.domain.IncidentStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface IncidentRepository extends JpaRepository<Incident, Long>, JpaSpecificationExecutor<Incident> {

    List<Incident> findByIdIn(Collection<Long> ids);

    List<Incident> findByAssigneeAndStatusIn(String assignee, Collection<IncidentStatus> statuses);

    @Query("select i from Incident i where i.status in ?1 and i.assignee = ?2 order by i.createdAt desc, i.id desc")
    List<Incident> openOf(Collection<IncidentStatus> open, String assignee, Pageable page);

    @Query("select i from Incident i where i.status in ?1 and (i.assignee is null or i.assignee <> ?2)"
            + " order by i.createdAt desc, i.id desc")
    List<Incident> openOfOthers(Collection<IncidentStatus> open, String assignee, Pageable page);

    @Query("select i from Incident i where i.createdAt >= ?1 and i.createdAt < ?2 order by i.createdAt, i.id")
    List<Incident> createdBetween(Instant from, Instant to);
}
