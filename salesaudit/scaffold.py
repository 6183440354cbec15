"""`salesaudit new`: a commented client.yaml and an empty data folder for a new client."""

from __future__ import annotations

from pathlib import Path

from salesaudit.errors import InputError

TEMPLATE = """\
# salesaudit client file. Every key below is optional unless marked REQUIRED; delete what you
# don't need. `salesaudit validate client.yaml` checks it and the data without running the audit.
client: {name}                      # REQUIRED: display name, shown in the report
language: en                       # report language: en | ru
currency: RUB
# as_of: 2026-09-30                # the audit date; default: the latest date in the data
seed: 42                           # same inputs + seed = same numbers

data:                              # paths are relative to this file; .csv, .tsv or .xlsx
  deals:                           # REQUIRED (deals or sales)
    path: data/deals.csv
    encoding: auto                 # auto | utf-8 | utf-8-sig | cp1251
    delimiter: auto                # auto | "," | ";" | "\\t"
    decimal: auto                  # auto | "." | ","
    date_format: auto              # auto | e.g. "%d.%m.%Y"
    columns:                       # canonical name: the header in your file
      deal_id: "ID"
      created_at: "Created"
      stage: "Stage"
      amount: "Amount"
      closed_at: "Closed"
      manager: "Owner"
  # sales:         {{path: data/payments.csv, columns: {{client_id: "Client", date: "Date", amount: "Amount"}}}}
  # stage_history: {{path: data/stage_history.csv, columns: {{deal_id: "Deal", stage: "Stage", entered_at: "Date"}}}}
  # team:          {{path: data/team.csv, columns: {{manager: "Name", role: "Role", head: "Head"}}}}
  # plan:          {{path: data/plan.csv, columns: {{period: "Month", amount: "Plan"}}}}
  # activities:    {{path: data/activities.csv, columns: {{manager: "Name", date: "Date", type: "Type"}}}}

funnel:                            # your CRM's stage names for each canonical stage, in order
  stages:
    - {{key: target_list,   crm: ["New"]}}
    - {{key: first_contact, crm: ["Meeting"]}}
    - {{key: needs_brief,   crm: ["Brief"]}}
    - {{key: offer,         crm: ["Proposal"]}}
    - {{key: offer_defense, crm: ["Negotiation"]}}
    - {{key: contract,      crm: ["Won"]}}      # the won stage (REQUIRED)
  lost: ["Lost"]

targets: {{revenue_per_month: 10000000}}

model:                             # the diagnostic: answer with the client
  mode: auto                       # auto | active | passive
  inbound_channels: [website, referral, inbound_call]
  partners: false
  sales_type: auto                 # auto | traditional | project | regional
  algorithm: {{1: missing, 2: missing, 3: missing, 4: missing, 5: missing, 6: missing, 7: missing}}
  hiring: one_by_one               # batch | one_by_one
  work_control: weekly             # daily | weekly | none
  training: ad_hoc                 # system | ad_hoc | none
  motivation: mixed                # mixed | fixed_only
  last_review_months_ago: 12
  pillars: {{operations: 2, process: 2, coaching: 2, training: 2}}   # 0–4 each

technologies: {{}}                   # key: in_place | partial | missing; `salesaudit technologies` lists keys

structure:
  products: 1
  regions: 1
  region_specifics: false
  complex_product: false
  after_sales_service: false
  segments: 1
  segment_distinct_behaviour: false
  repeat_sales: true

capacity:                          # `auto` = from the client's data
  average_deal: auto
  closer_meetings_per_month: 40
  span: 7

control:
  morning_planning: false
  checkins_per_day: 0
  daily_plan_fact: false
  board: false
"""


def new_client(folder: Path, name: str) -> Path:
    """Create folder/client.yaml and folder/data/; never overwrite an existing client file."""
    path = folder / "client.yaml"
    if path.exists():
        raise InputError(
            "already exists; not overwritten.",
            file=str(path),
            hint="Choose another name or edit the existing file.",
        )
    (folder / "data").mkdir(parents=True, exist_ok=True)
    safe = name.replace('"', "'")
    path.write_text(TEMPLATE.format(name=f'"{safe}"'), encoding="utf-8")
    return path
