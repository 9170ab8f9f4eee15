"""The web app: a JSON API and an offline dashboard over the knowledge base (``tipkb serve``).

``create_app(url)`` builds the FastAPI app; it needs the ``web`` extra (``pip install 'tipkb[web]'``).
"""

from __future__ import annotations

try:
    from tipkb.web.app import create_app
except ImportError as err:  # pragma: no cover - depends on what is installed
    raise ImportError(f"the tipkb web app needs the web extra: pip install 'tipkb[web]' ({err})") from err

__all__ = ["create_app"]
