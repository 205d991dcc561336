"""Passwordless customer access: mailed links and one-time codes.

Only existing customers get in. Requests answer the same whether or not the
address is a customer's, and are rate-limited per address and per client IP.
Secrets are stored as hashes; links and codes are single use.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, update
from sqlmodel import Session, col, select

from portal_app.domain.actor import Actor, ActorKind, StaffRole
from portal_app.domain.errors import DomainError, InvalidInput
from portal_app.domain.models import (
    AccessToken,
    Business,
    Customer,
    LoginCode,
    RateLimitEvent,
    StaffMember,
)
from portal_app.domain.outbox import queue_message
from portal_app.domain.sessions import hash_token
from portal_app.infra.clock import Clock

HANDOFF_LIFETIME = timedelta(seconds=60)


@dataclass(frozen=True)
class AccessPolicy:
    """Lifetimes and limits of links, codes and requests."""

    link_minutes: int = 15
    code_minutes: int = 10
    max_code_attempts: int = 5
    requests_per_window: int = 5
    window: timedelta = timedelta(minutes=15)


class AccessError(DomainError):
    code = "access.invalid"


class LinkInvalid(AccessError):
    code = "access.link_invalid"


class LinkExpired(AccessError):
    code = "access.link_expired"


class LinkUsed(AccessError):
    code = "access.link_used"


class CodeInvalid(AccessError):
    code = "access.code_invalid"


class CodeExpired(AccessError):
    code = "access.code_expired"


class RateLimited(AccessError):
    code = "access.rate_limited"


def normalise_email(raw: object) -> str:
    """A syntactically valid, lower-cased e-mail address, or InvalidInput."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 254:
        raise InvalidInput("enter an e-mail address", code="access.email_invalid")
    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise InvalidInput("not an e-mail address", code="access.email_invalid") from None


def safe_target(path: object) -> str:
    """A portal path to land on after sign-in; anything else becomes the dashboard."""
    if (
        isinstance(path, str)
        and path.startswith("/portal")
        and "//" not in path
        and "\\" not in path
        and len(path) <= 200
    ):
        return path
    return "/portal"


def check_rate_limit(session: Session, buckets: list[str], clock: Clock, policy: AccessPolicy):
    """Count this request in every bucket; raise RateLimited when one is full."""
    now = clock.now()
    since = now - policy.window
    for bucket in buckets:
        count = session.exec(
            select(func.count())
            .select_from(RateLimitEvent)
            .where(RateLimitEvent.bucket == bucket, RateLimitEvent.at > since)
        ).one()
        if count >= policy.requests_per_window:
            raise RateLimited("too many requests")
    for bucket in buckets:
        session.add(RateLimitEvent(bucket=bucket, at=now))
    session.flush()


def _buckets(email: str, client_ip: str | None) -> list[str]:
    buckets = [f"email:{email}"]
    if client_ip:
        buckets.append(f"ip:{client_ip[:100]}")
    return buckets


def _customer_by_email(session: Session, email: str) -> Customer | None:
    return session.exec(
        select(Customer).where(func.lower(Customer.email) == email).order_by(Customer.id)
    ).first()


def issue_access_link(
    session: Session,
    customer: Customer,
    public_url: str,
    clock: Clock,
    policy: AccessPolicy = AccessPolicy(),
    target_path: str = "/portal",
) -> str:
    """Create a single-use access token for `customer` and return its URL."""
    raw = secrets.token_urlsafe(32)
    now = clock.now()
    session.add(
        AccessToken(
            token_hash=hash_token(raw),
            actor_kind=ActorKind.CUSTOMER.value,
            actor_id=customer.id,
            business_id=customer.business_id,
            target_path=safe_target(target_path),
            created_at=now,
            expires_at=now + timedelta(minutes=policy.link_minutes),
        )
    )
    session.flush()
    return f"{public_url.rstrip('/')}/auth/link?token={raw}"


def request_access_link(
    session: Session,
    *,
    email: object,
    client_ip: str | None,
    public_url: str,
    clock: Clock,
    policy: AccessPolicy = AccessPolicy(),
    target_path: str = "/portal",
) -> None:
    """Mail an access link when `email` is a customer's; silent otherwise."""
    address = normalise_email(email)
    check_rate_limit(session, _buckets(address, client_ip), clock, policy)
    customer = _customer_by_email(session, address)
    if customer is None:
        return
    url = issue_access_link(session, customer, public_url, clock, policy, target_path)
    business = session.get(Business, customer.business_id)
    queue_message(
        session,
        business_id=customer.business_id,
        channel="email",
        recipient=customer.email,
        kind="access_link",
        locale=customer.locale,
        values={
            "customer_name": customer.name,
            "business_name": business.name,
            "customer_panel_url": url,
            "valid_minutes": str(policy.link_minutes),
        },
        clock=clock,
    )


