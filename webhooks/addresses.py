"""Where a webhook may point: HTTPS to a public address, so it cannot be aimed at the newsroom's own network."""
import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings

HTTPS_ONLY = "A webhook URL must use https."
NO_HOST = "A webhook URL needs a host name."
NO_CREDENTIALS = "Put no user name or password in a webhook URL; deliveries are signed instead."
UNRESOLVABLE = "The host {host} cannot be resolved."
NOT_PUBLIC = ("{host} resolves to {address}, a loopback, private or reserved address: webhooks only reach public "
              "addresses (CLAIMLEDGER_WEBHOOKS_ALLOW_LOCAL=1 lifts this, for development and tests only).")


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def url_refusal(url: str) -> str | None:
    """Why deliveries may not go to this URL (resolving its host now), or None when they may."""
    allow_local = settings.WEBHOOKS_ALLOW_LOCAL
    parts = urlsplit(url)
    if parts.scheme != "https" and not (allow_local and parts.scheme == "http"):
        return HTTPS_ONLY
    if parts.username or parts.password:
        return NO_CREDENTIALS
    host = parts.hostname
    if not host:
        return NO_HOST
    try:
        found = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return UNRESOLVABLE.format(host=host)
    if allow_local:
        return None
    for *_, sockaddr in found:
        if not _public(sockaddr[0]):
            return NOT_PUBLIC.format(host=host, address=sockaddr[0])
    return None
