"""Every message of the report in English: key -> text (str.format placeholders)."""

MESSAGES: dict[str, str] = {
    "act.behind": "Start with {names}: {n, plural, one {their result is} other {their results are}} "
    "below today's {now} beyond chance.",
    "act.conversion": "{driver}: weekly deal reviews and coaching on this step, with the best "
    "sellers' deals as examples; track it monthly against {ref}.",
    "act.cycle": "Cycle: a next step with a date in every open deal; review every deal open longer "
    "than {ref}.",
    "act.deal_size": "Average deal: back to {ref} (the best quarter) — a price floor and an up-sell "
    "in every offer.",
    "act.meetings_per_closer": "Meetings: every closer to {ref} a month (the best closers' pace) — "
    "meetings booked a week ahead, the calendar reviewed weekly.",
    "act.new_deals": "New deals: bring the inflow back to {ref} a month (the best quarter) with a "
    "weekly plan per channel.",
    "act.retention": "Clients: keep {ref} of last half-year's revenue buying again (the best "
    "quarter) — a farmer's call to every A and B client silent for a quarter.",
    "algo.1": "Choose and analyse the sales model",
    "algo.2": "Choose and analyse the sales technologies",
    "algo.3": "Recruit staff in batches",
    "algo.4": "Management and control of current work",
    "algo.5": "Adapt the technologies to the sales model",
    "algo.6": "Internal training",
    "algo.7": "Analyse and upgrade the department every 3 months",
    "answer.distinct": "{fact}: {n}, counted in the data ({tables}).",
    "answer.repeat_clients": "{fact}: yes — {n, plural, one {# client bought} other {# clients "
    "bought}} in more than one month in the data.",
    "answer.repeat_current": "{fact}: yes — {n, plural, one {# deal is} other {# deals are}} with "
    "current clients in the data.",
    "assumption.as_of": "Audit date",
    "assumption.assume.date_order": "Date order",
    "assumption.assume.lost_stage": "Loss stage of lost deals",
    "assumption.capacity.accounts_per_farmer": "Accounts per farmer",
    "assumption.capacity.attrition": "Annual attrition of sellers",
    "assumption.capacity.closer_meetings_per_month": "Meetings per closer a month",
    "assumption.capacity.hiring_batch": "Hiring batch size",
    "assumption.capacity.hours_per_day": "Working hours a day",
    "assumption.capacity.hunter_calls_per_hour": "Calls per hunter an hour",
    "assumption.capacity.hunter_calls_per_month": "Calls per hunter a month",
    "assumption.capacity.productive_share": "Productive share of the working day",
    "assumption.capacity.ramp_months": "Months for a newcomer to reach full productivity",
    "assumption.capacity.rates.call_to_contact": "Conversion call → contact",
    "assumption.capacity.rates.contact_to_meeting": "Conversion contact → meeting",
    "assumption.capacity.rates.meeting_to_contract": "Conversion meeting → contract",
    "assumption.capacity.span": "Span of control (sellers per head)",
    "assumption.capacity.working_days_per_month": "Working days a month",
    "assumption.compensation.target_earnings.closer": "Target monthly earnings: closer",
    "assumption.compensation.target_earnings.farmer": "Target monthly earnings: farmer",
    "assumption.compensation.target_earnings.head": "Target monthly earnings: head of sales",
    "assumption.compensation.target_earnings.hunter": "Target monthly earnings: hunter",
    "assumption.compensation.target_earnings.universal": "Target monthly earnings: universal seller",
    "assumption.funnel": "Funnel stages",
    "assumption.funnel.preset": "Funnel stages",
    "assumption.lost_without_stage": "Loss stage of lost deals",
    "assumption.structure.repeat_sales": "Repeat sales (farmers are sized)",
    "assumption.targets.revenue_per_month": "Revenue target per month",
    "c.a_share": "{n, plural, one {# A client} other {# A clients}} ({share} of clients) {n, "
    "plural, one {brings} other {bring}} {rev} of revenue.",
    "c.basis.deals": "The classes are built on won deals ({revenue} over the window); in payments, "
    "the report's revenue basis that the forecast and the target use, that is "
    "about {converted} (payments were {ratio}× won deals over the last 12 months — "
    "see the reconciliation table).",
    "c.basis.sales": "The classes are built on payments ({revenue} over the window, repeat "
    "purchases and instalments included); in won deals, the report's revenue basis "
    "that the forecast and the target use, that is about {converted} (payments "
    "were {ratio}× won deals over the last 12 months — see the reconciliation "
    "table).",
    "c.critical": "Critical moves: {moves}.",
    "c.degenerate": "Even by quarter {share} of clients fall in class {cls}: the base is mostly "
    "{what}; regularity does not separate clients here.",
    "c.lost": "lost",
    "c.lost_a": "A clients lost, largest first (revenue in the previous window): {clients}.",
    "c.lost_clients": "{n, plural, one {# client} other {# clients}} that bought in the previous "
    "window bought nothing in the current one ({a} of them class A, {a_revenue}): "
    "{revenue} of the previous window's {previous} ({share}).",
    "c.moved_down": "{n, plural, one {# client} other {# clients}} moved down a revenue class since "
    "the previous window.",
    "c.new": "new",
    "c.period.M": "months",
    "c.period.Q": "quarters (one class held over 90% of clients by month)",
    "c.rec.AX": "AX: key accounts, large and regular — a named farmer and a yearly account plan "
    "each; protect and grow.",
    "c.rec.AY": "AY: large but irregular — agree the next order with the client and keep in touch "
    "between purchases.",
    "c.rec.AZ": "AZ: large one-off buyers — after each deal find the next project, offer a "
    "framework contract; if they go quiet, ask why at once.",
    "c.rec.BX": "BX: medium and regular — widen what they buy to lift them into A.",
    "c.rec.BY": "BY: medium, irregular — a standing order or a reminder before their usual "
    "purchase.",
    "c.rec.BZ": "BZ: medium one-offs — qualify the potential; nurture the promising ones by "
    "campaigns.",
    "c.rec.CX": "CX: steady but small — cross-sell and up-sell at low cost of service.",
    "c.rec.CY": "CY: small, irregular — cheap service and automated reminders.",
    "c.rec.CZ": "CZ: small one-offs — serve cheaply, re-activate by campaign only.",
    "c.rec.lost_a": "Win back the {n, plural, one {# lost A client} other {# lost A clients}} "
    "first: the head of sales calls each within two weeks — why they stopped buying "
    "and what would bring them back.",
    "c.shrinking": "{n, plural, one {# client} other {# clients}} bought less than in the previous "
    "window, {drop} less. Revenue at risk, lost and shrinking clients together: "
    "{at_risk} ({share} of the previous window).",
    "c.source_deals": "No sales table: classified on won deals.",
    "c.tbl.advice": "What to do",
    "c.tbl.before_after": "Previous → current",
    "c.tbl.cell": "Cell",
    "c.tbl.class": "Class in the previous window",
    "c.tbl.drop": "Drop in revenue",
    "c.tbl.lost": "Lost clients",
    "c.tbl.lost_revenue": "Their revenue, previous window",
    "c.tbl.shrinking": "Shrinking clients",
    "c.tbl.total": "Total",
    "c.too_few_clients": "Only {n, plural, one {# client} other {# clients}} bought in the window: "
    "too few for ABC-XYZ to say anything about the client base (it needs at "
    "least {min}). The classes below are a list, not a finding; give the "
    "payments (sales) table of a longer period to classify.",
    "c.what.X": "steady buyers",
    "c.what.Y": "irregular buyers",
    "c.what.Z": "one-off buyers",
    "c.window": "Window {a} – {b}, {n, plural, one {# client} other {# clients}} with purchases, "
    "revenue {rev}; periods: {period}.",
    "channel.cold_call": "cold call",
    "channel.exhibition": "exhibition",
    "channel.inbound_call": "inbound call",
    "channel.partner": "partner",
    "channel.referral": "referral",
    "channel.website": "website",
    "chart.abc": "Clients and revenue by ABC class",
    "chart.abcxyz": "ABC-XYZ matrix: number of clients",
    "chart.benchmark_band": "Benchmark band",
    "chart.channels": "Deals by channel",
    "chart.clients": "Clients",
    "chart.conversion": "Conversion to the next stage",
    "chart.cost_now": "Fixed payroll today",
    "chart.coverage": "Technology coverage by group",
    "chart.deals": "Deals",
    "chart.fact": "Fact",
    "chart.funnel": "Sales funnel: deals reaching each stage",
    "chart.headcount": "Headcount by role: now and needed",
    "chart.inbound": "inbound",
    "chart.migration": "Clients between cells: previous window → current",
    "chart.month": "Month",
    "chart.org": "Org chart: heads, their sellers by role and region",
    "chart.org_recommended": "Recommended",
    "chart.org_today": "Today",
    "chart.outbound": "outbound",
    "chart.over_span": "over the span",
    "chart.people": "People",
    "chart.pillars": "Four pillars health, 0–100",
    "chart.plan": "Plan",
    "chart.plan_fact": "Revenue: plan vs fact by month",
    "chart.revenue": "Revenue",
    "chart.revenue_cost": "Revenue the productive team carries and the cost of sales, a month",
    "chart.score": "Score",
    "chart.share": "Share",
    "chart.span": "Sellers per head (span limit dashed)",
    "chart.to_hire": "To hire",
    "crm.calls_recorded": "All calls recorded",
    "crm.configured": "CRM configured",
    "crm.counterparty_based": "Work with counterparties, not separate deals",
    "crm.enough_licences": "Enough CRM licences",
    "crm.methodology": "Methodological materials for the CRM",
    "crm.no_paper_orders": "No orders on scraps of paper",
    "crm.no_taskless_clients": "No client without a task",
    "crm.telephony_integrated": "Telephony integrated",
    "crm.website_integrated": "CRM integrated with the website",
    "ct.board": "The board (leaderboard for the date)",
    "ct.calls": "Hunters make {v, plural, one {# call} other {# calls}} a day, about {h} an hour "
    "over {hours, plural, one {# hour} other {# hours}} (methodology: 15–20 an hour).",
    "ct.checkins": "5-minute check-ins a day (2–3: ~11:00, 14:00, 16:00)",
    "ct.crm_not_assessed": "CRM readiness is not assessed: none of the {total} checks is answered.",
    "ct.crm_score": "CRM readiness: {n} of {total, plural, one {# check} other {# checks}} pass.",
    "ct.crm_score_partial": "CRM readiness: {n} of {total, plural, one {# answered check} other {# "
    "answered checks}} pass; {open, plural, one {# check is} other {# "
    "checks are}} not assessed.",
    "ct.daily_plan_fact": "Daily plan/fact of payments",
    "ct.meetings": "Closers hold {v, plural, one {# meeting} other {# meetings}} a month on average "
    "(methodology: 40–45).",
    "ct.meetings_gap": "The activity log shows {logged, plural, one {# meeting} other {# meetings}} "
    "a month per closer, but the CRM has only {crm, plural, one {# deal} other "
    "{# deals}} a month per closer reaching a meeting — {ratio} logged meetings "
    "for each CRM meeting: a deal takes several meetings, or meetings never "
    "become deals in the CRM. The funnel and the forecast count CRM meetings, "
    "the closers' load counts the log's.",
    "ct.morning_planning": "Morning planning meeting",
    "ct.mt.crm": "CRM (deals reaching a meeting)",
    "ct.mt.log": "Activity log",
    "ct.mt.m2c": "Meeting → contract",
    "ct.mt.month": "Meetings a month, closers and universals",
    "ct.mt.per_seller": "A month per closer or universal",
    "ct.mt.ratio": "Log ÷ CRM",
    "ct.mt.role.closer": "A month per closer",
    "ct.mt.role.universal": "A month per universal seller",
    "ct.rhythm_assessed": "Management rhythm: {n} of {total} answers given; the rest are open "
    "questions in the summary.",
    "ct.rhythm_not_assessed": "The management rhythm is not assessed: the client file has no "
    "answers about it.",
    "dq.assumptions": "Assumption: {text}",
    "dq.dates": "dates {start} – {end}",
    "dq.flagged": "{flagged} kept but flagged",
    "dq.how": "{file}: read with {choices}.",
    "dq.read": "{file}: {read} rows read, {rejected} left out",
    "dq.warnings": "Warnings",
    "fact.after_sales_service": "After-sales service (installation, setup, repair)",
    "fact.complex_product": "Complex, innovative or high-tech product",
    "fact.products": "Products",
    "fact.region_specifics": "Regions need their own approach",
    "fact.regions": "Regions",
    "fact.repeat_sales": "Repeat sales",
    "fact.segment_distinct_behaviour": "Segments buy differently",
    "fact.segments": "Client segments",
    "funnel.backtest.above": "above the range",
    "funnel.backtest.below": "below the range",
    "funnel.backtest.inside": "inside the range",
    "funnel.bench.brief_rate": "Meetings yielding a needs brief",
    "funnel.bench.meeting_to_contract": "Meetings ending in a contract",
    "funnel.bench.meetings_per_closer": "Meetings per closer a month",
    "funnel.chart.actual": "Actual (won deals)",
    "funnel.chart.backtest": "Had we forecast earlier: P10–P90 and what came",
    "funnel.chart.backtest_actual": "Came",
    "funnel.chart.backtest_range": "P10–P90, median",
    "funnel.chart.backtest_run_rate": "Naive run rate",
    "funnel.chart.better": "10% better",
    "funnel.chart.capacity": "Meetings the closers can hold",
    "funnel.chart.cohort_row": "{month} · {n, plural, one {# deal} other {# deals}}, {open} open",
    "funnel.chart.cohorts": "Cohorts by month created: share of deals reaching each stage",
    "funnel.chart.conv_effect": "Conversion",
    "funnel.chart.conversion": "Conversion to next",
    "funnel.chart.cut": "{metric} by {cut} (90% interval)",
    "funnel.chart.daily": "Payments this month: plan and fact, cumulative",
    "funnel.chart.days": "Days in stage",
    "funnel.chart.forecast": "Revenue forecast by month: P10–P90 range, median and target",
    "funnel.chart.funnel": "Funnel: deals reaching each stage and conversion to the next (90% "
    "interval)",
    "funnel.chart.funnel_unidentified": "The funnel: reach and open deals (stage conversions not "
    "known)",
    "funnel.chart.gap": "Plan vs fact by month: the gap and its causes",
    "funnel.chart.needed": "Needed per month for the target",
    "funnel.chart.open_now": "Open deals at the stage now",
    "funnel.chart.other_effect": "Other payments",
    "funnel.chart.p10_p90": "P10–P90",
    "funnel.chart.p50": "Median (P50)",
    "funnel.chart.reach": "Deals reached",
    "funnel.chart.reach_known": "Deals known to have reached the stage",
    "funnel.chart.revenue_change": "Change in revenue",
    "funnel.chart.sim_funnel": "Deals per month at each stage",
    "funnel.chart.size_effect": "Deal size",
    "funnel.chart.still_in": "Still in stage",
    "funnel.chart.target": "Target",
    "funnel.chart.time": "Time in stage: share of deals still in the stage (open deals censored)",
    "funnel.chart.today": "Today",
    "funnel.chart.tornado": "Sensitivity: revenue over the next {h} months if one driver changes by "
    "10%",
    "funnel.chart.two_months": "2 months: a brief is due",
    "funnel.chart.volume": "New deals",
    "funnel.chart.worse": "10% worse",
    "funnel.cut.channel": "channel",
    "funnel.cut.client_type": "new / current client",
    "funnel.cut.manager": "manager",
    "funnel.cut.product": "product",
    "funnel.cut.region": "region",
    "funnel.cut.segment": "target group",
    "funnel.driver.conversion": "Conversion {a} → {b}",
    "funnel.driver.cycle": "Sales cycle",
    "funnel.driver.deal_size": "Average deal",
    "funnel.driver.meeting_to_contract": "Meeting → contract",
    "funnel.driver.meetings_per_closer": "Meetings per closer a month",
    "funnel.driver.new_deals": "New deals per month",
    "funnel.driver.retention": "Revenue kept from last half-year's clients",
    "funnel.driver.win_rate": "Win rate",
    "funnel.h.actual": "Came",
    "funnel.h.as_of": "Forecast made on",
    "funnel.h.band": "Benchmark",
    "funnel.h.censored": "Still waiting",
    "funnel.h.check": "Check",
    "funnel.h.current": "Now",
    "funnel.h.deals": "Deals",
    "funnel.h.driver": "Driver",
    "funnel.h.examples": "Examples",
    "funnel.h.gap": "Gap",
    "funnel.h.median": "Median, days",
    "funnel.h.months": "Months ahead",
    "funnel.h.n": "Closed (n)",
    "funnel.h.needed": "Needed for target",
    "funnel.h.open": "Open now",
    "funnel.h.p10": "P10",
    "funnel.h.p50": "P50",
    "funnel.h.p80": "P80, days",
    "funnel.h.p90": "P90",
    "funnel.h.pipeline": "Open pipeline",
    "funnel.h.plan_to_date": "Plan to date",
    "funnel.h.range": "Range",
    "funnel.h.rank": "Rank",
    "funnel.h.ratio": "Coverage",
    "funnel.h.realistic": "Realistic?",
    "funnel.h.reference": "Reachable",
    "funnel.h.reference_source": "Reference",
    "funnel.h.run_rate": "Run rate",
    "funnel.h.share": "% of plan",
    "funnel.h.status": "Verdict",
    "funnel.h.stays": "Stays",
    "funnel.h.target_quarter": "Quarter target (plan share)",
    "funnel.h.value": "Value",
    "funnel.h.weighted": "Weighted",
    "funnel.h.weighted_ratio": "Weighted coverage",
    "funnel.h.year_gain": "Revenue, 12 months",
    "funnel.hyg.backwards": "{n, plural, one {# deal} other {# deals}} moved backwards",
    "funnel.hyg.close_date_passed": "{n, plural, one {# open deal has} other {# open deals have}} a "
    "close date already passed",
    "funnel.hyg.lost_without_stage": "{n, plural, one {# lost deal has} other {# lost deals have}} "
    "no loss stage",
    "funnel.hyg.skipped_stages": "{n, plural, one {# deal} other {# deals}} skipped a stage",
    "funnel.hyg.stale": "{n, plural, one {# deal is} other {# deals are}} open over {days} days "
    "(stale)",
    "funnel.hyg.won_without_amount": "{n, plural, one {# won deal has} other {# won deals have}} no "
    "amount",
    "funnel.hyg.won_without_close_date": "{n, plural, one {# won deal has} other {# won deals "
    "have}} no close date",
    "funnel.hyg_label.backwards": "Deals moved backwards",
    "funnel.hyg_label.close_date_passed": "Open deals have a close date already passed",
    "funnel.hyg_label.lost_without_stage": "Lost deals have no loss stage",
    "funnel.hyg_label.skipped_stages": "Deals skipped a stage",
    "funnel.hyg_label.stale": "Deals are open over {days} days (stale)",
    "funnel.hyg_label.won_without_amount": "Won deals have no amount",
    "funnel.hyg_label.won_without_close_date": "Won deals have no close date",
    "funnel.kind.negative_binomial": "negative binomial, as volumes swing",
    "funnel.kind.payments": "payments",
    "funnel.kind.poisson": "Poisson",
    "funnel.kind.won_revenue": "won deals",
    "funnel.kpi.cycle": "Median cycle, days",
    "funnel.kpi.forecast": "Forecast, {h} months (P50)",
    "funnel.lever_source.band": "the methodology's band",
    "funnel.lever_source.best_quarter": "the best quarter of the last year",
    "funnel.lever_source.closers": "the best quartile of the ramped closers in the activity log: "
    "{who}",
    "funnel.lever_source.sellers": "the best quartile of the sellers: {who}",
    "funnel.m2c": "Meeting → contract",
    "funnel.open": "Open",
    "funnel.other": "other",
    "funnel.overall": "all deals",
    "funnel.reason.no_amounts": "no won deals with an amount",
    "funnel.reason.no_close_dates": "deals have no close dates",
    "funnel.reason.no_cycle": "no won deals with a close date",
    "funnel.reason.no_deals": "no deals table",
    "funnel.reason.no_history": "no stage history table",
    "funnel.reason.no_plan": "no plan table",
    "funnel.reason.no_plan_months": "no plan months up to the audit date",
    "funnel.reason.no_sales": "no payments table",
    "funnel.reason.no_spells": "no usable stage history",
    "funnel.reason.no_target": "no revenue target in client.yaml",
    "funnel.reason.no_won_in_plan_months": "no won deals in the plan months",
    "funnel.reason.short_history": "no complete month of deal history",
    "funnel.s.backtest_all": "The forecast was re-run at {n} earlier dates, 3 to {max} months "
    "before the last complete month, each time on the data known then: its "
    "P10–P90 range covered what came {k} of {n} times; its median missed "
    "by {mae} on average, a naive run rate (the last 12 months' pace) by "
    "{mae_rr}.",
    "funnel.s.backtest_few": "Checks: {n}, all over the same few months — too few to show whether "
    "the forecast is right or wrong. That is a property of the short "
    "history, not of the client's business: a fair test takes about 18 "
    "months of history (then 10 checks).",
    "funnel.s.backtest_no_history": "Without the stage history, a deal open on an earlier date is "
    "placed at the first stage (its stage then is unknown), so "
    "those re-runs undervalue their pipeline; today's forecast uses "
    "today's stages.",
    "funnel.s.backtest_none": "The history is too short to re-run the forecast at earlier dates "
    "(each needs 6 complete months before it).",
    "funnel.s.backtest_weak": "On this client's history the forecast has not yet shown it is right "
    "(it covered what came in fewer than 8 of 10 checks, or missed by "
    "more than the run rate): read its figures as a rough range, not a "
    "commitment.",
    "funnel.s.backtest_year": "Had we run this audit on {date}, it would have forecast {p50} for "
    "the next {h} months (P10–P90: {p10} – {p90}); {actual} came, "
    "{where}.",
    "funnel.s.board": "The board leader this month is {name} with {fact}.",
    "funnel.s.brief.below": "Only {v} {ci} of meetings yield a needs brief, below the methodology's "
    "50%.",
    "funnel.s.brief.inside": "{v} {ci} of meetings yield a needs brief, meeting the methodology's "
    "50%.",
    "funnel.s.cohort_range": "Among finished cohorts, meetings reached ranges from {lo} ({lo_m}) to "
    "{hi} ({hi_m}).",
    "funnel.s.cohort_young": "Cohorts from {month} on still have over 20% of deals open: their "
    "figures are not final.",
    "funnel.s.coverage": "Open pipeline: {pipeline} in {n} open deals, {ratio} the next quarter's "
    "target of {target}; weighted by each deal's chance to win from its stage, "
    "{weighted}, {wratio} of it ({wratio_h} of the {h}-month target).",
    "funnel.s.coverage_notarget": "Open pipeline: {pipeline} in {n} open deals; weighted by each "
    "deal's chance to win from its stage, {weighted}. No target was "
    "given to compare it with.",
    "funnel.s.coverage_rule": "The rule of thumb a board asks about is 3× unweighted; the weighted "
    "ratio is the honest one: below 1× the quarter cannot be made from "
    "today's pipeline and needs deals that are not yet in it.",
    "funnel.s.cut_few": "By {cut}: {n} of {total, plural, one {# value} other {# values}} {n, "
    "plural, one {has} other {have}} too few deals to judge.",
    "funnel.s.cut_none": "The deals carry no cut columns (manager, channel, product, …).",
    "funnel.s.cut_nosig": "the intervals overlap, so the gap may be chance.",
    "funnel.s.cut_sig": "the gap is beyond chance.",
    "funnel.s.cut_spread": "By {cut}, {metric} ranges from {lo_v} ({lo_name}) to {hi_v} "
    "({hi_name}); {sig}",
    "funnel.s.cycle": "A won deal takes {median} days from creation to contract (median); 80% close "
    "within {p80} days.",
    "funnel.s.cycle_refs": "For reference: software sales take 4–5 months, industrial equipment "
    "18–24.",
    "funnel.s.daily": "Payments this month: {fact} against {plan} planned to date.",
    "funnel.s.daily_next": "Plan for the next working day: {tomorrow}.",
    "funnel.s.daily_noplan": "Payments this month so far: {fact}.",
    "funnel.s.forecast": "Over the next {h} months revenue is expected at {p50} (80% range {p10} – "
    "{p90}).",
    "funnel.s.forecast_method": "The forecast draws {n, plural, one {# scenario} other {# "
    "scenarios}}: {kind} new deals around {mean} a month, each stage's "
    "conversion from its own history, and {open, plural, one {# deal} "
    "other {# deals}} already open.",
    "funnel.s.forecast_method_win": "The forecast draws {n, plural, one {# scenario} other {# "
    "scenarios}}: {kind} new deals around {mean} a month, each won "
    "at the win rate (the stage conversions are not known), and "
    "{open, plural, one {# deal} other {# deals}} already open, "
    "valued at the same win rate whatever its stage.",
    "funnel.s.goal_item": "{driver} {cur} → {need} ({why})",
    "funnel.s.goal_met": "The current run rate already meets the target of {target} a month.",
    "funnel.s.goal_no": "Not realistic alone: {items}.",
    "funnel.s.goal_none": "No single lever reaches {target} a month realistically: the plan needs "
    "several at once, or more closers.",
    "funnel.s.goal_ok": "To reach {target} a month by one lever alone, {driver} must go from {cur} "
    "to {need}: realistic.",
    "funnel.s.hygiene": "CRM hygiene: {items}.",
    "funnel.s.hygiene_ok": "The CRM records look clean: no hygiene problems found.",
    "funnel.s.lever_top": "The lever worth the most: {driver} from {now} to {ref} ({source}) adds "
    "{v} over the next 12 months (range {lo}–{hi}).",
    "funnel.s.levers_no_model": "The levers cannot be valued without a forecast model.",
    "funnel.s.levers_none": "No lever has a reachable reference above today: too few sellers or "
    "quarters with enough deals to compare, or today is already at the "
    "reference.",
    "funnel.s.levers_overlap": "{n, plural, one {# lever is} other {# levers are}} valued, each "
    "alone against a reference the client can reach; they overlap, so "
    "their money does not add up.",
    "funnel.s.lost_without_stage": "{n, plural, one {# lost deal does not say at which stage it was "
    "lost; it counts} other {# lost deals do not say at which stage "
    "they were lost; they count}} as lost at the first stage.",
    "funnel.s.m2c.above": "Meetings end in a contract {v} {ci} of the time, above the 10–30% band: "
    "either the meetings are very well qualified or meetings are not all "
    "logged.",
    "funnel.s.m2c.below": "Meetings end in a contract {v} {ci} of the time, below the 10–30% band.",
    "funnel.s.m2c.inside": "Meetings end in a contract {v} {ci} of the time, inside the 10–30% "
    "band.",
    "funnel.s.m2c_is_win_rate": "Every deal in this export starts at the meeting stage, so meeting "
    "→ contract is the win rate, known even though the stages between "
    "are not.",
    "funnel.s.mpc.above": "Each closer holds about {v, plural, one {# meeting} other {# meetings}} "
    "a month, above the methodology's 40–45: check the quality of the "
    "meetings.",
    "funnel.s.mpc.below": "Each closer holds about {v, plural, one {# meeting} other {# meetings}} "
    "a month, below the methodology's 40–45.",
    "funnel.s.mpc.inside": "Each closer holds about {v, plural, one {# meeting} other {# meetings}} "
    "a month, within the methodology's 40–45.",
    "funnel.s.mpc_basis.activities": "(From the activity log.)",
    "funnel.s.mpc_basis.crm": "(Counted as deals reaching the meeting stage in the CRM: meetings "
    "that never became deals are missing.)",
    "funnel.s.mpc_basis.crm_owners": "(Counted as deals reaching the meeting stage in the CRM, per "
    "deal owner who held them: without a team table with roles, "
    "every owner counts as a closer, though some may be hunters or "
    "farmers; meetings that never became deals are missing. Export "
    "the team table with each seller's role to count closers "
    "only.)",
    "funnel.s.no_cycle": "The cycle cannot be measured: won deals have no close date.",
    "funnel.s.no_history": "Time in stage needs the stage history export.",
    "funnel.s.not_identified": "Of {lost} lost deals, {n, plural, one {# does not record its loss "
    "stage} other {# do not record their loss stage}}, so the conversion "
    "from stage to stage is not known and is not shown or used anywhere "
    "in this report (the win rate above is known). To see it, export the "
    "deals' stage history (deal, stage, date entered) or a «lost at "
    "stage» column — docs/presets.md says where each CRM keeps them.",
    "funnel.s.open_mix": "{n, plural, one {# deal is} other {# deals are}} open now: {mix}.",
    "funnel.s.overview": "{n, plural, one {# deal} other {# deals}}: {won} won, {lost} lost, {open} "
    "still open. Win rate {wr} {ci}.",
    "funnel.s.p_target": "The chance of reaching the target of {target} a month ({total} in total) "
    "is {p}.",
    "funnel.s.plan_basis": "The plan is in payments; in won deals, the target's basis, it averages "
    "{plan} a month over those months (payments ÷ {ratio}) against a target "
    "of {target}: the plan needs {plan_need} new deals a month, the target "
    "{need} (goal seek below).",
    "funnel.s.plan_effect": "The weakest month, {month} ({gap}), fell short mainly on {effect} "
    "({value}).",
    "funnel.s.plan_fact": "Over {n, plural, one {# plan month} other {# plan months}}, {kind} total "
    "{fact} against a plan of {plan} ({gap}).",
    "funnel.s.plan_other": "Payments beyond each month's won deals (repeat business, instalments) "
    "are {value} against their share of the plan.",
    "funnel.s.plan_volume": "At today's conversion and average deal the plan needs {need} new deals "
    "a month; the team creates {have}.",
    "funnel.s.sensitivity": "The sensitivity chart shows how revenue over {h} months responds to a "
    "10% change in one driver; it does not choose the lever: a uniform 10% "
    "is not equally reachable for every driver (the levers above are valued "
    "against what the client can reach).",
    "funnel.s.stale_lost": "Of the {lost} lost, {n, plural, one {# deal is} other {# deals are}} "
    "still open in the CRM but {n, plural, one {has} other {have}} been open "
    "over {days} days — twice the time in which 80% of won deals close: the "
    "audit counts {n, plural, one {it} other {them}} as lost, at the stage "
    "where {n, plural, one {it stands} other {they stand}}. The CRM itself "
    "marks {marked} lost and {open_crm} open.",
    "funnel.s.time_censored": "{n, plural, one {# deal is} other {# deals are}} still waiting in a "
    "stage; counting only finished stays would understate the wait at "
    "«{stage}» by {diff} days.",
    "funnel.s.time_slowest": "Deals wait longest at «{stage}»: half leave it within {median} days, "
    "80% within {p80}.",
    "funnel.s.too_few": "Too few closed deals to judge: {stages}.",
    "funnel.s.weakest": "{a} → {b} converts {v} {ci}: the weakest stage; at {ref} ({source}) it "
    "adds {gain} over the next 12 months.",
    "funnel.s.weakest_nogain": "{a} → {b} converts {v} {ci}: the weakest stage.",
    "funnel.sim.average_deal": "Average deal",
    "funnel.sim.closers": "Closers",
    "funnel.sim.closers_needed": "Closers needed: {n}",
    "funnel.sim.cycle": "Cycle, days",
    "funnel.sim.forward": "What if",
    "funnel.sim.intro": "It starts from the report's own forecast. Move the sliders: new deals a "
    "month, each stage's conversion, the average deal, the cycle, the closers "
    "and their meetings; the funnel and the revenue fan redraw at once, with "
    'the chance of reaching the target. "From target" turns it around: set the '
    "revenue target and see the deals each stage needs every month and the "
    "closers to hold the meetings (the reverse funnel team sizing uses).",
    "funnel.sim.lever": "{driver}: {now} → {ref}, {v} a year",
    "funnel.sim.levers": "The report's levers, ranked by money a year",
    "funnel.sim.meetings": "Meetings / closer",
    "funnel.sim.method": "The forecast draws thousands of scenarios: new deals around the chosen "
    "rate, each conversion uncertain around its slider value as much as the "
    "client's history allows, deal sizes and cycles resampled from the "
    "client's won deals, and the open pipeline. New deals beyond the meetings "
    "the closers can hold (compared with the start) are lost at the meeting "
    "stage.",
    "funnel.sim.mode": "Mode",
    "funnel.sim.new_deals": "New deals / month",
    "funnel.sim.p_target": "P(target)",
    "funnel.sim.reverse": "From target",
    "funnel.sim.reverse_summary": "For {target} a month: {contracts, plural, one {# contract} other "
    "{# contracts}} and {meetings, plural, one {# meeting} other {# "
    "meetings}} a month; closers needed: {closers} (now {now}).",
    "funnel.sim.summary": "{h}-month revenue: median {p50} (P10 {p10} – P90 {p90}); P(target) {p}; "
    "meetings {meet}/month against capacity {cap}.",
    "funnel.sim.target": "Target / month",
    "funnel.sim.title": "Funnel simulator",
    "funnel.status.above": "above",
    "funnel.status.below": "below",
    "funnel.status.inside": "within",
    "funnel.too_few_suffix": " (too few to judge)",
    "funnel.value.current": "current",
    "funnel.value.new": "new",
    "funnel.why.above_band": "meeting → contract would exceed 30%",
    "funnel.why.above_best": "above what the best seller achieves today",
    "funnel.why.above_one": "a conversion above 100%",
    "funnel.why.capacity": "more meetings than the closers can hold",
    "funnel.win_rate": "Win rate",
    "group.external": "External",
    "group.internal": "Internal",
    "group.marketing": "Marketing",
    "group.personnel": "Personnel",
    "impact.high": "high",
    "impact.low": "low",
    "impact.medium": "medium",
    "intake.as_of.activities.date": "The latest fact in the data: a logged activity",
    "intake.as_of.deals.closed_at": "The latest fact in the data: the close of a won or lost deal "
    "(planned close dates of open deals are not facts)",
    "intake.as_of.deals.created_at": "The latest fact in the data: the creation of a deal (planned "
    "close dates of open deals are not facts)",
    "intake.as_of.sales.date": "The latest fact in the data: a payment",
    "intake.as_of.stage_history.entered_at": "The latest fact in the data: a stage change",
    "intake.as_of.today": "Today: the data hold no dated fact up to today",
    "intake.client": "Client",
    "intake.history.conversions": "No stage history was given, and the deals do not say at which "
    "stage lost deals were lost: stage conversions, time in stage and "
    "skipped stages cannot be computed.",
    "intake.history.how_preset": "How to export it from {crm} — {how}.",
    "intake.history.see_docs": "docs/presets.md says which export gives it in each CRM (deal, "
    "stage, date entered).",
    "intake.history.see_preset": "docs/presets.md (section {crm}) says which export gives it.",
    "intake.history.time": "No stage history was given: time in stage, skipped stages and deals "
    "moving backwards cannot be computed.",
    "intake.language": "Report language",
    "intake.payments_missing": "The target is stated in payments, but no payments table was given: "
    "it cannot be converted to won deals, so the plan, forecast, goal "
    "seek and team size are not compared with it. Export the payments of "
    "at least the last 12 months (date, client, amount — from the "
    "accounting system or the CRM's invoices) and map them as the sales "
    "table.",
    "intake.seed": "Random seed",
    "intake.tables": "Tables supplied",
    "intake.target": "Revenue target per month",
    "language.en": "English",
    "language.ru": "Russian",
    "m.assessed": "{n} of {total} diagnostic answers given: steps, typical mistakes and pillars are "
    "judged on those only; the rest are open questions in the summary.",
    "m.channel": "Channel",
    "m.cycle_evidence": "Median cycle of won deals: {days, plural, one {# day} other {# days}} "
    "(project sales above 90 days).",
    "m.mode_evidence": "{share} of deals come from inbound channels ({channels}); above 60% the "
    "model is passive.",
    "m.mode_no_data": "No channel data: whether sales are active or passive is not assessed — ask, "
    "or export the deal source.",
    "m.mode_override": "The consultant set the model to {mode}; the data suggest {auto}.",
    "m.mode_unknown_channels": "Half the deals or more come from channels no mapping calls inbound "
    "or outbound (listed in the data quality section): whether sales are "
    "active or passive is not assessed — say which channels are inbound "
    "under model.inbound_channels.",
    "m.not_assessed": "Not assessed: the client file has no diagnostic answers, so no algorithm "
    "step, typical mistake or pillar self-assessment is judged; ask the open "
    "questions listed in the summary.",
    "m.open.cycle": "the cycle of won deals",
    "m.open.partners": "partners",
    "m.open.regions": "regions",
    "m.regional_evidence": "{regions, plural, one {# region} other {# regions}} and sales through "
    "partners: regional sales.",
    "m.type_open": "The sales type is {type} for now: what is still open ({open}) may change it.",
    "m.type_result": "Sales type: {type}.",
    "m.violation": "Step {step} is {status} while step {earlier} is missing: the algorithm is "
    "followed out of order.",
    "mistake.1": "Steps 1–2 skipped: model and technologies not chosen first.",
    "mistake.2": "Staff hired one by one instead of in batches.",
    "mistake.3": "Current work of the team is not controlled.",
    "mistake.4": "Fixed pay only: relying on self-motivation.",
    "mistake.5": "Internal training is not a system.",
    "mistake.6": "The system is not reviewed every 3 months.",
    "mode.active": "active (outbound)",
    "mode.passive": "passive (inbound)",
    "note.as_of.future": "as_of {as_of} in client.yaml is after today ({today}); the audit uses "
    "{as_of} as given, so the months up to it look empty. Check the date (the "
    "latest fact in the data is {latest}, {source}).",
    "note.as_of.late": "as_of {as_of} in client.yaml is {days} days after the latest fact in the "
    "data ({latest}, {source}); the audit uses {as_of} as given, so the last "
    "months look empty. Remove as_of to audit as of {latest}.",
    "note.assume.date_order": "'{column}': dates read {order}, although every value fits both "
    "orders.",
    "note.assume.lost_stage": "{count, plural, one {# lost deal} other {# lost deals}} without a "
    "known loss stage count as reaching only the first stage.",
    "note.blank.rows": "{count, plural, one {# empty row} other {# empty rows}} skipped ({rows}).",
    "note.blanked": "'{column}': {count, plural, one {# value} other {# values}} left empty "
    "({rows}): {reason}, e.g. '{value}'. {todo}",
    "note.channel.unknown": "'{column}': {count, plural, one {channel value} other {channel "
    "values}} {names} ({rows}) are in no inbound/outbound mapping: inbound "
    "or outbound? Until answered, their deals are left out of the inbound "
    "share (and when they are half the deals or more, the sales model is "
    "not assessed); list every inbound channel under model.inbound_channels "
    "in client.yaml.",
    "note.client_type.unknown": "'{column}': value(s) {names} ({rows}) are neither new nor current; "
    "left empty.",
    "note.close.from_expected": "{count, plural, one {# closed deal has} other {# closed deals "
    "have}} no other close date than column «{column}»; it is read as "
    "the close date.",
    "note.close.planned": "{count, plural, one {# open deal has} other {# open deals have}} a date "
    "in column «{column}»: on an open deal it is a planned close date, kept "
    "as the expected close, not as a close",
    "note.closed_before_created": "{count, plural, one {# deal closes before it was} other {# deals "
    "close before they were}} created ({rows}, e.g. '{value}'); kept. "
    "Check the dates.",
    "note.date.assumed": "'{column}': every date fits both day-first and month-first; assumed "
    "{order}. Set date_format in client.yaml if that is wrong.",
    "note.date.cells": "'{column}': Excel date cells",
    "note.date.declared": "'{column}': dates {order} (as set in client.yaml)",
    "note.date.dots": "'{column}': dates {order}: every value fits both orders; dates with dots are "
    "day-first by convention",
    "note.date.file": "'{column}': dates {order}, like column '{other}' of the same file (its own "
    "values fit both orders)",
    "note.date.format": "'{column}': dates in format {fmt} (as set in client.yaml)",
    "note.date.iso": "'{column}': dates year-first (values like '{example}')",
    "note.date.mixed_order": "'{column}': read {order} like most values; {count, plural, one {# "
    "value} other {# values}} fit only the other order ({rows}, e.g. "
    "'{value}') and were left out. Export the column in one date format.",
    "note.date.preset": "'{column}': dates {order}: every value fits both orders, and {preset} "
    "exports them {order}",
    "note.date.seen": "'{column}': dates {order}, decided for the whole column: '{example}' (row "
    "{row}) can only be read that way",
    "note.date.serial": "'{column}': Excel serial day numbers (values like '{example}')",
    "note.date.tz": "'{column}': time-zone offsets ignored (times kept as written).",
    "note.dec.declared": "'{column}': decimal {dec} (as set in client.yaml)",
    "note.dec.file": "'{column}': decimal {dec} (like column '{other}' of the same file)",
    "note.dec.seen": "'{column}': decimal {dec} (values like '{example}')",
    "note.dec.whole": "'{column}': no fractions seen, so '{example}' is read as a whole number with "
    "thousands",
    "note.delim.count": "delimiter {delim} (every line splits into {fields} fields)",
    "note.delim.declared": "delimiter {delim} (as set in client.yaml)",
    "note.delim.names": "delimiter {delim} (it splits the header into the expected column names)",
    "note.delim.none": "one column (no delimiter found)",
    "note.dup.header": "the file has more than one column named '{header}' (columns {letters}); "
    "used the first. Map '{header} (2)' to use the second.",
    "note.dup.id": "'{column}': {count, plural, one {# duplicated value} other {# duplicated "
    "values}} ({rows}, e.g. '{value}', first on row {first}); kept the first of "
    "each, left out the rest.",
    "note.enc.ascii": "encoding ASCII (no letters beyond English)",
    "note.enc.bom": "encoding {enc} (the file starts with a byte-order mark)",
    "note.enc.cp1251": "encoding cp1251 (not valid UTF-8; the other bytes form Cyrillic words in "
    "cp1251)",
    "note.enc.cp1252": "encoding cp1252 (not valid UTF-8; the other bytes are single accented "
    "letters)",
    "note.enc.declared": "encoding {enc} (as set in client.yaml)",
    "note.enc.utf16": "encoding {enc} (every other byte is zero)",
    "note.enc.utf8": "encoding UTF-8 (the whole file is valid UTF-8)",
    "note.format.text_in_xls": "read as text: the file is a text table despite its name",
    "note.format.xlsx_in_csv": "read as Excel: the file is an Excel workbook despite its name",
    "note.formula.link": "'{column}': {count, plural, one {# =HYPERLINK(...) formula} other {# "
    "=HYPERLINK(...) formulas}} replaced by the text they show ({rows}).",
    "note.formula.other": "'{column}': {count, plural, one {# value} other {# values}} look like "
    "spreadsheet formulas ({rows}, e.g. '{value}'); kept as text. Export "
    "values, not formulas.",
    "note.funnel.preset": "funnel stages taken from preset {preset} (client.yaml has no funnel:).",
    "note.future": "'{column}': {count, plural, one {# date} other {# dates}} after the audit date "
    "{as_of} ({rows}, e.g. '{value}'); kept. Check the dates or the as_of date.",
    "note.header.declared": "header on row {row} (as set in client.yaml)",
    "note.header.first": "header on row {row}",
    "note.header.title": "header on row {row} (rows above it are a title block, skipped)",
    "note.heads.missing": "'{column}': head(s) {names} are not managers in the team table ({rows}).",
    "note.history.filtered": "{count, plural, one {# row} other {# rows}} of other events left out "
    "(column '{column}' is not {names}).",
    "note.history.unknown_deals": "{count, plural, one {# row refers} other {# rows refer}} to "
    "deals that are not in the deals table ({rows}, e.g. '{value}'); "
    "kept.",
    "note.history.wide": "stage history read from {count, plural, one {# column} other {# columns}} "
    "such as «{column}» of the deals file: {rows_total, plural, one {# stage "
    "entry} other {# stage entries}}.",
    "note.ids.scientific": "'{column}': {count, plural, one {# id} other {# ids}} in scientific "
    "notation like '{value}' ({rows}): Excel has rounded them, so different "
    "records may share an id. Export the ids as text.",
    "note.lost.no_stage": "{count, plural, one {# lost deal has} other {# lost deals have}} no "
    "known loss stage, in lost_stage or stage history ({rows}); the funnel "
    "section says which figures that leaves known.",
    "note.managers.missing": "{count, plural, one {# manager name is} other {# manager names are}} "
    "not in the team table ({file2}): {names} ({rows}). Add them to the "
    "team file or fix the spelling.",
    "note.neg.flagged": "'{column}': {count, plural, one {# negative amount} other {# negative "
    "amounts}} ({rows}, e.g. {value}); kept. Check whether they are refunds or "
    "typos.",
    "note.neg.refunds": "'{column}': {count, plural, one {# negative amount} other {# negative "
    "amounts}} kept as refunds ({rows}), total {value}.",
    "note.noheader.column": "column {letter} has values but no header; ignored.",
    "note.order.dayfirst": "day-first",
    "note.order.monthfirst": "month-first",
    "note.ragged": "{count, plural, one {# row} other {# rows}} left out ({rows}): {count, plural, "
    "one {it has} other {they have}} a different number of fields than the header "
    "({fields}), e.g. '{value}'. Check quotes and delimiters on those lines.",
    "note.rejected": "'{column}': {count, plural, one {# row} other {# rows}} left out ({rows}): "
    "{reason}, e.g. '{value}'. {todo}",
    "note.role.unknown": "'{column}': unknown role(s) {names} ({rows}); treated as universal. Roles "
    "are hunter, closer, farmer, universal, head.",
    "note.sheet": "sheet '{sheet}'",
    "note.status.mapped": "stage of {count, plural, one {# deal} other {# deals}} set from column "
    "'{column}' (won → contract, lost → lost).",
    "note.team.cycle": "'{column}': heads report to each other in a loop ({path}); the structure "
    "has no top. Fix the heads in the team file.",
    "note.team.self_head": "'{column}': {names} named as their own head ({rows}). Leave the head "
    "empty for the top of the team.",
    "pay.axis.attainment": "Plan attainment",
    "pay.axis.cost": "Cost of sales (pay ÷ revenue)",
    "pay.axis.pay": "Pay a month, {currency}",
    "pay.basis.answer": "the client's answer",
    "pay.basis.design": "the client's pay design",
    "pay.basis.motivation": "fixed pay only (model.motivation)",
    "pay.basis.open": "open question: {item}",
    "pay.chart.cost": "Cost of sales against plan attainment",
    "pay.chart.curves": "Pay against plan attainment: tiered (solid) vs marginal (dashed) "
    "accelerator",
    "pay.chart.team": "The team's pay a month: today vs the design at the observed attainment",
    "pay.col.at": "Pay at {a} of plan",
    "pay.col.basis": "Judged from",
    "pay.col.bonus": "Bonus at plan",
    "pay.col.cost": "Cost of sales at plan",
    "pay.col.fixed": "Fixed",
    "pay.col.principle": "Principle",
    "pay.col.soft": "Soft",
    "pay.col.target": "Target earnings",
    "pay.decelerated": "the bonus is paid at {rate} of its rate (decelerator)",
    "pay.design": "Pay design: fixed {fixed}, soft {soft} (paid for diligence), bonus {bonus} of "
    "target earnings; no bonus below {threshold} of plan, {below} up to plan; above "
    "{start} of plan the bonus rate is ×{rate} ({kind}); the bonus is capped at "
    "×{cap} the target bonus.",
    "pay.design_short": "The design",
    "pay.earnings_default": "Target earnings not given in the client file are {source} (listed in "
    "the assumptions).",
    "pay.earnings_given": "Target earnings are the client's own figures.",
    "pay.earnings_today": "Target earnings not given in the client file are today's pay: the median "
    "fixed pay of each role in the team table (listed in the assumptions).",
    "pay.kind.marginal": "marginal: only the part above at the higher rate",
    "pay.kind.tiered": "tiered: the whole bonus at the highest rate reached",
    "pay.kind_short.marginal": "marginal",
    "pay.kind_short.tiered": "tiered",
    "pay.linear": "the bonus grows in line with attainment",
    "pay.missing_earnings": "No target earnings for: {roles}. The methodology's figures are in "
    "roubles and the client's currency is {currency}: give "
    "compensation.target_earnings (or team.fixed_pay) to price these roles.",
    "pay.no_repeat_share": "The split of revenue between new and current clients is unknown "
    "(deals.client_type), so the cost of sales of closers, hunters and "
    "farmers is not computed.",
    "pay.principle.big_thresholds": "Big thresholds: a large reward for crossing a threshold",
    "pay.principle.clarity": "Clarity: every day the seller sees what he has earned",
    "pay.principle.darwin": "Darwin: plan achievers above the market, others below",
    "pay.principle.instant_rewards": "Instant rewards (the same day)",
    "pay.principle.over_achievers": "Who beats the plan earns far more",
    "pay.principle.own_results": "Pay only for the seller's own results",
    "pay.soft_note": "The soft part is paid in full: it rewards diligence (plans, CRM, reports), "
    "not results.",
    "pay.status.not_assessed": "not assessed",
    "pay.status.ok": "in place",
    "pay.status.violated": "violated",
    "pay.team.no_attainment": "Neither the plan by manager nor won deals by manager show how far "
    "each seller meets his plan: the team's pay is not simulated.",
    "pay.team.no_earnings": "A role in the team has no target earnings: the team's pay is not "
    "simulated.",
    "pay.team.no_team": "Without a team table the team's pay cannot be simulated.",
    "pay.team.plan_fact": "The team's pay is simulated on the plan vs fact of {n, plural, one {# "
    "seller} other {# sellers}} by month over the 12 months to {month}: "
    "median attainment {median}, from {low} to {high}; each month is paid on "
    "its own attainment, heads on the team's.",
    "pay.team.total": "At that attainment the design pays the team {total} a month, against today's "
    "fixed payroll of {payroll} ({change}).",
    "pay.team.total_no_payroll": "At that attainment the design pays the team {total} a month; "
    "today's payroll is unknown (team.fixed_pay).",
    "pay.team.unobserved": "{n, plural, one {# seller has} other {# sellers have}} no attainment in "
    "the data ({roles}) and {n, plural, one {is} other {are}} paid at the "
    "median attainment.",
    "pay.team.won_spread": "The plan has no managers: the team's pay is simulated on the spread of "
    "won revenue of {n, plural, one {# seller} other {# sellers}} over the "
    "12 months to {month}, each against the median of his role (from {low} "
    "to {high} of it); heads are paid at plan.",
    "pay.today": "Today (fixed pay)",
    "pay.ws.accel_from": "Accelerator from",
    "pay.ws.accel_rate": "Accelerator rate",
    "pay.ws.cap": "Cap (× target bonus)",
    "pay.ws.decel_rate": "Decelerator below plan",
    "pay.ws.fixed": "Fixed share",
    "pay.ws.kind": "Accelerator kind",
    "pay.ws.none": "none",
    "pay.ws.soft": "Soft share (diligence)",
    "pay.ws.summary": "Pay at plan (cost of sales): {roles}",
    "pay.ws.threshold": "Threshold (no bonus below)",
    "pay.ws.title": "Pay design",
    "peers.intro": "Compared with {n, plural, one {# audited client} other {# audited clients}} of "
    "its sector ({sector}):",
    "peers.intro_all": "Compared with {n, plural, one {# audited client} other {# audited clients}} "
    "of the portfolio (too few of its sector for a sector comparison):",
    "peers.line": "{metric}: {value}, {position} (median {median}, middle half {q1}–{q3})",
    "peers.m.abc_a": "Share of clients in class A",
    "peers.m.abcxyz_ax": "Share of clients in AX",
    "peers.m.abcxyz_cz": "Share of clients in CZ",
    "peers.m.conv": "Conversion from {stage}",
    "peers.m.cost_of_sales": "Cost of sales at plan: {role} (pay ÷ revenue)",
    "peers.m.cycle_days": "Sales cycle, median days",
    "peers.m.p_target": "Chance of reaching the target",
    "peers.m.sellers_current": "Sellers now",
    "peers.m.sellers_gap": "Sellers to add (needed − now)",
    "peers.m.sellers_required": "Sellers the target needs",
    "peers.m.team_cost_of_sales": "Cost of sales at plan: the team the target needs (its pay ÷ "
    "target revenue)",
    "peers.m.win_rate": "Win rate",
    "peers.m.xyz_x": "Share of clients in class X",
    "peers.q1": "lowest quartile",
    "peers.q2": "second quartile",
    "peers.q3": "third quartile",
    "peers.q4": "highest quartile",
    "pillar.assessed": "{n} of {total} items assessed",
    "pillar.coaching": "Sales coaching",
    "pillar.item.activity_regularity": "Weeks with logged activity",
    "pillar.item.algorithm": "Build step {n}: {name}",
    "pillar.item.checkins": "Check-ins, 2–3 a day",
    "pillar.item.self": "Self-assessment",
    "pillar.item.technology": "Technology: {name}",
    "pillar.item.training": "Internal training as a system",
    "pillar.item.work_control": "Control of current work",
    "pillar.operations": "Sales operations",
    "pillar.process": "Sales process",
    "pillar.training": "Sales training",
    "portfolio.all": "All clients",
    "portfolio.col.client": "Client",
    "portfolio.col.flag": "Note",
    "portfolio.col.group": "Group",
    "portfolio.col.last_audit": "Last audit (data as of)",
    "portfolio.col.max": "Max",
    "portfolio.col.median": "Median",
    "portfolio.col.metric": "Figure",
    "portfolio.col.min": "Min",
    "portfolio.col.months": "Months since",
    "portfolio.col.q1": "Q1",
    "portfolio.col.q3": "Q3",
    "portfolio.first_audit": "first audit",
    "portfolio.group": "{group}: {n, plural, one {# client} other {# clients}}",
    "portfolio.h.figures": "Key figures side by side",
    "portfolio.h.quartiles": "Quartiles across the portfolio",
    "portfolio.h.since": "Since the last audit",
    "portfolio.lead.figures": "Each client's figures from its findings.json, with its quartile "
    "across the portfolio: Q1 holds the lowest values, Q4 the highest; no "
    "quartile where fewer than {min} clients have the figure or all have "
    'the same value. "—": the client\'s data cannot support the figure, '
    "or its audit did not compute it (sellers now: no team table).",
    "portfolio.lead.quartiles": "For the whole portfolio and for each sector named in the client "
    "files; N counts the clients whose data supports the figure, and a "
    "figure none of them has is left out. Quartiles need at least {min} "
    "clients: with fewer, only the lowest and highest values are shown, "
    "and nobody is placed. The same numbers are in portfolio.json, "
    "which `salesaudit run --benchmarks` reads.",
    "portfolio.lead.since": "Each client against its report in the previous batch: the change of "
    "the key figures and of the pillar scores. The methodology reviews the "
    "system at least every quarter.",
    "portfolio.not_in_batch": "not in this batch",
    "portfolio.part.customers": "Customers (ABC-XYZ)",
    "portfolio.part.funnel": "Funnel",
    "portfolio.part.team": "Team and pay",
    "portfolio.sheet.clients": "Clients",
    "portfolio.sheet.positions": "Quartile positions",
    "portfolio.sheet.quartiles": "Quartiles",
    "portfolio.sheet.since": "Since last audit",
    "portfolio.stale": "last audit more than {review, plural, one {# month} other {# months}} ago: "
    "past the review period",
    "portfolio.title": "Portfolio of {n, plural, one {# client} other {# clients}}",
    "q.compensation.accelerator": "Is there an accelerator above plan (its start, rate, tiered or "
    "marginal) and a cap on the bonus?",
    "q.compensation.achievers_above_market": "Do sellers who meet the plan earn above the market, "
    "and the others below it?",
    "q.compensation.earnings_visible_daily": "Does every seller see every day what he has earned so "
    "far?",
    "q.compensation.instant_rewards": "Are some bonuses paid the same day they are earned?",
    "q.compensation.own_results_only": "Is the bonus paid only for the seller's own results (not "
    "for clients won long ago or by others)?",
    "q.compensation.threshold": "From what plan attainment is the bonus paid?",
    "q.control.board": "Is there a board (leaderboard for the date)?",
    "q.control.checkins_per_day": "How many 5-minute check-ins a day does the head hold?",
    "q.control.crm": "CRM: “{name}” — yes or no?",
    "q.control.daily_plan_fact": "Is there a daily plan/fact of payments?",
    "q.control.morning_planning": "Is there a morning planning meeting?",
    "q.model.algorithm": "Build-algorithm step {step} “{name}”: in place, partial or missing?",
    "q.model.hiring": "Are sellers hired one by one or in batches?",
    "q.model.last_review_months_ago": "How many months ago was the sales system last reviewed?",
    "q.model.mode": "Does the company mainly reach out to clients itself (active) or do clients "
    "come to it (passive)?",
    "q.model.motivation": "Is there a bonus part in sellers' pay, or fixed pay only?",
    "q.model.partners": "Do sales run through distributors or partners?",
    "q.model.pillars": "Self-assessment of “{name}” from 0 to 4?",
    "q.model.training": "Is internal training a system, ad hoc, or absent?",
    "q.model.work_control": "How is the team's current work controlled: daily, weekly, or not at "
    "all?",
    "q.structure.after_sales_service": "Is there after-sales service (installation, setup, repair)?",
    "q.structure.complex_product": "Is the product complex, innovative or high-tech?",
    "q.structure.products": "How many product lines does the company sell?",
    "q.structure.region_specifics": "Do regions need their own sales approach?",
    "q.structure.regions": "In how many regions does the company sell?",
    "q.structure.repeat_sales": "Do clients buy again (repeat sales), or is it a one-off service?",
    "q.structure.segment_distinct_behaviour": "Do the segments buy differently enough to need their "
    "own teams?",
    "q.structure.segments": "How many client segments with their own buying factors are there?",
    "q.technologies": "“{name}”: in place, partial or missing?",
    "reason.no_deals": "no deals table",
    "reason.no_plan": "no plan table",
    "reason.no_sales": "no sales or won deals to classify",
    "reason.no_target": "no revenue target in client.yaml",
    "reason.no_team": "no team table",
    "reason.not_built": "not built yet in this version",
    "rec.batch": "Hire in batches with group interviews, not one by one.",
    "rec.head": "Add a head of sales: {head} leads {n} sellers (span {span}).",
    "rec.hire": "Hire {n, plural, one {# seller} other {# sellers}} in batches of {b} to reach the "
    "target capacity (the roles the hiring plan names).",
    "rec.lever": "{driver}: from {now} to {ref} ({source}) — {v} a year (range {lo}–{hi}).",
    "rec.review": "Review the sales system every 3 months; next review with this workbook.",
    "rec.stage_plain": "Work on {a} → {b}: it is the weakest step.",
    "rec.tech": "Technologies to introduce, from the top of the roadmap: {items}.",
    "rec.why.no_forecast": "no forecast to value it",
    "rec.why.no_reference": "no reachable reference in the data",
    "rec.why.prerequisite": "prerequisite of the levers",
    "recon.basis.payments": "Payments",
    "recon.basis.won_deals": "Won deals",
    "recon.lag": "Days from a won deal to its client's payment (median)",
    "recon.note.payments": "Every target, forecast, goal and team size in this report is in "
    "payments, the basis of the target.",
    "recon.note.ratio": "Over the last 12 months payments were {ratio}× won deals (repeat purchases "
    "and instalments included; median lag {lag} days): the plan table and the "
    "ABC-XYZ totals are in payments and convert by that ratio.",
    "recon.note.won_deals": "Every target, forecast, goal and team size in this report is in "
    "won-deal revenue (deals won in the month), the basis of the target.",
    "recon.plan": "Plan, last 12 months (plan table)",
    "recon.ratio": "Payments ÷ won deals",
    "recon.revenue": "Revenue, last 12 months",
    "recon.target": "Target, 12 months",
    "reject.absurd_number": "not a plausible amount (infinite or beyond 10^15)",
    "reject.absurd_number.todo": "Fix the number in the CRM and export again.",
    "reject.bad_date": "not a date",
    "reject.bad_date.todo": "Fix the dates in the file or set date_format in client.yaml.",
    "reject.bad_number": "not a number",
    "reject.bad_number.todo": "Leave only the number (currency signs and spaces are fine) or set "
    "decimal in client.yaml.",
    "reject.empty": "required value is empty",
    "reject.empty.todo": "Fill the value in the CRM and export again.",
    "reject.order_mismatch": "date fits only the other day/month order",
    "reject.order_mismatch.todo": "Export the column in one date format.",
    "report.as_of": "Audit date",
    "report.contents": "Contents",
    "report.currency": "Currency",
    "report.generated": "Generated",
    "report.title": "Sales department audit",
    "role.closer": "Closer",
    "role.farmer": "Farmer",
    "role.head": "Head of sales",
    "role.hunter": "Hunter",
    "role.universal": "Universal seller",
    "role.unknown": "Role not given",
    "roles.hunter_closer_farmer": "hunters, closers and farmers",
    "roles.universal": "universal sellers",
    "s.capacity.given.closer": "Closers are sized on the figure client.yaml gives: {used} meetings "
    "a month each (observed: {observed}; the norm: {norm}).",
    "s.capacity.given.farmer": "Farmers are sized on the figure client.yaml gives: {used} active "
    "accounts each (observed: {observed}; the norm: {norm}).",
    "s.capacity.given.hunter": "Hunters are sized on the figure client.yaml gives: {used} calls a "
    "month each (observed: {observed}; the norm: {norm}).",
    "s.capacity.norm.closer": "Closers are sized on the methodology's norm of {norm} meetings a "
    "month, not on the client's own figure: {why}.",
    "s.capacity.norm.farmer": "Farmers are sized on the norm of {norm} active accounts each, not on "
    "the client's own figure: {why}.",
    "s.capacity.norm.hunter": "Hunters are sized on the methodology's norm of {norm} calls a month, "
    "not on the client's own figure: {why}.",
    "s.capacity.observed.closer": "Closers are sized on the client's own productivity: {used} "
    "meetings a month each, the median of {n, plural, one {# ramped "
    "closer} other {# ramped closers}} in the activity log (the norm "
    "is {norm}).",
    "s.capacity.observed.farmer": "Farmers are sized on the client's own load: {used} active "
    "accounts each (clients with a won deal or a payment in the last "
    "12 months), the median of {n, plural, one {# ramped farmer} "
    "other {# ramped farmers}} (the norm is {norm}).",
    "s.capacity.observed.hunter": "Hunters are sized on the client's own productivity: {used} calls "
    "a month each, the median of {n, plural, one {# ramped hunter} "
    "other {# ramped hunters}} in the activity log (the norm is "
    "{norm}: calls an hour × hours × productive share × working "
    "days).",
    "s.closer_meetings": "The closers' load is counted in the meetings the activity log records: "
    "{logged} of them end in a contract, while the funnel's meeting → contract "
    "is {m2c} (a deal takes several meetings), so the target needs {meetings} "
    "meetings a month — {closers, plural, one {# closer} other {# closers}} at "
    "{capacity} meetings each.",
    "s.cost": "Monthly cost of sales at target pay",
    "s.cost_no_earnings": "Cost of sales: the team the target needs cannot be priced, because a "
    "role it needs has no target earnings. Give them under "
    "compensation.target_earnings in client.yaml, or the fixed pay per seller "
    "in the team table.",
    "s.cost_no_pay": "Cost of sales: the team the target needs (the sizing's need, sellers and "
    "heads) costs {needed} a month at target earnings; today's payroll is unknown "
    "— export the team table with each person's fixed pay (fixed_pay) to compare.",
    "s.cost_vs_now": "Cost of sales: the team the target needs (the sizing's need, sellers and "
    "heads at target earnings) costs {needed} a month, against today's fixed "
    "payroll of {now} (difference {delta}). The hiring plan's table costs the "
    "people it carries each month — today's people and the hires, including those "
    "beyond the need until they leave — so it can start above this figure.",
    "s.gap": "The team has {now, plural, one {# seller} other {# sellers}}; the plan needs {needed} "
    "({roles}) and {heads, plural, one {# head} other {# heads}} — the span of control's "
    "and, under the regional matrix, the regional teams' together (the structure section "
    "shows the same figure).",
    "s.gap_no_team": "No team table was given, so today's headcount is unknown; the plan needs "
    "{needed} sellers ({roles}) and {heads, plural, one {# head} other {# heads}} "
    "by the span of control.",
    "s.headcount": "Headcount",
    "s.hiring": "Hiring plan, next 12 months",
    "s.inbound": "{share} of the deals come from inbound channels (the sales model's share; deals "
    "whose channel no mapping knows are left out): their {inbound} meetings a month "
    "need no calls, so hunters are sized on the {outbound} outbound meetings only.",
    "s.inbound_unknown": "The inbound share is unknown (no channel in the deals, or most channels "
    "unmapped), so hunters are sized as if every meeting came from cold calls "
    "— export each deal's channel (source) and list the inbound ones under "
    "model.inbound_channels in client.yaml.",
    "s.move_money": "new clients {new}, repeat {repeat}",
    "s.move_need": "the need for the role the record points to is already filled by stronger "
    "records, so into the role still short",
    "s.move_no_record": "no won revenue: into the role short of more people",
    "s.moves": "Redeploy the universal sellers by their track record (won revenue in the last 12 "
    "months): {moves}.",
    "s.no_average_deal": "Team sizing needs the average deal: there are no won deal amounts in the "
    "12 months up to the audit date. Set capacity.average_deal in client.yaml "
    "to size the team.",
    "s.no_target": "No revenue target in client.yaml: sizing uses the last 12 months' average won "
    "revenue.",
    "s.no_team.org": "No org chart: without the team table, today's heads and sellers are unknown "
    "(the recommended roles and heads are in the table above).",
    "s.no_team.plan": "No hiring plan: without the team table there is no one to keep, move or "
    "replace, so who to hire and when cannot be said. The roles the target needs "
    "are above; export the team table to plan the hires.",
    "s.norm_case": "If the team worked to the methodology's norms (a closer {closer} meetings a "
    "month, a hunter {hunter} calls, a farmer {farmer} active accounts), the target "
    "would need {need, plural, one {# seller} other {# sellers}}: {by}.",
    "s.not_ready": "the productive team does not carry the whole target in every month to the end "
    "of these 12 months",
    "s.plan.both": "{sellers} and {heads}",
    "s.plan.heads": "{n, plural, one {# head of sales} other {# heads of sales}}",
    "s.plan.sellers": "{n, plural, one {# seller} other {# sellers}} ({by})",
    "s.plan_hires": "Hiring plan: {who}, the first in {first}; sellers in batches of {b} — each "
    "place a batch holds beyond the roles short goes to the role that would be "
    "short soonest, as an early replacement of its leavers; leavers are replaced "
    "before a role's productive capacity falls below its need, so {ready}.",
    "s.plan_no_hires": "No hires in the next 12 months: today's team, after the moves above, keeps "
    "every role's productive capacity at its need despite attrition; {ready}.",
    "s.productive": "Productive FTE",
    "s.rates_default": "Not the client's own figures: {rates}. The client's data cannot give them "
    "(no such stages, too few deals, or lost deals without a known stage); the "
    "sizing above changes with them — replace them under capacity.rates in "
    "client.yaml when the client knows better.",
    "s.ready": "the productive team carries the whole target in every month from {month}",
    "s.rotation_meetings": "{n, plural, one {# meeting} other {# meetings}} set in 12 months",
    "s.rotation_record": "new clients won {new}",
    "s.rotation_tenure": "no won revenue or meetings set in the data: the longest-serving first",
    "s.rotations": "Before hiring, move {n, plural, one {# seller} other {# sellers}} beyond the "
    "need from {source} to {to} (the methodology's vertical rotation), into places "
    "the plan would otherwise hire for, by track record: {people}.",
    "s.source.given": "client.yaml",
    "s.source.norm": "norm",
    "s.source.observed": "observed",
    "s.summary": "To reach {target} a month: {contracts} contracts, {meetings} meetings, {contacts} "
    "contacts, {calls} calls.",
    "s.surplus": "{role}: {n, plural, one {# person} other {# people}} more than the target needs "
    "at the productivity used; keep them for a larger plan or move them into a role "
    "still short.",
    "s.why.no_activities": "it needs the activity log and the team table with roles — export the "
    "CRM's activities (manager, date, type: meeting or call, count) and the "
    "team (manager, role, hired_at)",
    "s.why.no_manager": "the won deals and payments do not name the seller — export the manager of "
    "each deal or payment",
    "s.why.no_ramped": "no seller of this role has finished the {ramp}-month ramp-up yet",
    "s.why.no_role": "the data hold no such activity by sellers of this role — export this role's "
    "activities and the team table with each seller's role",
    "s.workload.calls": "Calls",
    "s.workload.contacts": "Contacts reached",
    "s.workload.contracts": "Contracts",
    "s.workload.meetings": "Meetings with decision makers",
    "section.00_intake": "Intake and data quality",
    "section.01_sales_model": "Sales model",
    "section.02_technologies": "Sales technologies",
    "section.03_structure": "Structure",
    "section.04_team": "Team sizing",
    "section.05_funnel": "Sales funnel",
    "section.06_customers": "Customers: ABC-XYZ",
    "section.07_control": "Reporting and control",
    "section.99_summary": "Summary",
    "section.since": "Since the last audit",
    "since.better": "better",
    "since.col.before": "Before",
    "since.col.change": "Change",
    "since.col.item": "Item",
    "since.col.now": "Now",
    "since.coverage": "Technology coverage: {group}",
    "since.fig.average_deal": "Average deal",
    "since.fig.crm_readiness": "CRM readiness",
    "since.fig.cycle_days": "Median cycle, days",
    "since.fig.deals": "Deals",
    "since.fig.forecast_p50": "Revenue forecast, 12 months (P50)",
    "since.fig.meeting_to_contract": "Meeting → contract",
    "since.fig.p_target": "Chance of reaching the target",
    "since.fig.sellers": "Sellers",
    "since.fig.sellers_needed": "Sellers needed for the target",
    "since.fig.win_rate": "Win rate",
    "since.fig.won": "Won deals",
    "since.h.abcxyz": "ABC-XYZ: clients per cell",
    "since.h.algorithm": "Build algorithm",
    "since.h.figures": "Key figures",
    "since.h.scores": "Scores",
    "since.intro": "What moved since the previous audit of {date} ({months, plural, one {# month} "
    "other {# months}} ago): every scored item and key figure, before → now.",
    "since.lead": "This audit against the previous one, for the same client.",
    "since.no_date": "The previous findings.json carries no audit date.",
    "since.pillar": "{name}, 0–100",
    "since.pp": "{v} pp",
    "since.same": "unchanged",
    "since.stale": "The previous audit is more than {review, plural, one {# month} other {# "
    "months}} old: the methodology reviews the sales system every {review, plural, "
    "one {# month} other {# months}}, so changes between the two audits went "
    "unreviewed.",
    "since.worse": "worse",
    "source.data": "the data (see data quality)",
    "source.default": "salesaudit's default (the methodology gives no figure)",
    "source.fixed_pay": "today's pay: the median fixed pay of the role in the team table",
    "source.methodology": "Methodology {section}",
    "source.preset": "the CRM preset",
    "source.stage_reach": "the audit's rule for lost deals without a known stage",
    "st.advice.impact_reason": "No money of its own: a head for every team is a prerequisite, its "
    "money shows in the funnel levers.",
    "st.advice.led_from": " — they are led from another region by {heads}",
    "st.advice.no_head": "Give the sellers working without a head a head ({names}; {n} in all): "
    "sellers without one are less effective.",
    "st.advice.no_team": "What to change in the team cannot be said without today's team (see "
    "below).",
    "st.advice.none": "No gap in the team today: every seller has a head within the span, and no "
    "universal seller needs redeploying.",
    "st.advice.over_span": "Split the team of {head}: {n, plural, one {# seller} other {# "
    "sellers}}, more than the span of {span} — add a head and make teams of "
    "at most {span}.",
    "st.advice.region_without_head": "Appoint a head for region {region}: its {n, plural, one {# "
    "seller has} other {# sellers have}} no head in the region "
    "({names}){led}.",
    "st.advice.relief": "This also brings {head} from {now} to {after} sellers, within the span of "
    "{span}.",
    "st.advice.rotation": "Move {names} from {source} to {to} before hiring ({n, plural, one {# "
    "seller} other {# sellers}} beyond the need; the methodology's vertical "
    "rotation, by track record): the hiring plan counts on it.",
    "st.advice.to_roles": "; by their track record: {roles}",
    "st.advice.universals": "Redeploy the universal sellers ({names}; {n} in all) into the "
    "hunter–closer–farmer roles{more}.",
    "st.no_head": "{n, plural, one {# seller has} other {# sellers have}} no head: {names}.",
    "st.no_head_label": "(no head)",
    "st.no_team": "Spans of control cannot be checked: no team table was given (who leads whom is "
    "unknown).",
    "st.no_team_today": "Today's team is unknown: no team table was given. Export it — each "
    "seller's name as the CRM writes it, role, head, region, hire date and "
    "fixed pay — to see who leads whom and what to change.",
    "st.ok": "No span violations today.",
    "st.over_span": "{head} leads {n, plural, one {# seller} other {# sellers}}, more than the span "
    "of {span} (what to change: below).",
    "st.recommended": "Recommended: {main}{second}.",
    "st.rule.customer_type": "{segments, plural, one {# client segment} other {# client segments}} "
    "with distinct buying behaviour → split by customer type.",
    "st.rule.functional_linear": "Few products, one region, no distinct segments → "
    "functional-linear.",
    "st.rule.product_category": "Complex product or after-sales service → split by product "
    "category.",
    "st.rule.regional_matrix": "{regions, plural, one {# region} other {# regions}} with their own "
    "specifics → regional matrix.",
    "st.secondary": ", with a secondary split by {s}",
    "st.undecided": "The structure cannot be recommended yet: it depends on answers not given — "
    "{facts}.",
    "stage.contract": "Contract",
    "stage.first_contact": "Meeting with decision maker",
    "stage.needs_brief": "Needs brief",
    "stage.offer": "Offer",
    "stage.offer_defense": "Offer defence",
    "stage.target_list": "Target list",
    "status.in_place": "in place",
    "status.missing": "missing",
    "status.not_assessed": "not assessed",
    "status.partial": "partial",
    "structure.customer_type": "customer type",
    "structure.functional_linear": "functional-linear",
    "structure.product_category": "product category",
    "structure.regional_matrix": "regional matrix",
    "sum.abc": "{n, plural, one {# A client brings} other {# A clients bring}} {share} of revenue.",
    "sum.algorithm": "{v, plural, one {# step of the build algorithm is} other {# steps of the "
    "build algorithm are}} out of order; {m, plural, one {# typical mistake} other "
    "{# typical mistakes}} found.",
    "sum.algorithm_partial": "Among the answers given, {v, plural, one {# step of the build "
    "algorithm is} other {# steps of the build algorithm are}} out of "
    "order and {m, plural, one {# typical mistake is} other {# typical "
    "mistakes are}} found; {k, plural, one {# mistake} other {# mistakes}} "
    "and {s, plural, one {# step} other {# steps}} are not assessed.",
    "sum.forecast": "Next {h} months: {p50} of won-deal revenue expected (80% range {p10}–{p90}); "
    "{p} chance of reaching the target of {target}.",
    "sum.funnel": "Win rate {win}; the weakest step is {a} → {b} at {p}.",
    "sum.funnel_unknown": "Win rate {win}. Where in the funnel deals are lost is not known yet: the "
    "export does not say at which stage lost deals were lost. Ask for the "
    "deals' stage history first — it decides which stage to work on.",
    "sum.model": "Sales model: {mode}, {type} sales.",
    "sum.model_type": "Sales type: {type}; active or passive selling is not assessed.",
    "sum.open": "{n, plural, one {# question is} other {# questions are}} open for the next "
    "workshop (listed below).",
    "sum.page.diagnosis": "Diagnosis",
    "sum.page.levers": "Levers ranked by money",
    "sum.page.quarter": "This quarter",
    "sum.page.top": "The biggest reachable gain: {driver}, worth {v} a year.",
    "sum.questions_intro": "The client file leaves {n, plural, one {# question} other {# "
    "questions}} open: ask at the next workshop. Until answered, none of "
    "them is a finding, a mistake, a score or a recommendation.",
    "sum.questions_none": "Every questionnaire item is answered: no open questions.",
    "sum.role.closer": "closers",
    "sum.role.farmer": "farmers",
    "sum.role.head": "heads",
    "sum.role.hunter": "hunters",
    "sum.role.universal": "universal sellers",
    "sum.structure": "Recommended structure: {s}.",
    "sum.structure_open": "Structure: not recommended yet — {n, plural, one {# answer decides} "
    "other {# answers decide}} it (see the open questions).",
    "sum.team": "People the target needs, by role (today's in brackets): {roles}.",
    "sum.team.in": "{now} + {n} moved in",
    "sum.team.out": "{now} − {n} moved out",
    "sum.team_unknown": "People the target needs, by role: {roles}; today's headcount is unknown "
    "(no team table).",
    "table.activities": "Activities",
    "table.deals": "Deals",
    "table.plan": "Plan",
    "table.sales": "Sales",
    "table.stage_history": "Stage history",
    "table.team": "Team",
    "tbl.after_moves": "After the moves",
    "tbl.answer": "Answer",
    "tbl.assumption": "Assumption",
    "tbl.benchmark": "Benchmark",
    "tbl.build_step": "Build step it serves",
    "tbl.check": "Check",
    "tbl.choices": "How it was read",
    "tbl.class": "Class",
    "tbl.clients": "Clients",
    "tbl.conversion": "Conversion to next",
    "tbl.cost": "Team cost at target earnings",
    "tbl.count": "Count",
    "tbl.coverage": "Coverage",
    "tbl.date_range": "Dates",
    "tbl.effect": "Effect",
    "tbl.evidence": "Evidence of practice",
    "tbl.fact": "Fact",
    "tbl.file": "File",
    "tbl.group": "Group",
    "tbl.head": "Head",
    "tbl.headline": "Finding",
    "tbl.hires": "Hires",
    "tbl.impact": "Impact",
    "tbl.interval": "90% interval",
    "tbl.item": "Item",
    "tbl.manager": "Manager",
    "tbl.metric": "Metric",
    "tbl.month": "Month",
    "tbl.needed": "Needed",
    "tbl.needed_norm": "At the norm",
    "tbl.norm": "Norm",
    "tbl.now": "Now",
    "tbl.observed": "Observed",
    "tbl.package": "Package",
    "tbl.pillar": "Pillar",
    "tbl.plan": "Plan",
    "tbl.priority": "Priority",
    "tbl.question": "Question",
    "tbl.reached": "Deals reached",
    "tbl.reached_known": "Known to have reached",
    "tbl.recommendation": "Recommendation",
    "tbl.revenue": "Revenue",
    "tbl.role": "Role",
    "tbl.rows_read": "Rows read",
    "tbl.rows_rejected": "Rows rejected",
    "tbl.score": "Score",
    "tbl.section": "Section",
    "tbl.sellers": "Sellers",
    "tbl.share": "Share",
    "tbl.short_of": "Falls short (score 0–100)",
    "tbl.source": "Source",
    "tbl.stage": "Stage",
    "tbl.status": "Status",
    "tbl.step": "Step",
    "tbl.table": "Table",
    "tbl.technology": "Technology",
    "tbl.used": "Sized on",
    "tbl.value": "Value",
    "tbl.version": "Version",
    "tbl.warning": "Warning",
    "tbl.why_first": "Reason for its place",
    "team.sim.attrition": "Attrition a year",
    "team.sim.batch": "Hiring batch",
    "team.sim.closer": "Meetings per closer a month",
    "team.sim.farmer": "Active accounts per farmer",
    "team.sim.hunter": "Calls per hunter a month",
    "team.sim.inbound": "Inbound share of deals",
    "team.sim.intro": "Move the levers: the headcount per role, the 12-month hiring plan and the "
    "cost of sales update with the report's own sizing functions.",
    "team.sim.ramp": "Ramp-up, months",
    "team.sim.summary": "Needed: {sellers, plural, one {# seller} other {# sellers}} ({by}) and "
    "{heads, plural, one {# head} other {# heads}}; hired in 12 months: {hires, "
    "plural, one {# seller} other {# sellers}} and {hh, plural, one {# head} "
    "other {# heads}}; the target is carried in every month from {ready}; cost "
    "of sales at target earnings {cost} a month, {share} of the target (fixed "
    "payroll today {now}).",
    "team.sim.title": "Team simulator",
    "tech.assessed": "{n} of {total} applicable technologies rated: coverage counts those only; the "
    "rest are open questions in the summary.",
    "tech.impact_reason": "No money of its own: the technologies set up the build steps they serve; "
    "their effect shows in the funnel levers.",
    "tech.not_assessed": "Not assessed: no technology is rated in the client file; ask about the "
    "{total} that apply (listed among the open questions in the summary).",
    "tech.roadmap_empty": "Nothing on the roadmap yet: it lists the technologies rated missing or "
    "partial, and none is rated missing or partial.",
    "tech.why.mistake": "typical mistake {n}: {text}",
    "tech.why.step_missing": "Step missing",
    "type.project": "project",
    "type.regional": "regional",
    "type.traditional": "traditional",
    "word.days": "days",
    "word.months": "months",
    "word.no": "no",
    "word.none": "none",
    "word.not_available": "not available",
    "word.not_identified": "not known",
    "word.too_few": "too few to judge",
    "word.yes": "yes",
    "xlsx.about.abc_clients": "Each client: revenue, ABC class by revenue, XYZ class by regularity "
    "(coefficient of variation).",
    "xlsx.about.abc_migration": "Clients moving between ABC-XYZ cells since the previous period "
    "(rows: before, columns: now).",
    "xlsx.about.abc_moves": "Clients whose ABC-XYZ cell changed; critical moves flagged.",
    "xlsx.about.assumptions": "Every default used in place of client data, with its source and its "
    "impact on the results.",
    "xlsx.about.board": "The board for the audit date: each manager's fact against the plan to "
    "date.",
    "xlsx.about.data_quality": "One row per data file: rows read and rejected, the dates it covers, "
    "how it was read, warnings.",
    "xlsx.about.forecast": "Monthly revenue forecast: P10, P50, P90 of the Monte Carlo run, its "
    "mean and the analytic expectation.",
    "xlsx.about.funnel": "Each stage: deals that reached it, open there, conversion to the next "
    "stage with its 90% interval.",
    "xlsx.about.funnel_benchmarks": "The funnel against the methodology's norms.",
    "xlsx.about.funnel_cohorts": "Deals by the month they were created: the share that reached each "
    "stage and the outcomes.",
    "xlsx.about.funnel_cuts": "Every cut (manager, product, channel, …) in one list: deals, "
    "outcomes, win rate and meeting → contract with intervals. Filter the "
    "Cut column.",
    "xlsx.about.funnel_cuts_stages": "Every cut's conversion at each stage, one row per value and "
    "stage.",
    "xlsx.about.funnel_hygiene": "Deals that fail a data check in the CRM.",
    "xlsx.about.goal_seek": "What each driver would have to become to reach the target alone, and "
    "whether that is realistic.",
    "xlsx.about.hiring_months": "Month by month, all sellers: hires, headcount, productive FTE, the "
    "revenue the productive team carries and the team's cost at target "
    "earnings.",
    "xlsx.about.hiring_plan": "Month by month and role by role: hires, headcount and productive FTE "
    "(newcomers ramp up; leavers are replaced).",
    "xlsx.about.levers": "Each driver moved from today's value to a reference the client can reach "
    "(best-quartile sellers, the methodology's band, the best recent quarter), "
    "valued as the forecast's expected revenue over 12 months, with its range; "
    "ranked by money — the ranking the summary and the simulator show. The "
    "levers overlap and do not add up.",
    "xlsx.about.open_questions": "The questionnaire items client.yaml leaves unanswered: not "
    "assessed in the report; ask them at the next workshop (the item "
    "is the key to fill in client.yaml).",
    "xlsx.about.pay_curves": "Pay a month per role at plan attainment 0–200 % by 10 %: fixed, soft "
    "(paid in full), bonus, total, and the cost of sales (pay ÷ the role's "
    "revenue).",
    "xlsx.about.payments_today": "The month's payments day by day: plan, fact and both to date.",
    "xlsx.about.plan_fact": "Plan vs fact by month, with the gap split into volume, conversion, "
    "deal size and other effects.",
    "xlsx.about.plan_fact_managers": "Plan vs fact by manager, with the same split of the gap.",
    "xlsx.about.rejected_rows": "Every rejected, emptied or flagged cell: table, file, row, column, "
    "value, reason, what was done.",
    "xlsx.about.sensitivity": "How the forecast's revenue moves when each driver changes by 10% up "
    "or down.",
    "xlsx.about.sizing_workload": "The monthly workload the revenue target calls for: contracts, "
    "meetings, contacts, calls.",
    "xlsx.about.span": "Sellers per head of sales today.",
    "xlsx.about.tech_roadmap": "Missing and partial sales technologies in the order to introduce "
    "them (key = the key in client.yaml).",
    "xlsx.about.time_in_stage": "Days deals spend in each stage (Kaplan–Meier, deals still in the "
    "stage counted).",
    "xlsx.basis.activities": "activities table",
    "xlsx.basis.crm": "deals in the CRM",
    "xlsx.check.backwards": "Moved backwards",
    "xlsx.check.close_date_passed": "Close date already passed",
    "xlsx.check.lost_without_stage": "Lost without a loss stage",
    "xlsx.check.skipped_stages": "Skipped a stage",
    "xlsx.check.stale": "Open too long (stale)",
    "xlsx.check.won_without_amount": "Won without an amount",
    "xlsx.check.won_without_close_date": "Won without a close date",
    "xlsx.col.abc": "ABC class",
    "xlsx.col.abc_migration.before": "Cell before",
    "xlsx.col.abc_migration.lost": "Lost clients",
    "xlsx.col.action": "What was done",
    "xlsx.col.advanced": "Advanced to next stage",
    "xlsx.col.after": "Cell now",
    "xlsx.col.ambiguity": "Range unknown loss stages allow",
    "xlsx.col.assumption": "Assumption",
    "xlsx.col.attainment": "Plan attainment",
    "xlsx.col.band_high": "Norm, up to",
    "xlsx.col.band_low": "Norm, from",
    "xlsx.col.base": "Base",
    "xlsx.col.basis": "Counted from",
    "xlsx.col.before": "Cell before",
    "xlsx.col.best_today": "Best today",
    "xlsx.col.calls": "Calls a month",
    "xlsx.col.cell": "ABC-XYZ cell",
    "xlsx.col.censored": "Still in the stage",
    "xlsx.col.change": "Change needed",
    "xlsx.col.check": "Check",
    "xlsx.col.client_id": "Client",
    "xlsx.col.closer_meetings": "Closer meetings a month (activity log)",
    "xlsx.col.cohort": "Month created",
    "xlsx.col.column": "Column",
    "xlsx.col.contacts": "Contacts a month",
    "xlsx.col.contracts": "Contracts a month",
    "xlsx.col.conv": "Conversion from {what}",
    "xlsx.col.conversion": "Effect of conversion",
    "xlsx.col.conversion_to_next": "Conversion to next",
    "xlsx.col.cost": "Cost of sales",
    "xlsx.col.cost_of_sales": "Cost of sales",
    "xlsx.col.critical": "Critical move",
    "xlsx.col.current": "Now",
    "xlsx.col.cut": "Cut",
    "xlsx.col.cv": "Variation (CV)",
    "xlsx.col.date": "Date",
    "xlsx.col.date_from": "Dates from",
    "xlsx.col.date_to": "Dates to",
    "xlsx.col.deal_id": "Deal",
    "xlsx.col.deal_size": "Effect of deal size",
    "xlsx.col.deals": "Deals",
    "xlsx.col.down": "Moved down",
    "xlsx.col.driver": "Driver",
    "xlsx.col.expected": "Expected (analytic)",
    "xlsx.col.fact": "Fact",
    "xlsx.col.fact_cum": "Fact to date",
    "xlsx.col.file": "File",
    "xlsx.col.funnel.key": "Stage",
    "xlsx.col.funnel_benchmarks.key": "Benchmark",
    "xlsx.col.funnel_benchmarks.value": "Value",
    "xlsx.col.gap": "Gap",
    "xlsx.col.group": "Group",
    "xlsx.col.head": "Head",
    "xlsx.col.headcount": "Headcount",
    "xlsx.col.hi": "High (90%)",
    "xlsx.col.high": "Norm, up to",
    "xlsx.col.hires": "Hires",
    "xlsx.col.holds": "What it holds",
    "xlsx.col.how_read": "How it was read",
    "xlsx.col.identified": "Conversion known",
    "xlsx.col.impact": "Impact",
    "xlsx.col.implied_meeting_to_contract": "Meeting → contract it implies",
    "xlsx.col.implied_meetings": "Meetings a month it implies",
    "xlsx.col.inbound_meetings": "Inbound meetings",
    "xlsx.col.item": "Item in client.yaml",
    "xlsx.col.key": "Key",
    "xlsx.col.label": "Technology",
    "xlsx.col.levers.n": "Deals behind the reference",
    "xlsx.col.levers.sellers": "Best-quartile sellers",
    "xlsx.col.lo": "Low (90%)",
    "xlsx.col.lost": "Lost",
    "xlsx.col.low": "Norm, from",
    "xlsx.col.m2c": "Meeting → contract",
    "xlsx.col.m2c_hi": "Meeting → contract, high (90%)",
    "xlsx.col.m2c_lo": "Meeting → contract, low (90%)",
    "xlsx.col.m2c_n": "Meetings judged",
    "xlsx.col.m2c_too_few": "Meeting → contract: too few to judge",
    "xlsx.col.manager": "Manager",
    "xlsx.col.mean": "Mean",
    "xlsx.col.median_days": "Median, days",
    "xlsx.col.meetings": "Meetings a month",
    "xlsx.col.month": "Month",
    "xlsx.col.n": "Deals judged",
    "xlsx.col.naive_median_days": "Median of finished spells, days",
    "xlsx.col.needed": "Needed",
    "xlsx.col.new": "New deals",
    "xlsx.col.open": "Open",
    "xlsx.col.open_here": "Open at this stage",
    "xlsx.col.other": "Other effects",
    "xlsx.col.outbound_meetings": "Outbound meetings",
    "xlsx.col.p10": "P10 (pessimistic)",
    "xlsx.col.p50": "P50 (median)",
    "xlsx.col.p80_days": "80th percentile, days",
    "xlsx.col.p90": "P90 (optimistic)",
    "xlsx.col.pay_bonus": "Bonus",
    "xlsx.col.pay_fixed": "Fixed",
    "xlsx.col.pay_soft": "Soft",
    "xlsx.col.pay_total": "Pay",
    "xlsx.col.plan": "Plan",
    "xlsx.col.plan_cum": "Plan to date",
    "xlsx.col.plan_new": "New deals the plan needs",
    "xlsx.col.plan_to_date": "Plan to date",
    "xlsx.col.priority": "Priority",
    "xlsx.col.productive": "Productive headcount",
    "xlsx.col.productive_fte": "Productive FTE",
    "xlsx.col.question": "Question",
    "xlsx.col.rank": "Rank",
    "xlsx.col.reach": "Reached {what}",
    "xlsx.col.reached": "Deals reached",
    "xlsx.col.realistic": "Realistic",
    "xlsx.col.reason": "Reason",
    "xlsx.col.reference": "Reachable",
    "xlsx.col.reference_source": "Reference",
    "xlsx.col.revenue": "Revenue",
    "xlsx.col.revenue_delta": "Revenue change at +10%",
    "xlsx.col.revenue_delta_down": "Revenue change at −10%",
    "xlsx.col.revenue_delta_year": "Revenue, 12 months",
    "xlsx.col.revenue_high": "Range, high",
    "xlsx.col.revenue_low": "Range, low",
    "xlsx.col.role": "Role",
    "xlsx.col.row": "Row in the file",
    "xlsx.col.rows_read": "Rows read",
    "xlsx.col.rows_rejected": "Rows rejected",
    "xlsx.col.section": "Section",
    "xlsx.col.sellers": "Sellers",
    "xlsx.col.share": "Share {what}",
    "xlsx.col.share_of_plan": "Share of plan",
    "xlsx.col.sheet": "Sheet",
    "xlsx.col.source": "Source",
    "xlsx.col.spells": "Times in the stage",
    "xlsx.col.stage": "Stage",
    "xlsx.col.status": "Status",
    "xlsx.col.table": "Table",
    "xlsx.col.tech_roadmap.mistake": "Typical mistake flagging the step (0: none)",
    "xlsx.col.tech_roadmap.step": "Build step it serves",
    "xlsx.col.tech_roadmap.step_status": "Status of that step",
    "xlsx.col.tech_roadmap.urgency": "Urgency: step missing + mistake found (0–2)",
    "xlsx.col.too_few": "Too few to judge",
    "xlsx.col.value": "Value",
    "xlsx.col.volume": "Effect of volume",
    "xlsx.col.warnings": "Warnings",
    "xlsx.col.win_hi": "Win rate, high (90%)",
    "xlsx.col.win_lo": "Win rate, low (90%)",
    "xlsx.col.win_n": "Closed deals judged",
    "xlsx.col.win_rate": "Win rate",
    "xlsx.col.win_too_few": "Win rate: too few to judge",
    "xlsx.col.won": "Won",
    "xlsx.col.won_revenue": "Won deals' revenue",
    "xlsx.col.xyz": "XYZ class",
    "xlsx.lever_source.band": "Methodology's band",
    "xlsx.lever_source.best_quarter": "Best quarter of the last year",
    "xlsx.lever_source.sellers": "Best-quartile sellers",
    "xlsx.outcome.lost": "lost",
    "xlsx.outcome.open": "open",
    "xlsx.outcome.won": "won",
    "xlsx.readme.note": "Numbers are stored as numbers (formats only change how they look); every "
    "sheet has a filter on its header row. The methodology behind each table: "
    "docs/methodology.md in the salesaudit repository.",
    "xlsx.reason.no_benchmark": "the methodology gives no norm",
    "xlsx.reason.run_rate_independent": "does not change the monthly run rate",
    "xlsx.sheet.abc_clients": "ABC-XYZ clients",
    "xlsx.sheet.abc_migration": "ABC-XYZ migration",
    "xlsx.sheet.abc_moves": "ABC-XYZ moves",
    "xlsx.sheet.assumptions": "Assumptions",
    "xlsx.sheet.board": "Board",
    "xlsx.sheet.data_quality": "Data quality",
    "xlsx.sheet.forecast": "Forecast",
    "xlsx.sheet.funnel": "Funnel",
    "xlsx.sheet.funnel_benchmarks": "Funnel benchmarks",
    "xlsx.sheet.funnel_cohorts": "Funnel cohorts",
    "xlsx.sheet.funnel_cuts": "Funnel by cut",
    "xlsx.sheet.funnel_cuts_stages": "Funnel by cut and stage",
    "xlsx.sheet.funnel_hygiene": "Funnel hygiene",
    "xlsx.sheet.goal_seek": "Goal seek",
    "xlsx.sheet.hiring_months": "Hiring plan by month",
    "xlsx.sheet.hiring_plan": "Hiring plan",
    "xlsx.sheet.levers": "Levers",
    "xlsx.sheet.open_questions": "Open questions",
    "xlsx.sheet.pay_curves": "Pay curves",
    "xlsx.sheet.payments_today": "Payments today",
    "xlsx.sheet.plan_fact": "Plan vs fact",
    "xlsx.sheet.plan_fact_managers": "Plan vs fact by manager",
    "xlsx.sheet.readme": "README",
    "xlsx.sheet.rejected_rows": "Rejected rows",
    "xlsx.sheet.sensitivity": "Sensitivity",
    "xlsx.sheet.sizing_workload": "Sizing workload",
    "xlsx.sheet.span": "Span of control",
    "xlsx.sheet.tech_roadmap": "Technology roadmap",
    "xlsx.sheet.time_in_stage": "Time in stage",
}