def valid_mobile(number: str) -> str | None:
    """The E.164 form of a valid mobile number (default region NL), else None."""
    if not number:
        return None
    try:
        parsed = phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return None
    mobile_types = {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
    if not phonenumbers.is_valid_number(parsed):
        return None
    if phonenumbers.number_type(parsed) not in mobile_types:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _code_hash(salt: str, code: str) -> str:
    return salt + "$" + hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def request_login_code(
    session: Session,
    *,
    email: object,
    client_ip: str | None,
    clock: Clock,
    policy: AccessPolicy = AccessPolicy(),
) -> None:
    """Send a 6-digit code: by SMS to a valid mobile number, else by e-mail."""
    address = normalise_email(email)
    check_rate_limit(session, _buckets(address, client_ip), clock, policy)
    customer = _customer_by_email(session, address)
    if customer is None:
        return
    code = f"{secrets.randbelow(1_000_000):06d}"
    mobile = valid_mobile(customer.mobile)
    channel = "sms" if mobile else "email"
    now = clock.now()
    session.add(
        LoginCode(
            customer_id=customer.id,
            code_hash=_code_hash(secrets.token_hex(8), code),
            channel=channel,
            created_at=now,
            expires_at=now + timedelta(minutes=policy.code_minutes),
        )
    )
    business = session.get(Business, customer.business_id)
    queue_message(
        session,
        business_id=customer.business_id,
        channel=channel,
        recipient=mobile or customer.email,
        kind="login_code",
        locale=customer.locale,
        values={
            "customer_name": customer.name,
            "business_name": business.name,
            "code": code,
            "valid_minutes": str(policy.code_minutes),
        },
        clock=clock,
    )


def verify_login_code(
    session: Session,
    *,
    email: object,
    code: object,
    clock: Clock,
    policy: AccessPolicy = AccessPolicy(),
) -> Actor:
    """The customer's actor when `code` is their newest live code; else an AccessError."""
    address = normalise_email(email)
    entered = code.strip().replace(" ", "") if isinstance(code, str) else ""
    customer = _customer_by_email(session, address)
    row = None
    if customer is not None:
        row = session.exec(
            select(LoginCode)
            .where(LoginCode.customer_id == customer.id, col(LoginCode.used_at).is_(None))
            .order_by(col(LoginCode.id).desc())
        ).first()
    now = clock.now()
    if row is None or row.failed_attempts >= policy.max_code_attempts:
        raise CodeInvalid("no live code")
    if now >= row.expires_at:
        raise CodeExpired("code expired")
    salt = row.code_hash.split("$", 1)[0]
    if not (len(entered) == 6 and entered.isdigit()) or not hmac.compare_digest(
        _code_hash(salt, entered), row.code_hash
    ):
        session.exec(
            update(LoginCode)
            .where(col(LoginCode.id) == row.id)
            .values(failed_attempts=LoginCode.failed_attempts + 1)
        )
        session.flush()
        raise CodeInvalid("wrong code")
    claimed = session.exec(
        update(LoginCode)
        .where(
            col(LoginCode.id) == row.id,
            col(LoginCode.used_at).is_(None),
            col(LoginCode.failed_attempts) < policy.max_code_attempts,
        )
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        raise CodeInvalid("code already used")
    return Actor(ActorKind.CUSTOMER, customer.id, customer.business_id, locale=customer.locale)


def issue_handoff(session: Session, actor: Actor, clock: Clock, target_path: str) -> str:
    """A 60-second single-use token that lets a plain route set the session cookie."""
    raw = secrets.token_urlsafe(32)
    now = clock.now()
    session.add(
        AccessToken(
            token_hash=hash_token(raw),
            actor_kind=actor.kind.value,
            actor_id=actor.id,
            business_id=actor.business_id,
            target_path=target_path,
            created_at=now,
            expires_at=now + HANDOFF_LIFETIME,
        )
    )
    session.flush()
    return raw


def redeem_access_token(session: Session, raw: object, clock: Clock) -> tuple[Actor, str]:
    """Use a token once; return who it signs in and where to land."""
    if not isinstance(raw, str) or not 20 <= len(raw) <= 100:
        raise LinkInvalid("malformed token")
    digest = hash_token(raw)
    now = clock.now()
    claimed = session.exec(
        update(AccessToken)
        .where(
            col(AccessToken.token_hash) == digest,
            col(AccessToken.used_at).is_(None),
            col(AccessToken.expires_at) > now,
        )
        .values(used_at=now)
    )
    row = session.exec(select(AccessToken).where(AccessToken.token_hash == digest)).first()
    if claimed.rowcount != 1:
        if row is None:
            raise LinkInvalid("unknown token")
        if row.used_at is not None:
            raise LinkUsed("token already used")
        raise LinkExpired("token expired")
    session.refresh(row)
    return _actor_for(session, row), row.target_path


def _actor_for(session: Session, row: AccessToken) -> Actor:
    if row.actor_kind == ActorKind.CUSTOMER:
        customer = session.get(Customer, row.actor_id)
        if customer is None:
            raise LinkInvalid("customer gone")
        return Actor(ActorKind.CUSTOMER, customer.id, customer.business_id, locale=customer.locale)
    member = session.get(StaffMember, row.actor_id)
    if member is None or not member.active:
        raise LinkInvalid("staff member gone")
    return Actor(ActorKind.STAFF, member.id, member.business_id, StaffRole(member.role))
