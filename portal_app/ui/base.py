"""SessionState and the one guarded-handler decorator every page state uses.

A Reflex event handler can be called by any client with any arguments of any type, and
the Reflex client token is not a credential. So every handler is written as

    @guarded(OFFICE)
    def show_view(self, actor: Actor, view: Annotated[str, Choice(("open", "resolved"))]): ...

The annotation's type is what the browser sends (Reflex checks it against the event that
calls the handler); its spec says how it is parsed, and the handler gets the parsed value
(a `date` for `Annotated[str, Day()]`, an `int` for `Annotated[str, Id()]`).

and, on every call, the decorator parses each argument by its annotation (anything
malformed gets a sentence, never a traceback); resolves the actor from the HttpOnly
session cookie in the database (one statement); sends strangers and the other audience
to the right sign-in page; refuses a role the handler does not allow; puts the page
chrome in place (texts once per locale, business name, role); runs the handler in one
unit of work (one database session for all its service calls); and turns a DomainError
into its catalog sentence.
"""

from __future__ import annotations

import functools
import inspect
import secrets
import typing
from collections.abc import Callable

import reflex as rx

from portal_app.core import paths
from portal_app.core.actor import CUSTOMERS, EVERYONE, Actor, Role
from portal_app.core.catalog import browser_catalog, text
from portal_app.core.errors import DomainError, InvalidInput, NotSignedIn
from portal_app.core.locale import LOCALES
from portal_app.core.parsing import Choice, Spec
from portal_app.domain.audit.service import record_refusal
from portal_app.domain.customers.service import choose_language
from portal_app.domain.identity.sessions import Visit, end_all_sessions, end_session, resolve_visit
from portal_app.runtime import context
from portal_app.web.session_cookie import session_value

ROUTE_PARAM_LIMIT = 20


def _specs(fn: Callable, skip: int) -> tuple[list[inspect.Parameter], dict[str, Spec]]:
    """The handler's parameters after `skip` (self, actor) and each one's parsing spec."""
    parameters = list(inspect.signature(fn).parameters.values())
    hints = typing.get_type_hints(fn, include_extras=True)
    specs: dict[str, Spec] = {}
    for parameter in parameters[skip:]:
        found = [
            m for m in getattr(hints.get(parameter.name), "__metadata__", ()) if isinstance(m, Spec)
        ]
        if not found:
            raise TypeError(f"{fn.__qualname__}: annotate {parameter.name} as Annotated[..., Spec]")
        specs[parameter.name] = found[0]
    return parameters, specs


def _parse(specs: dict[str, Spec], args: tuple, kwargs: dict) -> dict[str, object]:
    """Bind the client's arguments to the handler's names and parse each; extra or unknown
    arguments are refused, missing ones count as empty."""
    names = list(specs)
    if len(args) > len(names) or set(kwargs) - set(names):
        raise InvalidInput("unexpected arguments")
    values = dict(zip(names, args, strict=False)) | kwargs
    return {name: spec.parse(values.get(name, "")) for name, spec in specs.items()}


def _publish(handler: Callable, fn: Callable, parameters: list[inspect.Parameter]) -> None:
    """Show Reflex the handler's public signature: self and the client's arguments."""
    handler.__signature__ = inspect.Signature(parameters)
    handler.__annotations__ = {
        p.name: fn.__annotations__[p.name] for p in parameters[1:] if p.name in fn.__annotations__
    }


def guarded(
    allowed: frozenset[Role] = EVERYONE,
    *,
    load: bool = False,
    error: str = "error",
    refusal: str = "error.not_allowed",
) -> Callable[[Callable], Callable]:
    """Make `fn(self, actor, ...)` an event handler for signed-in, allowed actors only.

    `load=True` marks a page's on_load handler: it clears the page's sentences first.
    `error` names the var that receives the sentence of a refusal, and `refusal` the
    catalog key of what someone signed in without the role is told.
    """
    customers_only = allowed <= CUSTOMERS
    login = paths.PORTAL_LOGIN if customers_only else paths.STAFF_LOGIN

    def decorate(fn: Callable) -> Callable:
        parameters, specs = _specs(fn, skip=2)

        @functools.wraps(fn)
        def handler(self: SessionState, *args: object, **kwargs: object):
            if load:
                self._clear_sentences()
            try:
                parsed = _parse(specs, args, kwargs)
            except DomainError as bad_input:
                setattr(self, error, self._t(bad_input.code))
                return None
            ctx = context()
            with ctx.db.unit_of_work():
                visit = resolve_visit(ctx, self._session_cookie())
                wrong_audience = visit is not None and (
                    allowed != EVERYONE and visit.actor.is_customer != customers_only
                )
                if visit is None or wrong_audience:
                    self.signed_in = False
                    return rx.redirect(login)
                self._show_chrome(visit)
                if visit.actor.role not in allowed:
                    record_refusal(ctx, visit.actor, fn.__qualname__, self._client_ip())
                    self.refused = True
                    setattr(self, error, self._t(refusal))
                    return None
                try:
                    return fn(self, visit.actor, **parsed)
                except NotSignedIn:
                    self.signed_in = False
                    return rx.redirect(login)
                except DomainError as refused:
                    setattr(self, error, self._t(refused.code))
                    return None

        _publish(handler, fn, [parameters[0], *parameters[2:]])
        handler.portal_access = allowed
        return handler

    return decorate


