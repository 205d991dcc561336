"""An unknown address: the visitor's language, the business's name, the way back."""

from __future__ import annotations

from portal_app.core import paths
from portal_app.core.locale import locale_from_header
from portal_app.domain.business.queries import portal_business
from portal_app.domain.identity.sessions import resolve_visit
from portal_app.runtime import context
from portal_app.ui.base import SessionState, public


class NotFoundState(SessionState):
    home: str = paths.PORTAL
    home_key: str = "notfound.to_portal"

    @public
    def load(self):
        """A signed-in customer's own language, else the browser's; the way back to the
        visitor's part of the portal."""
        ctx = context()
        visit = resolve_visit(ctx, self._session_cookie())
        header_locale = locale_from_header(self.router.headers.accept_language)
        if visit is not None:
            customer = visit.actor.is_customer
            self._use_locale(visit.actor.locale if customer else header_locale)
            self.business_name = visit.business.name
            self.home = paths.PORTAL if customer else paths.STAFF
            self.home_key = "notfound.to_portal" if customer else "notfound.to_staff"
            return
        self._use_locale(header_locale)
        business = portal_business(ctx)
        self.business_name = business.name if business else ""
        self.home, self.home_key = paths.PORTAL, "notfound.to_portal"
