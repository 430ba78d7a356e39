"""The HTTP service (`consentry serve`): a thin FastAPI layer over `consentry.ledger`."""

from consentry.web.app import create_app
from consentry.web.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
