"""Project configuration; importing it registers the <id:…> URL converter every urls.py uses."""
from config import converters  # noqa: F401
