"""Scalar cleaning, defined once: JSON-native numbers and values for findings and tables."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd


def plain(x: Any, digits: int | None = None) -> Any:
    """A JSON-safe native number (None for NaN/inf/None), optionally rounded."""
    if x is None:
        return None
    if isinstance(x, bool | np.bool_):
        return bool(x)
    if isinstance(x, int | np.integer):
        return int(x)
    try:
        v = float(x)
    except (TypeError, ValueError):
        return x
    if math.isnan(v) or math.isinf(v):
        return None
    return round(v, digits) if digits is not None else v


def jsonable(obj: Any) -> Any:
    """Make a value JSON-native: numpy scalars to Python, NaN/inf to None, Timestamps to ISO."""
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [jsonable(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if isinstance(obj, pd.Timestamp):
        return str(obj.date())
    return obj
