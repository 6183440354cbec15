"""Step 04 in words: sizing sentences, the reverse-funnel table and the assumptions it logs."""

from __future__ import annotations

import pandas as pd

from salesaudit.core.quality import Assumption
from salesaudit.core.results import Finding
from salesaudit.i18n import fmt_num, fmt_pct, t
from salesaudit.inputs.audit import Audit
from salesaudit.present.labels import mid_sentence, source_label
from salesaudit.steps.sizing.compute import NO_TARGET, Default, defaults, plan, reason

WORKLOAD_ROWS = ("contracts", "meetings", "contacts", "calls")


def unsupported(audit: Audit) -> str | None:
    """Why the team cannot be sized from this client's data (None when it can)."""
    code = reason(audit)
    return None if code is None else t(f"s.{code}", audit.lang)


def _short(v: float, lang: str) -> str:
    """A number with up to two decimals and no trailing zeros: 40, 0.8, 0.25."""
    return fmt_num(v, lang, 2).rstrip("0").rstrip(",.")


def source_text(source: str, lang: str) -> str:
    """Where a default comes from, in words: a methodology section, our default, or the data."""
    if source == NO_TARGET:
        return t("s.no_target", lang)
    return source_label(source, lang)


def assumption(d: Default, lang: str) -> Assumption:
    """One sizing default as a row of the assumptions log."""
    if d.key == "structure.repeat_sales":
        value = t("word.yes" if d.value else "word.no", lang)
    else:
        value = fmt_num(d.value, lang) if d.source == NO_TARGET else _short(d.value, lang)
    return Assumption(d.key, value, source_text(d.source, lang), d.impact)


def assumptions(audit: Audit) -> list[Assumption]:
    """The assumptions sizing makes for this client, for the assumptions log."""
    return [assumption(d, audit.lang) for d in defaults(audit)]


def finding_text(f: Finding, lang: str) -> str:
    """A sizing finding as a sentence."""
    p = f.params
    if f.code == "s.summary":
        return t(
            f.code,
            lang,
            target=fmt_num(p["target"], lang),
            contracts=fmt_num(p["contracts"], lang, 1),
            meetings=fmt_num(p["meetings"], lang),
            contacts=fmt_num(p["contacts"], lang),
            calls=fmt_num(p["calls"], lang),
        )
    if f.code == "s.closer_meetings":
        return t(
            f.code,
            lang,
            logged=fmt_pct(p["logged"], lang),
            m2c=fmt_pct(p["m2c"], lang),
            meetings=fmt_num(p["meetings"], lang),
            closers=p["closers"],
            capacity=fmt_num(p["capacity"], lang),
        )
    return t(f.code, lang, **{**p, "roles": t(f"roles.{p['roles']}", lang)})


def notes(audit: Audit) -> list[str]:
    """Sizing in sentences."""
    p = plan(audit)
    if p is None:
        return [unsupported(audit) or ""]
    out = [finding_text(f, audit.lang) for f in p.findings]
    rates = [d for d in defaults(audit) if d.key.startswith("capacity.rates.")]
    if rates:
        lang = audit.lang
        used = "; ".join(
            f"{mid_sentence(t(f'assumption.{d.key}', lang), lang)} {_short(d.value, lang)}"
            f" — {source_text(d.source, lang)}"
            for d in rates
        )
        out.append(t("s.rates_default", lang, rates=used))
    return out


def workload_table(audit: Audit) -> pd.DataFrame | None:
    """The reverse funnel as a table: target → contracts → meetings → contacts → calls."""
    lang = audit.lang
    p = plan(audit)
    if p is None:
        return None
    inp, w = p.inputs, p.workload
    rates = [
        f"÷ {fmt_num(inp.average_deal, lang)}",
        f"÷ {fmt_num(inp.meeting_to_contract, lang, 3)}",
        f"÷ {fmt_num(inp.contact_to_meeting, lang, 3)}",
        f"÷ {fmt_num(inp.call_to_contact, lang, 3)}",
    ]
    return pd.DataFrame(
        {
            t("tbl.metric", lang): [t(f"s.workload.{k}", lang) for k in WORKLOAD_ROWS],
            "": rates,
            t("tbl.value", lang): [fmt_num(w[k], lang, 1) for k in WORKLOAD_ROWS],
        }
    )
