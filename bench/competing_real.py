"""Score competing accounts on real reports, once per ranking, each through a throwaway server.

    .venv/bin/python bench/competing_real.py [--events DIR] [--rankings current,embedding,combined]

DIR defaults to ../shared/eval/competing-dev.

For every ranking named, a fresh SQLite database is migrated in a temporary folder, an admin and its
token are made, `manage.py runserver` is started on a free 127.0.0.1 port with COMPETING_RANKING set,
and the shared scorer (`score_competing.py`, found beside the events folder) ingests every report through
the API and reads the competing lists. Prints one line per ranking and stops every server it started.
"""
import argparse
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_EVENTS = ROOT.parent / "shared" / "eval" / "competing-dev"


def free_port() -> int:
    """A port nobody listens on, on the loopback address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    """Run one management command in the throwaway environment; stop with its error when it fails."""
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed: {done.stderr[-800:]}")
    return done.stdout


def wait_for(base: str, server: subprocess.Popen, seconds: float = 30) -> None:
    """Wait until the server answers, or stop when it died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped: {server.stdout.read()[-800:] if server.stdout else ''}")
        try:
            urllib.request.urlopen(base + "/api/schema/", timeout=2)
            return
        except urllib.error.HTTPError:  # any answer will do
            return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"the server at {base} did not answer within {seconds:.0f}s")


def score(ranking: str, events: Path, scorer: Path, verbose: bool) -> str:
    """The scorer's summary line for one ranking, measured on a fresh database."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/score.sqlite3", "DJANGO_DEBUG": "1",
               "DJANGO_SECRET_KEY": secrets.token_urlsafe(32), "COMPETING_RANKING": ranking,
               "HF_HUB_OFFLINE": "1", "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(16)}
        manage(env, "migrate", "--no-input")
        manage(env, "createsuperuser", "--no-input", "--username", "scorer", "--email", "scorer@example.org")
        token = manage(env, "drf_create_token", "scorer").split()[2]
        port = free_port()
        server = subprocess.Popen([PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], cwd=ROOT,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base, server)
            command = [PYTHON, str(scorer), "--base", base, "--token", token, "--events", str(events)]
            done = subprocess.run(command + (["--verbose"] if verbose else []), capture_output=True, text=True)
            if verbose:
                print(done.stdout, end="")
            if done.returncode:
                sys.exit(f"the scorer failed for {ranking}: {done.stderr[-800:] or done.stdout[-800:]}")
            return done.stdout.strip().splitlines()[-1]
        finally:
            server.terminate()
            server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS)
    parser.add_argument("--rankings", default="current,embedding,combined")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    scorer = args.events.resolve().parent / "score_competing.py"
    if not scorer.exists():
        sys.exit(f"no scorer at {scorer}")
    for ranking in args.rankings.split(","):
        print(f"{ranking:<10} {score(ranking, args.events, scorer, args.verbose)}", flush=True)


if __name__ == "__main__":
    main()
