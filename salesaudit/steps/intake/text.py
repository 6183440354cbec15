"""Step 00 words: the client profile, data-quality tables and notes, the assumptions log."""

from __future__ import annotations

import pandas as pd

from salesaudit.core.quality import Assumption
from salesaudit.i18n import fmt_date, fmt_money, fmt_num, has, t
from salesaudit.i18n.notes import render
from salesaudit.inputs import ingest
from salesaudit.inputs.audit import Audit
from salesaudit.inputs.basis import reconciliation
from salesaudit.inputs.facts import RevenueBasis
from salesaudit.present.labels import keyed, keyed_list
from salesaudit.steps.intake.compute import (
    assumption_log,
    history_hint,
    payments_missing,
    versions,
)


def profile(audit: Audit) -> pd.DataFrame:
    """The client profile as label/value rows."""
    c, lang = audit.config, audit.lang
    target = c.targets.revenue_per_month
    rows = [
        (t("intake.client", lang), c.client),
        (t("report.as_of", lang), fmt_date(audit.as_of, lang)),
        (t("report.currency", lang), c.currency),
        (t("intake.language", lang), keyed("language", c.language, lang)),
        (
            t("intake.target", lang),
            fmt_num(target, lang) if target else t("word.not_available", lang),
        ),
        (t("intake.tables", lang), keyed_list("table", audit.tables, lang)),
        (t("intake.seed", lang), str(c.seed)),
    ]
    return pd.DataFrame(rows, columns=[t("tbl.item", lang), t("tbl.value", lang)])


def quality(audit: Audit) -> pd.DataFrame:
    """One row per table: file, rows read/rejected, dates, how it was read, warnings (formatted)."""
    lang = audit.lang
    df = ingest.quality_summary(audit.quality, lang)
    for col in (t("tbl.rows_read", lang), t("tbl.rows_rejected", lang)):
        df[col] = [fmt_num(v, lang) for v in df[col]]
    return df


def quality_notes(audit: Audit) -> list[str]:
    """The data-quality summary in sentences (as `salesaudit validate` prints it), then which
    export would turn on stage-level analysis when no stage history was given."""
    out = ingest.quality_text(audit.quality, audit.lang)
    hints = [history_text(audit), payments_text(audit)]
    return [*out, *(h for h in hints if h)]


def payments_text(audit: Audit) -> str:
    """One warning: the target is in payments but no payments were given, and what to export."""
    return t("intake.payments_missing", audit.lang) if payments_missing(audit) else ""


def history_text(audit: Audit) -> str:
    """One sentence: what the missing stage history costs and which export gives it ('' if given)."""
    h = history_hint(audit)
    if h is None:
        return ""
    lang = audit.lang
    what = t("intake.history.conversions" if h.conversions_unknown else "intake.history.time", lang)
    if h.title and h.export and lang == "en":
        how = t("intake.history.how_preset", lang, crm=h.title, how=h.export)
    elif h.title:
        how = t("intake.history.see_preset", lang, crm=h.title)
    else:
        how = t("intake.history.see_docs", lang)
    return f"{what} {how}"


def assumption_row(a: Assumption, lang: str) -> dict[str, str]:
    """One assumption for display: its label, value, source and impact in lang."""
    label_key = f"assumption.{a.note.code}" if a.note is not None else ""
    label = t(label_key, lang) if has(label_key) else keyed("assumption", a.key, lang)
    value = render(a.note, lang) if a.note is not None else a.value
    return {
        t("tbl.assumption", lang): label,
        t("tbl.value", lang): f"{a.file}: {value}" if a.file else value,
        t("tbl.source", lang): t(a.source, lang) if has(a.source) else a.source,
        t("tbl.impact", lang): keyed("impact", a.impact, lang),
    }


def assumptions(audit: Audit) -> pd.DataFrame:
    """The assumptions log: every default used in place of client data, with its source."""
    lang = audit.lang
    log = assumption_log(audit)
    entries = [*log.data, *log.funnel]
    if log.as_of is not None:
        entries.append(
            Assumption(
                "as_of", fmt_date(log.as_of, lang), f"intake.as_of.{log.as_of_source}", "low"
            )
        )
    entries.extend(log.sizing)
    columns = [t(f"tbl.{c}", lang) for c in ("assumption", "value", "source", "impact")]
    return pd.DataFrame([assumption_row(a, lang) for a in entries], columns=columns)


def versions_table(audit: Audit) -> pd.DataFrame:
    """Versions of salesaudit and its main libraries, for display."""
    lang = audit.lang
    return pd.DataFrame(
        [{t("tbl.package", lang): n, t("tbl.version", lang): v} for n, v in versions().items()]
    )


def reconciliation_table(audit: Audit) -> pd.DataFrame | None:
    """Won deals and payments over 12 months, their ratio and lag, the target and plan in both bases."""
    r = reconciliation(audit)
    if r is None:
        return None
    lang, cur = audit.lang, audit.config.currency
    other: RevenueBasis = "payments" if r.basis == "won_deals" else "won_deals"

    def both(value: float, basis: RevenueBasis) -> tuple[str, str]:
        """The amount in the report's basis and in the other one."""
        return money(r.convert(value, basis)), money(r.convert(value, basis, other))

    def money(v: float | None) -> str:
        """An amount, or 'not available'."""
        return t("word.not_available", lang) if v is None else fmt_money(v, lang, cur)

    by_basis = {"won_deals": r.won_deals, "payments": r.payments}
    head = [t("tbl.item", lang), t(f"recon.basis.{r.basis}", lang), t(f"recon.basis.{other}", lang)]
    out = [(t("recon.revenue", lang), money(by_basis[r.basis]), money(by_basis[other]))]
    if r.target is not None:
        out.append((t("recon.target", lang), *both(r.target * 12, r.target_basis)))
    if r.plan is not None:
        out.append((t("recon.plan", lang), *both(r.plan, r.plan_basis)))
    ratio = "—" if r.ratio is None else fmt_num(r.ratio, lang, 2)
    out.append((t("recon.ratio", lang), ratio, ""))
    lag = "—" if r.lag_days is None else fmt_num(r.lag_days, lang, 0)
    out.append((t("recon.lag", lang), lag, ""))
    return pd.DataFrame(out, columns=head)


def reconciliation_note(audit: Audit) -> list[str]:
    """One sentence: the report's revenue basis and how the other basis converts to it."""
    r = reconciliation(audit)
    warn = [payments_text(audit)] if payments_missing(audit) else []
    if r is None:
        return warn
    lang = audit.lang
    if r.ratio is None:
        return [t(f"recon.note.{r.basis}", lang), *warn]
    lag = "—" if r.lag_days is None else fmt_num(r.lag_days, lang, 0)
    return [
        t(f"recon.note.{r.basis}", lang)
        + " "
        + t("recon.note.ratio", lang, ratio=fmt_num(r.ratio, lang, 2), lag=lag)
    ]
