package com.jewellery.ordertracing.audit;

import com.jewellery.ordertracing.security.NetworkRefusedEvent;
import com.jewellery.ordertracing.security.Roles;
import com.jewellery.ordertracing.security.Usernames;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Records sign-ins and sign-outs from Spring Security's own events, and clients refused for their network. */
@Component
class SecurityAuditListener {

    private static final Logger log = LoggerFactory.getLogger(SecurityAuditListener.class);

    private final AuditService auditService;

    SecurityAuditListener(AuditService auditService) {
        this.auditService = auditService;
    }

    @EventListener
    void onSignIn(AuthenticationSuccessEvent event) {
        record(event.getAuthentication(), AuditEventType.SIGN_IN);
    }

    @EventListener
    void onSignOut(LogoutSuccessEvent event) {
        record(event.getAuthentication(), AuditEventType.SIGN_OUT);
    }

    /** Before sign-in there is no user: the entry names the address, what it asked for, and how often. */
    @EventListener
    void onNetworkRefused(NetworkRefusedEvent event) {
        auditService.record(
                "anonymous",
                AuditEventType.ACCESS_DENIED,
                "network " + event.clientAddress() + " " + event.path()
                        + (event.refusedSince() > 1 ? " (" + event.refusedSince() + " refusals)" : ""));
    }

    private void record(Authentication authentication, AuditEventType type) {
        String username = Usernames.of(authentication);
        log.info("Audit: {} {}", type, username);
        List<String> roles = Roles.peopleRolesIn(authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList());
        auditService.record(
                username,
                type,
                String.join(",", roles.stream().map(role -> Roles.PREFIX + role).toList()));
    }
}
