"""Reading desk pages: the elements that carry an attribute, with the text inside them."""
from html.parser import HTMLParser


class _Collector(HTMLParser):
    """Collect every element carrying an attribute, with the text inside it."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, attribute: str):
        super().__init__(convert_charrefs=True)
        self.attribute = attribute
        self.found: list[dict] = []
        self.open: list[tuple[str, dict | None]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        element = {"tag": tag, "attrs": attrs, "text": ""} if self.attribute in attrs else None
        if element is not None:
            self.found.append(element)
        if tag not in self.VOID:
            self.open.append((tag, element))

    def handle_endtag(self, tag):
        while self.open:
            open_tag, _ = self.open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _, element in self.open:
            if element is not None:
                element["text"] += data


def elements_with(html: str, attribute: str) -> list[dict]:
    """Every element of a page that has `attribute`, as {"tag", "attrs", "text"} (text unescaped)."""
    collector = _Collector(attribute)
    collector.feed(html)
    return collector.found
