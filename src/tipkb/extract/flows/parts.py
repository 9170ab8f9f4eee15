"""The ends of one clause: its origins, destinations, transit places and frame."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Parts:
    origins: list[str] = field(default_factory=list)
    origin_at: list[tuple[int, str]] = field(default_factory=list)  # (token index, code)
    dest_at: list[tuple[int, int, str]] = field(default_factory=list)  # (cue index, token index, code)
    span: tuple[int, int] = (-1, -1)  # the sentence offset and clause start the token indices are from
    dests: list[str] = field(default_factory=list)
    onward: list[str] = field(default_factory=list)  # "... and on to X": reached via the dests
    via: list[str] = field(default_factory=list)
    local: bool = False
    en_route: bool = False  # "to A en route to B": A is on the way, not a destination
    frame: str | None = None  # the frame country ("X is a source country for ...")
    frame_roles: set[str] = field(default_factory=set)
    entered: set[str] = field(default_factory=set)  # destinations named after "to"/"into"
    bases: set[str] = field(default_factory=set)  # "gangs based in Serbia": where traffickers are
    named_first: bool = False  # "Nigeria and Togo are the main destinations": the places come first
    # What a clause that waits for a "some"/"they" clause said of its people, and its words.
    victims: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    domestic_job: bool = False  # "... migrate to work as domestic servants": the job they went for
    listed: tuple[str, int] | None = None  # "Primary destination countries include ...": (part, list start)
