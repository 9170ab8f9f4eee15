"""``tipkb serve``: the JSON API and the dashboard over a knowledge base."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket

import typer

from tipkb.cli.output import DB_OPTION, db_url, error
from tipkb.cli.root import app


@app.command("serve")
def serve_command(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="Port to listen on."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Server processes (SQLite or PostgreSQL)."
    ),
    trusted_host: list[str] = typer.Option(
        [],
        "--trusted-host",
        help="A Host header to answer (a name, an address, *.domain; * for any); repeat for more. "
        "Default: any on loopback; beyond it this machine's names and addresses ($TIPKB_TRUSTED_HOSTS too).",
    ),
) -> None:
    """Serve the JSON API and the dashboard (map, countries, flows, search, documents), offline.

    The API is under /api, its schema at /openapi.json and its docs at /api/docs. Read-only unless
    TIPKB_TOKEN is set, which turns on uploads (POST /api/documents) that need that token.
    """
    try:
        import uvicorn

        from tipkb.web import create_app
        from tipkb.web.app import trusted_hosts_from
    except ImportError:
        error("tipkb serve needs the web extra: pip install 'tipkb[web]'")
        raise typer.Exit(1) from None
    from tipkb.store import StoreError

    url = db_url(db)
    token = os.environ.get("TIPKB_TOKEN") or None
    hosts = trusted_host or trusted_hosts_from(os.environ.get("TIPKB_TRUSTED_HOSTS"))
    if hosts is None and not _loopback(host):
        hosts = _own_names(host)
    if hosts:
        os.environ["TIPKB_TRUSTED_HOSTS"] = ",".join(hosts)
    try:
        create_app(url, token=token).state.stores.close()
    except StoreError as err:
        error(str(err))
        raise typer.Exit(2 if err.usage else 1) from None
    os.environ["TIPKB_SERVE_DB"] = url
    mode = "uploads on (token required)" if token else "read-only"
    typer.echo(f"tipkb: serving {url} at http://{host}:{port}/ ({mode}); Ctrl+C stops", err=True)
    if hosts and "*" not in hosts:
        typer.echo(f"tipkb: answering requests for {', '.join(hosts)} (--trusted-host adds one)", err=True)
    config = uvicorn.Config(
        "tipkb.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        # The C HTTP parser and event loop (web extra) when installed: about a quarter more requests a second.
        loop="auto",
        http="auto",
        log_level="warning",
        access_log=False,
    )
    if workers == 1:
        uvicorn.Server(config).run()
        return
    from uvicorn.supervisors import Multiprocess

    Multiprocess(config, sockets=[_listen(host, port)]).run()


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket the worker processes share. Made here with its protocol named (uvicorn makes
    it without): asyncio sets TCP_NODELAY only on TCP sockets it can tell are TCP, and without it every
    small response waits ~40 ms for a delayed ACK."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        error(f"cannot listen on {host}:{port}: {err.strerror or err}")
        raise typer.Exit(1) from None
    sock.set_inheritable(True)
    return sock


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def _own_names(host: str) -> list[str]:
    """The names and addresses a request to this machine may carry in its Host header: the address
    listened on (unless it is every address), this machine's names and their addresses, and loopback."""
    names = {"localhost", "127.0.0.1", "::1", socket.gethostname(), socket.getfqdn()}
    if host not in ("0.0.0.0", "::", ""):
        names.add(host)
    for name in list(names):
        with contextlib.suppress(OSError, UnicodeError):
            names.update(str(info[4][0]) for info in socket.getaddrinfo(name, None))
    return sorted(n.lower() for n in names if n)
