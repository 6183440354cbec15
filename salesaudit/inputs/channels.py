"""Which deal channels are inbound: the client's own list, else the preset's and the canonical keys.

The client's `model.inbound_channels` is the answer when the client file gives it: those
channels are inbound, every other one outbound. Without it, a channel is inbound or outbound
when the canonical keys (`website`, `cold_call`, ...) or the deals preset's `channels:` name it,
and unknown otherwise — the data-quality section asks "inbound or outbound?" about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from salesaudit.inputs.client import ClientConfig
from salesaudit.inputs.ingest.detect import norm
from salesaudit.inputs.presets import load_preset

# Canonical channel keys (the demo's, and what a consultant writes by hand), by direction.
CANONICAL: dict[str, tuple[str, ...]] = {
    "inbound": ("website", "referral", "inbound_call"),
    "outbound": ("cold_call", "exhibition", "partner", "outbound_call", "tender"),
}


def client_inbound(cfg: ClientConfig) -> list[str] | None:
    """The inbound channels the client file lists (None when it lists none)."""
    model = getattr(cfg, "model", None)
    given = getattr(model, "inbound_channels", None)
    if model is None or not given or "inbound_channels" not in model.model_fields_set:
        return None
    return [str(c) for c in given]


def _deals_preset(cfg: ClientConfig) -> dict[str, Any] | None:
    """The preset the deals table names, loaded (None without one)."""
    spec = cfg.data.deals
    if spec is None or not spec.preset:
        return None
    return load_preset(spec.preset, base_dir=cfg.base_dir)


def directions(cfg: ClientConfig, preset: dict[str, Any] | None = None) -> dict[str, str]:
    """Normalised channel name -> 'inbound' | 'outbound', from the canonical keys and the preset."""
    p = preset if preset is not None else _deals_preset(cfg)
    out: dict[str, str] = {}
    for way in ("outbound", "inbound"):  # a name in both lists counts as inbound
        names = list(CANONICAL[way]) + list(((p or {}).get("channels") or {}).get(way, []))
        out.update({norm(n): way for n in names})
    return out


def inbound_channels(cfg: ClientConfig, present: Iterable[Any] = ()) -> tuple[str, ...]:
    """The channel names counted as inbound.

    The client's list when given (in its order); else every name the canonical keys and the
    preset call inbound. With `present` (the channel values of the data), only those of them
    that are inbound, in the client's order, then in the order first seen.
    """
    given = client_inbound(cfg)
    values = [str(v) for v in present if isinstance(v, str) and v]
    if given is not None:
        if not values:
            return tuple(given)
        seen = {norm(v) for v in values}
        return tuple(c for c in given if norm(c) in seen)
    way = directions(cfg)
    if not values:
        return tuple(n for n, w in way.items() if w == "inbound")
    return tuple(dict.fromkeys(v for v in values if way.get(norm(v)) == "inbound"))


def is_inbound(cfg: ClientConfig, values: Iterable[Any]) -> list[bool]:
    """For each channel value: is it inbound (client's list, else canonical keys and preset)?"""
    given = client_inbound(cfg)
    if given is not None:
        inbound = {norm(c) for c in given}
        return [isinstance(v, str) and norm(v) in inbound for v in values]
    way = directions(cfg)
    return [isinstance(v, str) and way.get(norm(v)) == "inbound" for v in values]


def unknown_channels(
    cfg: ClientConfig, values: Iterable[Any], preset: dict[str, Any] | None = None
) -> list[str]:
    """Channel values no mapping knows (none when the client lists its inbound channels)."""
    if client_inbound(cfg) is not None:
        return []
    way = directions(cfg, preset)
    return [str(v) for v in values if isinstance(v, str) and v and norm(v) not in way]


def inbound_share(cfg: ClientConfig, deals: pd.DataFrame | None) -> float | None:
    """Share of deals from inbound channels, among the deals whose channel direction is known.

    None without channel data, or when the channels of half the deals or more are values no
    mapping knows (the data quality section lists them with the question "inbound or outbound?").
    """
    if deals is None or "channel" not in deals or deals["channel"].notna().sum() == 0:
        return None
    ch = deals["channel"].dropna().astype(str)
    unknown = set(unknown_channels(cfg, ch.unique()))
    known = ch[~ch.isin(unknown)]
    if len(known) <= len(ch) / 2:
        return None
    return float(sum(is_inbound(cfg, known)) / len(known))
