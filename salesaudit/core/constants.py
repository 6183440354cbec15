"""Methodology constants, each defined once with the section of the methodology it comes from.

Sections refer to `docs/methodology.md` (§1 the build algorithm, §2 technologies, §3 the sales
department, §4 the funnel, §5 the four pillars). Defaults that the audit uses in place of client
data are listed in the report's assumptions log with the source given here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Norm:
    """A methodology figure: its value (or band) and the section it comes from."""

    value: float
    source: str  # a methodology section such as "§4.5", or DEFAULT
    high: float | None = None  # the band's upper end, when the methodology gives a band


DEFAULT = "default"  # the source of a figure the methodology does not give: salesaudit's default
DAYS_PER_MONTH = 30.4375  # mean Gregorian month

# --- statistics (the audit's own conventions, docs/methodology.md §6.5) ---------------------------------
LEVEL = 0.90  # every conversion carries a 90% Wilson interval
MIN_N = 30  # fewer deals than this in a denominator: "too few to judge", never ranked
# A stage conversion is identifiable when the lost deals whose loss stage is unknown could move
# it by at most 5 percentage points (wherever they were in fact lost); otherwise it is not shown.
UNKNOWN_LOSS_TOLERANCE = 0.05

# --- §4 the funnel ----------------------------------------------------------------------------
BRIEF_RATE = Norm(0.50, "§4.3")  # ≥ 50% of first meetings yield a needs brief
MEETING_TO_CONTRACT = Norm(0.10, "§4.5", high=0.30)  # 10–30% of meetings end in a contract
MEETINGS_PER_CLOSER = Norm(40.0, "§4.2", high=45.0)  # meetings a closer holds a month

# Default rates for team sizing when neither the client nor the data give them.
DEFAULT_MEETING_TO_CONTRACT = Norm(
    (MEETING_TO_CONTRACT.value + (MEETING_TO_CONTRACT.high or 0)) / 2, "§4.5"
)  # 0.20: the midpoint of the 10–30% band
DEFAULT_CONTACT_TO_MEETING = Norm(0.25, DEFAULT)  # one list company in four grants a meeting
DEFAULT_CALL_TO_CONTACT = Norm(0.25, DEFAULT)  # one call in four reaches the decision maker

# --- §3 the sales department -------------------------------------------------------------------
CALLS_PER_HOUR = Norm(15.0, "§3.7", high=20.0)  # outbound calls a hunter makes an hour
PRODUCTIVE_SHARE = Norm(0.8, "§3.7")  # over 80% of a seller's time with clients
HOURS_PER_DAY = Norm(8.0, DEFAULT)
WORKING_DAYS_PER_MONTH = Norm(21.0, DEFAULT)
ACCOUNTS_PER_FARMER = Norm(60.0, DEFAULT)  # active accounts one farmer serves
SPAN = Norm(7.0, "§3.4")  # sellers one head leads at most (6–7)
# a region with at least this many sellers needs its own head (§3.4: a team is a head + 3 sellers)
REGION_TEAM = Norm(3.0, "§3.4")
CHECKINS_PER_DAY = Norm(2.0, "§3.8", high=3.0)  # five-minute check-ins about 11:00, 14:00, 16:00
RAMP_MONTHS = Norm(3.0, DEFAULT)  # a newcomer's linear ramp to full productivity (§3.1: adaptation)
HIRING_BATCH = Norm(3.0, "§1")  # hire in groups, not one by one (the size 3 is our default)
ATTRITION = Norm(0.25, DEFAULT)  # annual share of sellers who leave
# monthly pay at plan per role (RUB); the methodology gives no figure
TARGET_EARNINGS = {
    "hunter": Norm(90000.0, DEFAULT),
    "closer": Norm(150000.0, DEFAULT),
    "farmer": Norm(120000.0, DEFAULT),
    "head": Norm(250000.0, DEFAULT),
}
REPEAT_SALES = Norm(1.0, DEFAULT)  # repeat sales assumed (farmers sized) until answered or seen
PAY_MIX = {"fixed": Norm(0.30, "§3.5"), "soft": Norm(0.10, "§3.5"), "bonus": Norm(0.60, "§3.5")}

# --- §1 the sales model --------------------------------------------------------------------------
PASSIVE_SHARE = (
    0.60  # over 60% of deals from inbound channels: a passive model (docs/methodology.md §6.1)
)
PROJECT_CYCLE_DAYS = 90  # a median won cycle over 90 days: project sales (docs/methodology.md §6.1)
REVIEW_MONTHS = 3  # the system is reviewed at least every three months (§1)

# --- §3.8 customers: ABC-XYZ ---------------------------------------------------------------------
ABC_A, ABC_B = 0.80, 0.95  # cumulative revenue share thresholds
XYZ_X, XYZ_Y = 0.5, 1.0  # coefficient-of-variation thresholds
# Fewer paying clients than this in the window: the classes are listed but not read as findings
# (with a handful of clients the 80/95% split says nothing about the base).
MIN_CLIENTS_ABC = 10
DEGENERATE_SHARE = 0.90  # one XYZ class holding more than this: classify again by quarter
