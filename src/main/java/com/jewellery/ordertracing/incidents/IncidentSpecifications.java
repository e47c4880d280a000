package com.jewellery.ordertracing.incidents;

import com.jewellery.ordertracing.incidents.api.IncidentFilter;
import com.jewellery.ordertracing.incidents.domain.IncidentKeys;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The incident list's filter as a JPA query. */
final class IncidentSpecifications {

    private IncidentSpecifications() {}

    static Specification<Incident> of(IncidentFilter filter, IncidentLinks links) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.severity() != null) {
                where.add(cb.equal(root.get("severity"), filter.severity()));
            }
            if (filter.assignee() != null) {
                where.add(cb.equal(root.get("assignee"), filter.assignee()));
            }
            if (filter.stage() != null) {
                where.add(cb.isMember(filter.stage(), root.<java.util.Collection<String>>get("stages")));
            }
            if (filter.text() != null) {
                var byKey = IncidentKeys.idOf(filter.text());
                String like = "%"
                        + filter.text()
                                .toLowerCase()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                Predicate text = cb.or(
                        cb.like(cb.lower(root.get("title")), like, '\\'),
                        cb.like(cb.lower(root.get("description")), like, '\\'));
                where.add(byKey.isPresent() ? cb.or(text, cb.equal(root.get("id"), byKey.get())) : text);
            }
            if (filter.orderId() != null) {
                List<Long> ids = links.incidentsOfOrder(filter.orderId());
                where.add(ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