def public(fn: Callable) -> Callable:
    """An event handler anyone may call (the sign-in pages); arguments parsed as by
    `guarded`, one unit of work, a DomainError becomes the page's sentence."""
    parameters, specs = _specs(fn, skip=1)

    @functools.wraps(fn)
    def handler(self: SessionState, *args: object, **kwargs: object):
        try:
            parsed = _parse(specs, args, kwargs)
        except DomainError as refusal:
            self.error = self._t(refusal.code)
            return None
        ctx = context()
        with ctx.db.unit_of_work():
            try:
                return fn(self, **parsed)
            except DomainError as refusal:
                self.error = self._t(refusal.code)
                return None

    _publish(handler, fn, parameters)
    handler.portal_access = None
    return handler


class SessionState(rx.State):
    """What every page shows around its content; never holds secrets or table rows."""

    texts: dict[str, str] = browser_catalog("nl")
    locale: str = "nl"
    business_name: str = ""
    logo_url: str = "/logo.svg"
    signed_in: bool = False
    role: str = ""
    # The page's sentence for something that went wrong, and for something that worked.
    error: str = ""
    notice: str = ""
    # True while the signed-in person may not use the page they opened.
    refused: bool = False
    # A plain route the browser must load in full (see `_browser_load` and navigator()).
    load_url: str = ""
    load_id: str = ""

    def _browser_load(self, path: str) -> None:
        """Navigate with a full page load: plain routes (cookies, files) are not Reflex
        pages, so the client-side router must not handle them. The page's navigator
        element carries the address and a fresh id; /portal-load.js follows each id once
        (no eval, so the Content-Security-Policy needs no 'unsafe-eval')."""
        self.load_url, self.load_id = path, secrets.token_hex(8)

    def _clear_sentences(self) -> None:
        """A fresh page: no error, no notice, not refused (unchanged vars are not resent)."""
        for name, empty in (("error", ""), ("notice", ""), ("refused", False)):
            if getattr(self, name) != empty:
                setattr(self, name, empty)

    def _t(self, key: str, **values: object) -> str:
        """A catalog text in the visitor's language."""
        return text(key, self.locale, **values)

    def _session_cookie(self) -> str | None:
        return session_value(self.router.headers.cookie)

    def _route_param(self, name: str) -> str:
        """A dynamic route argument of the current page, as short text ('' if odd)."""
        value = (self.rx_router_page.params or {}).get(name, "")
        return value if isinstance(value, str) and len(value) <= ROUTE_PARAM_LIMIT else ""

    def _client_ip(self) -> str:
        """The visitor's address as Reflex resolved it (X-Forwarded-For behind
        TRUSTED_PROXY_HOPS proxies), else the socket's peer."""
        return self.router.session.client_ip or self.router.headers.raw_headers.get(
            "asgi-scope-client", ""
        )

    def _use_locale(self, locale: str) -> None:
        """Show the pages in `locale`; the texts are sent only when the language changes."""
        if self.locale != locale or not self.texts:
            self.texts = browser_catalog(locale)
            self.locale = locale

    def _show_chrome(self, visit: Visit) -> None:
        """Header, navigation and texts for this person; unchanged values are not resent."""
        self._use_locale(visit.actor.locale)
        changes = {
            "business_name": visit.business.name,
            "logo_url": visit.business.logo_url,
            "signed_in": True,
            "role": visit.actor.role.value,
        }
        for name, value in changes.items():
            if getattr(self, name) != value:
                setattr(self, name, value)

    @rx.event
    def logout(self):
        """Revoke this browser's session, then let a plain route clear the cookie."""
        end_session(context(), self._session_cookie())
        self.signed_in = False
        self._browser_load(paths.AUTH_SIGNED_OUT)

    @guarded(CUSTOMERS)
    def switch_language(
        self, actor: Actor, locale: typing.Annotated[str | list[str], Choice(LOCALES)]
    ):
        """Store the customer's language: the page chrome follows at once, then the page
        loads again so its own content (dates, prices) speaks the language too."""
        self._use_locale(choose_language(context(), actor, locale=locale))
        self._browser_load(self.router.url.path or paths.PORTAL)

    @guarded(EVERYONE)
    def logout_everywhere(self, actor: Actor):
        """Revoke every session of this person, on every device."""
        end_all_sessions(context(), actor)
        self.signed_in = False
        self._browser_load(paths.AUTH_SIGNED_OUT)


def navigator() -> rx.Component:
    """The hidden element /portal-load.js watches: a full page load to make, and the
    page's language for the html element (screen readers pronounce by it)."""
    return rx.el.div(
        id="portal-load",
        hidden=True,
        data_url=SessionState.load_url,
        data_id=SessionState.load_id,
        data_lang=SessionState.locale,
    )
