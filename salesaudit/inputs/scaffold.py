"""`salesaudit new`: a commented client.yaml (optionally from a CRM preset) and an empty data folder."""

from __future__ import annotations

from pathlib import Path

from salesaudit.core.errors import InputError
from salesaudit.inputs import presets

# The questionnaire part of a new client file: every answer commented out, so that each one is
# "not assessed" until the consultant fills it in (docs/client-file.md). Norms follow with their defaults.
QUESTIONNAIRE = """\
# --- Questionnaire (docs/client-file.md) -------------------------------------------------------------
# Every answer is optional and has NO default: an unanswered item is *not assessed* — never a
# finding, a typical mistake, a score or a recommendation — and the report lists it among the
# open questions for the next workshop. Uncomment a line and answer what the client told you.
# model:
#   mode: auto                       # auto (from the deals' channel) | active | passive
#   inbound_channels: [website, referral, inbound_call]   # channel values that count as inbound
#   partners: false                  # do sales run through distributors / partners?
#   sales_type: auto                 # auto (cycle, regions, partners) | traditional | project | regional
#   algorithm: {1: in_place, 2: partial, 3: missing}   # steps 1-7: in_place | partial | missing
#   hiring: batch                    # batch | one_by_one
#   work_control: weekly             # daily | weekly | none
#   training: ad_hoc                 # system | ad_hoc | none
#   motivation: mixed                # mixed (a bonus part) | fixed_only
#   last_review_months_ago: 6
#   pillars: {operations: 2, process: 2, coaching: 2, training: 2}   # self-assessment 0-4
#
# technologies:                      # `salesaudit technologies` lists the keys
#   operational_reporting: partial   # in_place | partial | missing
#
# structure:                         # regions, segments, products and repeat sales are read
#   products: 1                      # from the data when left out (the report shows how)
#   regions: 1
#   region_specifics: false          # do regions need their own approach?
#   complex_product: false           # complex / innovative / high-tech goods
#   after_sales_service: false       # installation, setup, repair
#   segments: 1                      # client types with their own buying factors
#   segment_distinct_behaviour: false
#   repeat_sales: true               # false for one-off services: no farmers
#
# control:
#   morning_planning: true
#   checkins_per_day: 1              # the methodology asks for 2-3
#   daily_plan_fact: false
#   board: false
#   crm: {no_paper_orders: true, no_taskless_clients: false, counterparty_based: true,
#         methodology: false, website_integrated: true, enough_licences: true,
#         telephony_integrated: false, calls_recorded: false, configured: true}
#
# compensation:                      # the pay principles (methodology §3.5), true / false each
#   earnings_visible_daily: false    # every day each seller sees what he has earned
#   own_results_only: true           # the bonus pays only for the seller's own results
#   achievers_above_market: false    # plan achievers earn above the market, others below
#   instant_rewards: false           # some bonuses are paid the same day
#   # the pay design (judges "over-achievers earn far more" and "big thresholds" when given):
#   mix: {fixed: 0.3, soft: 0.1, bonus: 0.6}   # adds up to 1
#   threshold: 0.7                   # no bonus below 70% of plan
#   accelerator: {from: 1.0, rate: 1.5, kind: tiered}   # tiered | marginal
#   cap: 2.0                         # the bonus cap, × the target bonus
#   # target earnings a month in the client's currency; left out: today's pay (the median
#   # team.fixed_pay of the role), else the methodology's figures for RUB clients only
#   target_earnings: {hunter: 90000, closer: 150000, farmer: 120000, head: 250000}
#
# Norms: the methodology's defaults apply when left out, each listed in the assumptions log.
# capacity: {closer_meetings_per_month: 40, hunter_calls_per_hour: 15, span: 7,
#            ramp_months: 3, hiring_batch: 3, attrition: 0.25}
"""


def new_client(folder: Path, name: str, preset: str | None = None) -> Path:
    """Create folder/client.yaml and folder/data/; never overwrite an existing client file."""
    path = folder / "client.yaml"
    if path.exists():
        raise InputError(
            "already exists; not overwritten.",
            file=str(path),
            hint="Choose another name or edit the existing file.",
        )
    text = presets.client_yaml(name, preset).rstrip("\n") + "\n\n" + QUESTIONNAIRE
    (folder / "data").mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
