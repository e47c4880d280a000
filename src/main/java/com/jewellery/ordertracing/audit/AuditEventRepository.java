package com.jewellery.ordertracing.audit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    Page<AuditEvent> findByType(AuditEventType type, Pageable pageable);

    @Query("select distinct e.username from AuditEvent e where e.type = ?1 order by e.username")
    List<String> usernamesOf(AuditEventType type);
}
