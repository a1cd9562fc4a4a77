"""Find the @username mentions in a comment's text."""
import re

# Django usernames are letters, digits and @ . + - _; a mention ends before trailing punctuation ("@rita.").
_MENTION = re.compile(r"(?<![\w@.+-])@([\w.@+-]{1,150})")
_TRAILING = ".-+@"


def mentioned_usernames(text: str) -> list[str]:
    """The usernames a text mentions, each once, in order of first mention."""
    found: dict[str, None] = {}
    for match in _MENTION.finditer(text):
        name = match[1].rstrip(_TRAILING)
        if name:
            found.setdefault(name, None)
    return list(found)
