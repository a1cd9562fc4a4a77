"""Command line: python -m claims.extraction FILE [--format json|table]."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import ExtractionError, extract, to_json
from .render import to_table


def main(argv: list[str] | None = None) -> int:
    """Read FILE as UTF-8, extract its claims and print them."""
    parser = argparse.ArgumentParser(prog="python -m claims.extraction", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", choices=("json", "table"), default="json")
    args = parser.parse_args(argv)
    try:
        with open(args.file, encoding="utf-8", newline="") as handle:
            text = handle.read()
        claims = extract(text)
    except FileNotFoundError:
        print(f"error: no such file: {args.file}", file=sys.stderr)
        return 1
    except UnicodeDecodeError as exc:
        print(f"error: {args.file} is not UTF-8 text ({exc.reason} at byte {exc.start})", file=sys.stderr)
        return 1
    except (ExtractionError, IsADirectoryError, PermissionError) as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps(to_json(claims), ensure_ascii=False, indent=1))
    else:
        print(to_table(claims))
    return 0


if __name__ == "__main__":
    sys.exit(main())
