"""Template helpers for the public pages."""
import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()
# What must not appear raw inside a <script> element: "</script>" or "<!--" in a claim would end or break it.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(data) -> str:
    """Serialise JSON-LD for a <script type="application/ld+json"> block, with <, > and & escaped."""
    return mark_safe(json.dumps(data, ensure_ascii=False, indent=2).translate(SCRIPT_ESCAPES))
