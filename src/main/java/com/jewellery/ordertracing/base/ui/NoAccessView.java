package com.jewellery.ordertracing.base.ui;

import com.jewellery.ordertracing.audit.AuditService;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import jakarta.annotation.security.PermitAll;

/**
 * Shown instead of a view the signed-in role may not open. Vaadin's default hides the refusal behind
 * "not found"; our users are staff on the internal network, who are better served by the truth.
 */
@PermitAll
@ParentLayout(MainLayout.class)
class NoAccessView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    private final AuditService auditService;

    NoAccessView(AuditService auditService) {
        this.auditService = auditService;
        setId("no-access");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String path = "/" + event.getLocation().getPath();
        auditService.recordAccessDenied(path);
        show(getTranslation("error.noAccess.title"), getTranslation("error.noAccess.text", path));
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
