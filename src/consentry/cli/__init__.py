"""Command line: a thin layer over the library.

Every module in this package registers its commands on `consentry.cli.app.app`; they are imported
here so that adding a command never means editing a shared file.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys

from consentry.cli.app import app
from consentry.errors import ConsentryError, InputError

__all__ = ["app", "main"]

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module not in {"app"} and not _module.startswith("_"):
        importlib.import_module(f"{__name__}.{_module}")


def main() -> None:
    """Entry point of the `consentry` script: domain errors become one line and exit 2."""
    try:
        app(standalone_mode=True)
    except InputError as exc:
        print(exc.one_line(), file=sys.stderr)
        sys.exit(2)
    except ConsentryError as exc:
        print(f"consentry: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line; CONSENTRY_DEBUG=1 shows the traceback
        if os.environ.get("CONSENTRY_DEBUG"):
            raise
        print(
            f"consentry: internal error ({type(exc).__name__}: {exc}); please report it",
            file=sys.stderr,
        )
        sys.exit(3)
