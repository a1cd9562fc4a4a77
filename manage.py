#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""
import os
import sys


def use_project_venv():
    """Re-run under the project's .venv when started by a Python that lacks Django (`python manage.py ...`)."""
    try:
        import django  # noqa: F401
    except ImportError:
        venv = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".venv")
        venv_python = os.path.join(venv, "bin", "python")
        # Compare environments, not binaries: the venv's python is often a link to this very interpreter.
        if os.path.exists(venv_python) and os.path.realpath(sys.prefix) != os.path.realpath(venv):
            os.execv(venv_python, [venv_python, *sys.argv])
        raise


def main():
    """Run administrative tasks."""
    use_project_venv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
