"""Every message of the report in Russian: key -> text (str.format placeholders)."""

MESSAGES: dict[str, str] = {
    "algo.1": "Выбор и анализ модели продаж",
    "algo.2": "Выбор и анализ технологий продаж",
    "algo.3": "Пакетный набор персонала",
    "algo.4": "Управление и контроль текущей работы",
    "algo.5": "Адаптация технологий к модели продаж",
    "algo.6": "Внутреннее обучение",
    "algo.7": "Анализ и модернизация отдела раз в 3 месяца",
    "answer.distinct": "{fact}: {n} — по данным ({tables}).",
    "answer.repeat_clients": "{fact}: да — по данным {n, plural, one {# клиент покупал} few {# "
    "клиента покупали} many {# клиентов покупали} other {# клиента "
    "покупали}} больше чем в одном месяце.",
    "answer.repeat_current": "{fact}: да — в данных {n, plural, one {# сделка} few {# сделки} many "
    "{# сделок} other {# сделки}} с текущими клиентами.",
    "assumption.as_of": "Дата аудита",
    "assumption.assume.date_order": "Порядок дня и месяца в датах",
    "assumption.assume.lost_stage": "Этап проигрыша проигранных сделок",
    "assumption.capacity.accounts_per_farmer": "Клиентов на фармера",
    "assumption.capacity.attrition": "Годовая текучесть продавцов",
    "assumption.capacity.closer_meetings_per_month": "Встреч клоузера в месяц",
    "assumption.capacity.hiring_batch": "Размер группы найма",
    "assumption.capacity.hours_per_day": "Рабочих часов в день",
    "assumption.capacity.hunter_calls_per_hour": "Звонков хантера в час",
    "assumption.capacity.productive_share": "Доля продуктивного времени в рабочем дне",
    "assumption.capacity.ramp_months": "Месяцев до полной производительности новичка",
    "assumption.capacity.rates.call_to_contact": "Конверсия звонок → контакт",
    "assumption.capacity.rates.contact_to_meeting": "Конверсия контакт → встреча",
    "assumption.capacity.rates.meeting_to_contract": "Конверсия встреча → договор",
    "assumption.capacity.span": "Норма управляемости (продавцов на руководителя)",
    "assumption.capacity.working_days_per_month": "Рабочих дней в месяце",
    "assumption.compensation.target_earnings.closer": "Целевой доход в месяц: клоузер",
    "assumption.compensation.target_earnings.farmer": "Целевой доход в месяц: фермер",
    "assumption.compensation.target_earnings.head": "Целевой доход в месяц: руководитель отдела",
    "assumption.compensation.target_earnings.hunter": "Целевой доход в месяц: хантер",
    "assumption.funnel": "Этапы воронки",
    "assumption.funnel.preset": "Этапы воронки",
    "assumption.lost_without_stage": "Этап проигрыша проигранных сделок",
    "assumption.structure.repeat_sales": "Повторные продажи (нужны фермеры)",
    "assumption.targets.revenue_per_month": "Цель по выручке в месяц",
    "c.a_share": "{n, plural, one {# клиент класса A} few {# клиента класса A} many {# клиентов "
    "класса A} other {# клиента класса A}} ({share} клиентов) {n, plural, one {даёт} "
    "other {дают}} {rev} выручки.",
    "c.critical": "Критические переходы: {moves}.",
    "c.degenerate": "Даже по кварталам {share} клиентов в классе {cls}: база в основном {what}; "
    "регулярность здесь не различает клиентов.",
    "c.lost": "ушедшие",
    "c.moved_down": "{n, plural, one {# клиент опустился} few {# клиента опустились} many {# "
    "клиентов опустились} other {# клиента опустились}} в классе выручки с прошлого "
    "окна.",
    "c.new": "новые",
    "c.period.M": "месяцы",
    "c.period.Q": "кварталы (по месяцам один класс охватывал более 90% клиентов)",
    "c.rec.AX": "AX: ключевые клиенты — закрепить фермера, удерживать и развивать.",
    "c.rec.AZ": "AY/AZ: крупные, но нерегулярные — выяснить причины пауз, планировать следующий "
    "заказ.",
    "c.rec.CX": "CX/BX: стабильные, но небольшие — кросс- и допродажи.",
    "c.rec.CZ": "CZ: мелкие разовые — дешёвое обслуживание, реактивация только кампаниями.",
    "c.source_deals": "Нет таблицы продаж: классификация по выигранным сделкам.",
    "c.too_few_clients": "За окно заплатили только {n, plural, one {# клиент} few {# клиента} many "
    "{# клиентов} other {# клиента}}: слишком мало, чтобы ABC-XYZ что-то "
    "говорил о клиентской базе (нужно хотя бы {min}). Классы ниже — список, а "
    "не вывод; чтобы классифицировать, передайте таблицу оплат (продаж) за "
    "более длинный период.",
    "c.what.X": "регулярные покупатели",
    "c.what.Y": "нерегулярные покупатели",
    "c.what.Z": "разовые покупатели",
    "c.window": "Окно {a} – {b}, {n, plural, one {# платящий клиент} few {# платящих клиента} many "
    "{# платящих клиентов} other {# платящего клиента}}, выручка {rev}; периоды: "
    "{period}.",
    "channel.cold_call": "холодный звонок",
    "channel.exhibition": "выставка",
    "channel.inbound_call": "входящий звонок",
    "channel.partner": "партнёр",
    "channel.referral": "рекомендация",
    "channel.website": "сайт",
    "chart.abc": "Клиенты и выручка по классам ABC",
    "chart.abcxyz": "Матрица ABC-XYZ: число клиентов",
    "chart.benchmark_band": "Норматив",
    "chart.channels": "Сделки по каналам",
    "chart.clients": "Клиенты",
    "chart.conversion": "Конверсия в следующий этап",
    "chart.coverage": "Покрытие технологиями по группам",
    "chart.deals": "Сделки",
    "chart.fact": "Факт",
    "chart.funnel": "Воронка: сделок на каждом этапе",
    "chart.headcount": "Численность по ролям: сейчас и нужно",
    "chart.inbound": "входящий",
    "chart.month": "Месяц",
    "chart.outbound": "исходящий",
    "chart.people": "Человек",
    "chart.pillars": "Состояние четырёх опор, 0–100",
    "chart.plan": "План",
    "chart.plan_fact": "Выручка: план и факт по месяцам",
    "chart.revenue": "Выручка",
    "chart.score": "Оценка",
    "chart.share": "Доля",
    "chart.span": "Продавцов на руководителя (пунктир — норма)",
    "crm.calls_recorded": "Все звонки записываются",
    "crm.configured": "CRM настроена",
    "crm.counterparty_based": "Работа с контрагентами, а не отдельными сделками",
    "crm.enough_licences": "Достаточно лицензий CRM",
    "crm.methodology": "Методические материалы по работе в CRM",
    "crm.no_paper_orders": "Нет заказов «на бумажках»",
    "crm.no_taskless_clients": "Нет клиентов без задач",
    "crm.telephony_integrated": "Телефония интегрирована",
    "crm.website_integrated": "CRM интегрирована с сайтом",
    "ct.board": "«Доска» (рейтинг на дату)",
    "ct.calls": "Хантеры делают {v, plural, one {# звонок} few {# звонка} many {# звонков} other {# "
    "звонка}} в день, около {h} в час за {hours, plural, one {# час} few {# часа} many "
    "{# часов} other {# часа}} (норматив: 15–20 в час).",
    "ct.checkins": "5-минутки в день (2–3: ~11:00, 14:00, 16:00)",
    "ct.crm_not_assessed": "Готовность CRM не оценена: ни на один из {total} пунктов нет ответа.",
    "ct.crm_score": "Готовность CRM: выполнено {n} из {total, plural, one {# пункта} few {# "
    "пунктов} many {# пунктов} other {# пункта}}.",
    "ct.crm_score_partial": "Готовность CRM: выполнено {n} из {total} отвеченных пунктов; не "
    "оценено пунктов: {open}.",
    "ct.daily_plan_fact": "Ежедневный план/факт оплат",
    "ct.meetings": "Клоузеры проводят в среднем {v, plural, one {# встречу} few {# встречи} many {# "
    "встреч} other {# встречи}} в месяц (норматив: 40–45).",
    "ct.meetings_gap": "По журналу активности клоузер проводит {logged, plural, one {# встречу} few "
    "{# встречи} many {# встреч} other {# встречи}} в месяц, а в CRM на клоузера "
    "приходится лишь {crm, plural, one {# сделка} few {# сделки} many {# сделок} "
    "other {# сделки}} в месяц, дошедших до встречи — {ratio} встречи журнала на "
    "одну встречу в CRM: на сделку уходит несколько встреч, или встречи не "
    "заводятся сделками. Воронка и прогноз считают встречи CRM, нагрузка "
    "клоузеров — встречи журнала.",
    "ct.morning_planning": "Утренняя планёрка",
    "ct.mt.crm": "CRM (сделки, дошедшие до встречи)",
    "ct.mt.log": "Журнал активности",
    "ct.mt.m2c": "Встреча → договор",
    "ct.mt.month": "Встреч в месяц, клоузеры и универсалы",
    "ct.mt.per_seller": "В месяц на клоузера или универсала",
    "ct.mt.ratio": "Журнал ÷ CRM",
    "ct.mt.role.closer": "В месяц на клоузера",
    "ct.mt.role.universal": "В месяц на универсала",
    "ct.rhythm_assessed": "Ритм управления: дано ответов {n} из {total}, остальное — открытые "
    "вопросы в итогах.",
    "ct.rhythm_not_assessed": "Ритм управления не оценён: в файле клиента нет ответов о нём.",
    "dq.assumptions": "Допущение: {text}",
    "dq.dates": "даты {start} – {end}",
    "dq.flagged": "{flagged} оставлено с пометкой",
    "dq.how": "{file}: {choices}.",
    "dq.read": "{file}: прочитано строк — {read}, не учтено — {rejected}",
    "dq.warnings": "Предупреждений",
    "fact.after_sales_service": "Послепродажный сервис (монтаж, настройка, ремонт)",
    "fact.complex_product": "Сложный, инновационный или высокотехнологичный товар",
    "fact.products": "Товарные направления",
    "fact.region_specifics": "Регионам нужен свой подход",
    "fact.regions": "Регионы",
    "fact.repeat_sales": "Повторные продажи",
    "fact.segment_distinct_behaviour": "Сегменты покупают по-разному",
    "fact.segments": "Сегменты клиентов",
    "funnel.bench.brief_rate": "Встреч с заполненным брифом",
    "funnel.bench.meeting_to_contract": "Встреч, закончившихся договором",
    "funnel.bench.meetings_per_closer": "Встреч на продавца в месяц",
    "funnel.chart.actual": "Факт (выигранные сделки)",
    "funnel.chart.better": "на 10% лучше",
    "funnel.chart.capacity": "Встреч, которые могут провести клоузеры",
    "funnel.chart.cohort_row": "{month} · {n, plural, other {# сд.}}, открыто {open}",
    "funnel.chart.cohorts": "Когорты по месяцу создания: доля сделок, дошедших до этапа",
    "funnel.chart.conv_effect": "Конверсия",
    "funnel.chart.conversion": "Конверсия в следующий",
    "funnel.chart.cut": "{metric}: разрез «{cut}» (90% интервал)",
    "funnel.chart.daily": "Оплаты в этом месяце: план и факт нарастающим итогом",
    "funnel.chart.days": "Дней на этапе",
    "funnel.chart.forecast": "Прогноз выручки по месяцам: диапазон P10–P90, медиана и цель",
    "funnel.chart.funnel": "Воронка: сделок на этапе и конверсия в следующий (90% интервал)",
    "funnel.chart.funnel_unidentified": "Воронка: охват и открытые сделки (конверсии этапов "
    "неизвестны)",
    "funnel.chart.gap": "План и факт по месяцам: разрыв и его причины",
    "funnel.chart.needed": "Нужно в месяц для цели",
    "funnel.chart.open_now": "Открытых сделок на этапе сейчас",
    "funnel.chart.other_effect": "Прочие оплаты",
    "funnel.chart.p10_p90": "P10–P90",
    "funnel.chart.p50": "Медиана (P50)",
    "funnel.chart.reach": "Дошло сделок",
    "funnel.chart.reach_known": "Сделок, точно дошедших до этапа",
    "funnel.chart.revenue_change": "Изменение выручки",
    "funnel.chart.sim_funnel": "Сделок в месяц на каждом этапе",
    "funnel.chart.size_effect": "Размер сделки",
    "funnel.chart.still_in": "Ещё на этапе",
    "funnel.chart.target": "Цель",
    "funnel.chart.time": "Время на этапе: доля сделок, ещё не покинувших этап (открытые — "
    "цензурированы)",
    "funnel.chart.today": "Сейчас",
    "funnel.chart.tornado": "Выручка за {h} мес., если один фактор изменится на 10%",
    "funnel.chart.two_months": "2 месяца: пора иметь бриф",
    "funnel.chart.volume": "Число сделок",
    "funnel.chart.worse": "на 10% хуже",
    "funnel.cut.channel": "канал",
    "funnel.cut.client_type": "новый / текущий клиент",
    "funnel.cut.manager": "менеджер",
    "funnel.cut.product": "продукт",
    "funnel.cut.region": "регион",
    "funnel.cut.segment": "целевая группа",
    "funnel.driver.conversion": "Конверсия {a} → {b}",
    "funnel.driver.cycle": "Цикл сделки",
    "funnel.driver.deal_size": "Средняя сделка",
    "funnel.driver.new_deals": "Новых сделок в месяц",
    "funnel.driver.win_rate": "Доля выигранных сделок",
    "funnel.h.band": "Норматив",
    "funnel.h.censored": "Ещё ждут",
    "funnel.h.check": "Проверка",
    "funnel.h.current": "Сейчас",
    "funnel.h.deals": "Сделок",
    "funnel.h.driver": "Фактор",
    "funnel.h.examples": "Примеры",
    "funnel.h.gap": "Разрыв",
    "funnel.h.median": "Медиана, дн.",
    "funnel.h.n": "Закрыто (n)",
    "funnel.h.needed": "Нужно для цели",
    "funnel.h.open": "Открыто",
    "funnel.h.p80": "P80, дн.",
    "funnel.h.plan_to_date": "План на дату",
    "funnel.h.rank": "Место",
    "funnel.h.realistic": "Реально?",
    "funnel.h.share": "% плана",
    "funnel.h.status": "Оценка",
    "funnel.h.stays": "Пребываний",
    "funnel.h.value": "Значение",
    "funnel.hyg.backwards": "{n, plural, one {# сделка вернулась} few {# сделки вернулись} many {# "
    "сделок вернулись} other {# сделки вернулись}} на прошлый этап",
    "funnel.hyg.close_date_passed": "у {n, plural, one {# открытой сделки} few {# открытых сделок} "
    "many {# открытых сделок} other {# открытой сделки}} дата "
    "закрытия уже прошла",
    "funnel.hyg.lost_without_stage": "у {n, plural, one {# проигранной сделки} few {# проигранных "
    "сделок} many {# проигранных сделок} other {# проигранной "
    "сделки}} нет этапа проигрыша",
    "funnel.hyg.skipped_stages": "{n, plural, one {# сделка перескочила} few {# сделки перескочили} "
    "many {# сделок перескочили} other {# сделки перескочили}} этап",
    "funnel.hyg.stale": "{n, plural, one {# сделка открыта} few {# сделки открыты} many {# сделок "
    "открыты} other {# сделки открыты}} более {days} дн. ({n, plural, one "
    "{зависла} few {зависли} many {зависли} other {зависли}})",
    "funnel.hyg.won_without_amount": "у {n, plural, one {# выигранной сделки} few {# выигранных "
    "сделок} many {# выигранных сделок} other {# выигранной "
    "сделки}} нет суммы",
    "funnel.hyg.won_without_close_date": "у {n, plural, one {# выигранной сделки} few {# выигранных "
    "сделок} many {# выигранных сделок} other {# выигранной "
    "сделки}} нет даты закрытия",
    "funnel.hyg_label.backwards": "Сделки вернулись на прошлый этап",
    "funnel.hyg_label.close_date_passed": "У открытых сделок дата закрытия уже прошла",
    "funnel.hyg_label.lost_without_stage": "У проигранных сделок нет этапа проигрыша",
    "funnel.hyg_label.skipped_stages": "Сделки перескочили этап",
    "funnel.hyg_label.stale": "Сделки открыты более {days} дн. (зависли)",
    "funnel.hyg_label.won_without_amount": "У выигранных сделок нет суммы",
    "funnel.hyg_label.won_without_close_date": "У выигранных сделок нет даты закрытия",
    "funnel.kind.negative_binomial": "отрицательное биномиальное — объёмы колеблются",
    "funnel.kind.payments": "оплаты",
    "funnel.kind.poisson": "распределение Пуассона",
    "funnel.kind.won_revenue": "выигранные сделки",
    "funnel.kpi.cycle": "Медианный цикл, дн.",
    "funnel.kpi.forecast": "Прогноз на {h} мес. (P50)",
    "funnel.m2c": "Встреча → договор",
    "funnel.open": "Открыто",
    "funnel.other": "прочие",
    "funnel.overall": "все сделки",
    "funnel.reason.no_amounts": "нет выигранных сделок с суммой",
    "funnel.reason.no_close_dates": "у сделок нет дат закрытия",
    "funnel.reason.no_cycle": "нет выигранных сделок с датой закрытия",
    "funnel.reason.no_deals": "нет таблицы сделок",
    "funnel.reason.no_history": "нет таблицы истории этапов",
    "funnel.reason.no_plan": "нет таблицы плана",
    "funnel.reason.no_plan_months": "нет месяцев плана до даты аудита",
    "funnel.reason.no_sales": "нет таблицы оплат",
    "funnel.reason.no_spells": "история этапов непригодна",
    "funnel.reason.no_target": "нет цели по выручке в client.yaml",
    "funnel.reason.no_won_in_plan_months": "нет выигранных сделок в месяцы плана",
    "funnel.reason.short_history": "нет ни одного полного месяца истории сделок",
    "funnel.s.board": "Лидер доски в этом месяце — {name}: {fact}.",
    "funnel.s.brief.below": "Бриф получен лишь по {v} {ci} встреч — ниже нормы методики (более "
    "50%).",
    "funnel.s.brief.inside": "Бриф получен по {v} {ci} встреч — норма методики (более 50%) "
    "выполнена.",
    "funnel.s.cohort_range": "Среди завершённых когорт доля дошедших до встречи — от {lo} ({lo_m}) "
    "до {hi} ({hi_m}).",
    "funnel.s.cohort_young": "В когортах начиная с {month} открыто более 20% сделок: их показатели "
    "ещё не окончательные.",
    "funnel.s.cut_few": "Разрез «{cut}»: по {n} из {total, plural, one {# значения} few {# "
    "значений} many {# значений} other {# значения}} мало данных.",
    "funnel.s.cut_none": "В сделках нет разрезов (менеджер, канал, продукт, …).",
    "funnel.s.cut_nosig": "интервалы пересекаются, разница может быть случайной.",
    "funnel.s.cut_sig": "разница не объясняется случайностью.",
    "funnel.s.cut_spread": "В разрезе «{cut}» показатель «{metric}» — от {lo_v} ({lo_name}) до "
    "{hi_v} ({hi_name}); {sig}",
    "funnel.s.cycle": "Выигранная сделка проходит путь от создания до договора за {median} дн. "
    "(медиана); 80% закрываются за {p80} дн.",
    "funnel.s.cycle_refs": "Для сравнения: в продаже ПО цикл 4–5 месяцев, промышленного "
    "оборудования 18–24.",
    "funnel.s.daily": "Оплаты в этом месяце: {fact} при плане на сегодня {plan}.",
    "funnel.s.daily_next": "План на следующий рабочий день: {tomorrow}.",
    "funnel.s.daily_noplan": "Оплаты в этом месяце на сегодня: {fact}.",
    "funnel.s.forecast": "За следующие {h} мес. ожидаемая выручка {p50} (с вероятностью 80% от "
    "{p10} до {p90}).",
    "funnel.s.forecast_method": "Прогноз — {n, plural, one {# сценарий} few {# сценария} many {# "
    "сценариев} other {# сценария}}: новые сделки ({kind}) около {mean} "
    "в месяц, конверсия каждого этапа по его истории и {open, plural, "
    "one {# уже открытая сделка} few {# уже открытые сделки} many {# "
    "уже открытых сделок} other {# уже открытой сделки}}.",
    "funnel.s.forecast_method_win": "Прогноз — {n, plural, one {# сценарий} few {# сценария} many "
    "{# сценариев} other {# сценария}}: новые сделки ({kind}) около "
    "{mean} в месяц, каждая выигрывается с долей выигранных сделок "
    "(конверсии этапов неизвестны), и {open, plural, one {# уже "
    "открытая сделка} few {# уже открытые сделки} many {# уже "
    "открытых сделок} other {# уже открытой сделки}} с той же "
    "вероятностью, на каком бы этапе ни была.",
    "funnel.s.goal_item": "{driver} {cur} → {need} ({why})",
    "funnel.s.goal_met": "Текущий темп уже обеспечивает цель {target} в месяц.",
    "funnel.s.goal_no": "В одиночку нереалистично: {items}.",
    "funnel.s.goal_none": "Ни один рычаг в одиночку не даёт {target} в месяц реалистично: нужно "
    "двигать несколько сразу или нанимать продавцов.",
    "funnel.s.goal_ok": "Чтобы выйти на {target} в месяц одним рычагом, {driver}: с {cur} до {need} "
    "— реалистично.",
    "funnel.s.hygiene": "Гигиена CRM: {items}.",
    "funnel.s.hygiene_ok": "Данные CRM в порядке: проблем не найдено.",
    "funnel.s.lost_without_stage": "У {n, plural, one {# проигранной сделки} few {# проигранных "
    "сделок} many {# проигранных сделок} other {# проигранной "
    "сделки}} не указан этап проигрыша; {n, plural, one {она "
    "считается проигранной} few {они считаются проигранными} many "
    "{они считаются проигранными} other {они считаются "
    "проигранными}} на первом этапе.",
    "funnel.s.m2c.above": "Встречи заканчиваются договором в {v} {ci} случаев — выше нормы 10–30%: "
    "либо встречи очень хорошо квалифицированы, либо не все встречи вносятся "
    "в CRM.",
    "funnel.s.m2c.below": "Встречи заканчиваются договором в {v} {ci} случаев — ниже нормы 10–30%.",
    "funnel.s.m2c.inside": "Встречи заканчиваются договором в {v} {ci} случаев — в пределах нормы "
    "10–30%.",
    "funnel.s.mpc.above": "Клоузер проводит около {v, plural, one {# встречи} few {# встреч} many "
    "{# встреч} other {# встречи}} в месяц — выше нормы 40–45: проверьте "
    "качество встреч.",
    "funnel.s.mpc.below": "Клоузер проводит около {v, plural, one {# встречи} few {# встреч} many "
    "{# встреч} other {# встречи}} в месяц — ниже нормы методики 40–45.",
    "funnel.s.mpc.inside": "Клоузер проводит около {v, plural, one {# встречи} few {# встреч} many "
    "{# встреч} other {# встречи}} в месяц — в пределах нормы 40–45.",
    "funnel.s.mpc_basis.activities": "(По журналу активности.)",
    "funnel.s.mpc_basis.crm": "(Считаются сделки, дошедшие в CRM до встречи: встречи, не ставшие "
    "сделками, сюда не попадают.)",
    "funnel.s.no_cycle": "Цикл измерить нельзя: у выигранных сделок нет даты закрытия.",
    "funnel.s.no_history": "Для времени на этапах нужна выгрузка истории этапов.",
    "funnel.s.not_identified": "У {n, plural, one {#} few {#} many {#} other {#}} из {lost} "
    "проигранных сделок не указан этап проигрыша, поэтому конверсия "
    "между этапами неизвестна: в отчёте она не показана и нигде не "
    "используется (доля выигранных сделок выше известна). Чтобы её "
    "увидеть, выгрузите историю стадий сделок (сделка, этап, дата входа) "
    "или столбец «этап проигрыша» — в docs/presets.md сказано, где это в "
    "каждой CRM.",
    "funnel.s.open_mix": "Открыто сейчас {n, plural, one {# сделка} few {# сделки} many {# сделок} "
    "other {# сделки}}: {mix}.",
    "funnel.s.overview": "{n, plural, one {# сделка} few {# сделки} many {# сделок} other {# "
    "сделки}}: выиграно {won}, проиграно {lost}, в работе {open}. Доля "
    "выигранных {wr} {ci}.",
    "funnel.s.p_target": "Вероятность выйти на цель {target} в месяц ({total} за период) — {p}.",
    "funnel.s.plan_effect": "Худший месяц — {month} ({gap}); главная причина — {effect} ({value}).",
    "funnel.s.plan_fact": "За {n} мес. плана {kind} — {fact} при плане {plan} ({gap}).",
    "funnel.s.plan_other": "Оплаты сверх выигранных в месяце сделок (повторные продажи, рассрочки) "
    "— {value} к своей доле плана.",
    "funnel.s.plan_volume": "При нынешней конверсии и средней сделке для плана нужно {need} новых "
    "сделок в месяц; команда создаёт {have}.",
    "funnel.s.time_censored": "{n, plural, one {# сделка ещё ждёт} few {# сделки ещё ждут} many {# "
    "сделок ещё ждут} other {# сделки ещё ждут}} на этапе; если считать "
    "только завершённые, ожидание на этапе «{stage}» занижается на {diff} "
    "дн.",
    "funnel.s.time_slowest": "Дольше всего сделки стоят на этапе «{stage}»: половина покидает его "
    "за {median} дн., 80% — за {p80} дн.",
    "funnel.s.too_few": "Мало закрытых сделок, чтобы судить: {stages}.",
    "funnel.s.tornado": "Самый сильный рычаг — {driver}: +10% дают {gain} за {h} мес.",
    "funnel.s.weakest": "{a} → {b}: конверсия {v} {ci} — самый слабый этап; +10% здесь дают {gain} "
    "за {h} мес.",
    "funnel.s.weakest_nogain": "{a} → {b}: конверсия {v} {ci} — самый слабый этап.",
    "funnel.sim.average_deal": "Средняя сделка",
    "funnel.sim.closers": "Клоузеров",
    "funnel.sim.closers_needed": "Нужно клоузеров: {n}",
    "funnel.sim.cycle": "Цикл, дн.",
    "funnel.sim.forward": "Что если",
    "funnel.sim.intro": "Начальная точка — прогноз из отчёта. Двигайте ползунки: новые сделки в "
    "месяц, конверсия каждого этапа, средняя сделка, цикл, число закрывающих "
    "менеджеров и их встречи; воронка и веер выручки пересчитываются сразу, с "
    "вероятностью достичь цели. Режим «От цели» считает наоборот: задайте цель "
    "по выручке и увидите, сколько сделок нужно на каждом этапе в месяц и "
    "сколько менеджеров нужно для встреч (та же обратная воронка, что в расчёте "
    "штата).",
    "funnel.sim.meetings": "Встреч / клоузер",
    "funnel.sim.method": "Прогноз строит тысячи сценариев: новые сделки вокруг выбранного темпа, "
    "каждая конверсия с неопределённостью вокруг значения ползунка — "
    "настолько, насколько позволяет история клиента, размеры сделок и циклы — "
    "выборкой из выигранных сделок клиента, плюс открытые сделки. Новые сделки "
    "сверх встреч, которые могут провести менеджеры (по сравнению с началом), "
    "теряются на этапе встречи.",
    "funnel.sim.mode": "Режим",
    "funnel.sim.new_deals": "Новых сделок / мес.",
    "funnel.sim.p_target": "P(цель)",
    "funnel.sim.reverse": "От цели",
    "funnel.sim.reverse_summary": "Для {target} в месяц: {contracts, plural, one {# договор} few {# "
    "договора} many {# договоров} other {# договора}} и {meetings, "
    "plural, one {# встреча} few {# встречи} many {# встреч} other {# "
    "встречи}} в месяц; нужно клоузеров: {closers} (сейчас {now}).",
    "funnel.sim.summary": "Выручка за {h} мес.: медиана {p50} (P10 {p10} – P90 {p90}); P(цель) {p}; "
    "встреч {meet}/мес. при мощности {cap}.",
    "funnel.sim.target": "Цель / мес.",
    "funnel.sim.title": "Симулятор воронки",
    "funnel.status.above": "выше нормы",
    "funnel.status.below": "ниже нормы",
    "funnel.status.inside": "в норме",
    "funnel.too_few_suffix": " (мало данных)",
    "funnel.value.current": "текущие",
    "funnel.value.new": "новые",
    "funnel.why.above_band": "встреча → договор превысила бы 30%",
    "funnel.why.above_best": "выше, чем у лучшего продавца сейчас",
    "funnel.why.above_one": "конверсия выше 100%",
    "funnel.why.capacity": "больше встреч, чем могут провести продавцы",
    "funnel.win_rate": "Доля выигранных",
    "group.external": "Внешние",
    "group.internal": "Внутренние",
    "group.marketing": "Маркетинговые",
    "group.personnel": "Кадровые",
    "impact.high": "высокое",
    "impact.low": "низкое",
    "impact.medium": "среднее",
    "intake.as_of.activities.date": "Последний факт в данных: активность в журнале",
    "intake.as_of.deals.closed_at": "Последний факт в данных: закрытие выигранной или проигранной "
    "сделки (плановые даты закрытия открытых сделок — не факты)",
    "intake.as_of.deals.created_at": "Последний факт в данных: создание сделки (плановые даты "
    "закрытия открытых сделок — не факты)",
    "intake.as_of.sales.date": "Последний факт в данных: оплата",
    "intake.as_of.stage_history.entered_at": "Последний факт в данных: смена этапа сделки",
    "intake.as_of.today": "Сегодня: в данных нет датированных фактов до сегодняшнего дня",
    "intake.client": "Клиент",
    "intake.history.conversions": "История стадий не передана, а сделки не говорят, на каком этапе "
    "проиграны: конверсии этапов, время на этапах и пропуски этапов "
    "посчитать нельзя.",
    "intake.history.how_preset": "Как выгрузить её из {crm} — {how}.",
    "intake.history.see_docs": "Какая выгрузка её даёт в каждой CRM, сказано в docs/presets.md "
    "(сделка, этап, дата входа).",
    "intake.history.see_preset": "Какая выгрузка её даёт, сказано в docs/presets.md (раздел {crm}).",
    "intake.history.time": "История стадий не передана: время на этапах, пропуски этапов и возвраты "
    "назад посчитать нельзя.",
    "intake.language": "Язык отчёта",
    "intake.seed": "Зерно случайных чисел",
    "intake.tables": "Переданные таблицы",
    "intake.target": "Цель по выручке в месяц",
    "language.en": "английский",
    "language.ru": "русский",
    "m.assessed": "Дано ответов диагностики: {n} из {total}. Шаги, типичные ошибки и опоры "
    "оцениваются только по ним, остальное — открытые вопросы в итогах.",
    "m.channel": "Канал",
    "m.cycle_evidence": "Медианный цикл выигранных сделок: {days, plural, one {# день} few {# дня} "
    "many {# дней} other {# дня}} (проектные продажи — больше 90 дней).",
    "m.mode_evidence": "{share} сделок приходят из входящих каналов ({channels}); выше 60% модель "
    "пассивная.",
    "m.mode_no_data": "Нет данных о каналах: активные или пассивные продажи — не оценено; спросите "
    "клиента или выгрузите источник сделки.",
    "m.mode_override": "Консультант задал модель «{mode}»; по данным — «{auto}».",
    "m.mode_unknown_channels": "Половина сделок или больше пришла из каналов без известного "
    "направления (они перечислены в разделе о качестве данных): активные "
    "или пассивные продажи — не оценено; укажите входящие каналы в "
    "model.inbound_channels.",
    "m.not_assessed": "Не оценено: в файле клиента нет ответов диагностики, поэтому шаги алгоритма, "
    "типичные ошибки и самооценка опор не оцениваются; задайте открытые вопросы "
    "из итогов.",
    "m.regional_evidence": "{regions, plural, one {# регион} few {# региона} many {# регионов} "
    "other {# региона}} и продажи через партнёров: региональные продажи.",
    "m.type_open": "Тип продаж пока — {type}: ответы на открытые вопросы (цикл, регионы, партнёры) "
    "могут его изменить.",
    "m.type_result": "Тип продаж: {type}.",
    "m.violation": "Шаг {step} — «{status}», хотя шаг {earlier} отсутствует: нарушен порядок "
    "алгоритма.",
    "mistake.1": "Пропущены шаги 1–2: модель и технологии не выбраны в начале.",
    "mistake.2": "Набор по одному вместо пакетного набора.",
    "mistake.3": "Нет контроля текущей работы команды.",
    "mistake.4": "Только оклад: расчёт на самомотивацию.",
    "mistake.5": "Внутреннее обучение не выстроено как система.",
    "mistake.6": "Система не пересматривается раз в 3 месяца.",
    "mode.active": "активная (исходящая)",
    "mode.passive": "пассивная (входящая)",
    "note.as_of.future": "as_of {as_of} в client.yaml позже сегодняшнего дня ({today}); аудит "
    "использует {as_of}, как указано, поэтому месяцы до этой даты выглядят "
    "пустыми. Проверьте дату (последний факт в данных — {latest}, {source}).",
    "note.as_of.late": "as_of {as_of} в client.yaml на {days} дн. позже последнего факта в данных "
    "({latest}, {source}); аудит использует {as_of}, как указано, поэтому "
    "последние месяцы выглядят пустыми. Уберите as_of, чтобы провести аудит на "
    "{latest}.",
    "note.assume.date_order": "«{column}»: даты прочитаны как {order}, хотя все значения допускают "
    "оба порядка.",
    "note.assume.lost_stage": "проигранные сделки без известного этапа проигрыша ({count}) "
    "считаются дошедшими только до первого этапа.",
    "note.blank.rows": "Пропущено пустых строк — {count} ({rows}).",
    "note.blanked": "«{column}»: оставлено пустыми значений — {count} ({rows}): {reason}, например "
    "«{value}». {todo}",
    "note.channel.unknown": "«{column}»: каналы без направления ({count}) — {names} ({rows}): это "
    "входящий или исходящий канал? Пока ответа нет, их сделки не входят в "
    "расчёт доли входящих (а если таких сделок половина или больше, модель "
    "продаж не оценивается); перечислите все входящие каналы в "
    "model.inbound_channels в client.yaml.",
    "note.client_type.unknown": "«{column}»: значения {names} ({rows}) — ни «новый», ни «текущий»; "
    "оставлены пустыми.",
    "note.close.from_expected": "у {count, plural, one {# закрытой сделки} few {# закрытых сделок} "
    "many {# закрытых сделок} other {# закрытой сделки}} нет другой "
    "даты закрытия, кроме столбца «{column}»; она принята за дату "
    "закрытия.",
    "note.close.planned": "у {count, plural, one {# открытой сделки} few {# открытых сделок} many "
    "{# открытых сделок} other {# открытой сделки}} в столбце «{column}» "
    "стоит дата: у открытой сделки это плановая дата закрытия, она учтена как "
    "ожидаемая, а не как факт закрытия",
    "note.closed_before_created": "Сделок, закрытых раньше создания, — {count} ({rows}, например "
    "«{value}»); оставлены. Проверьте даты.",
    "note.date.assumed": "«{column}»: все даты допускают оба порядка (день-месяц и месяц-день); "
    "принято {order}. Если это не так, задайте date_format в client.yaml.",
    "note.date.cells": "«{column}»: ячейки Excel с датами",
    "note.date.declared": "«{column}»: даты {order} (задано в client.yaml)",
    "note.date.dots": "«{column}»: даты {order}: все значения допускают оба порядка; даты через "
    "точку пишут день первым",
    "note.date.file": "«{column}»: даты {order}, как в столбце «{other}» того же файла (собственные "
    "значения допускают оба порядка)",
    "note.date.format": "«{column}»: даты в формате {fmt} (задан в client.yaml)",
    "note.date.iso": "«{column}»: даты с годом впереди (вида «{example}»)",
    "note.date.mixed_order": "«{column}»: прочитано как {order}, как большинство значений; "
    "значений, подходящих только под другой порядок, — {count} ({rows}, "
    "например «{value}»), они не учтены. Выгрузите столбец в одном формате "
    "дат.",
    "note.date.preset": "«{column}»: даты {order}: все значения допускают оба порядка, а {preset} "
    "выгружает даты так",
    "note.date.seen": "«{column}»: даты {order}, решение для всего столбца: «{example}» (строка "
    "{row}) читается только так",
    "note.date.serial": "«{column}»: порядковые номера дней Excel (вида «{example}»)",
    "note.date.tz": "«{column}»: часовые пояса отброшены (время взято как записано).",
    "note.dec.declared": "«{column}»: десятичный разделитель {dec} (задан в client.yaml)",
    "note.dec.file": "«{column}»: десятичный разделитель {dec} (как в столбце «{other}» того же "
    "файла)",
    "note.dec.seen": "«{column}»: десятичный разделитель {dec} (значения вида «{example}»)",
    "note.dec.whole": "«{column}»: дробей нет, поэтому «{example}» прочитано как целое с разрядами",
    "note.delim.count": "разделитель {delim} (каждая строка делится на {fields} полей)",
    "note.delim.declared": "разделитель {delim} (задан в client.yaml)",
    "note.delim.names": "разделитель {delim} (он делит заголовок на ожидаемые названия столбцов)",
    "note.delim.none": "один столбец (разделитель не найден)",
    "note.dup.header": "в файле несколько столбцов «{header}» (столбцы {letters}); использован "
    "первый. Чтобы взять второй, укажите «{header} (2)».",
    "note.dup.id": "«{column}»: повторов — {count} ({rows}, например «{value}», впервые в строке "
    "{first}); учтена первая запись, остальные нет.",
    "note.enc.ascii": "кодировка ASCII (только латиница)",
    "note.enc.bom": "кодировка {enc} (файл начинается с метки BOM)",
    "note.enc.cp1251": "кодировка cp1251 (не UTF-8; остальные байты складываются в кириллические "
    "слова cp1251)",
    "note.enc.cp1252": "кодировка cp1252 (не UTF-8; остальные байты — отдельные буквы с "
    "диакритикой)",
    "note.enc.declared": "кодировка {enc} (задана в client.yaml)",
    "note.enc.utf16": "кодировка {enc} (каждый второй байт нулевой)",
    "note.enc.utf8": "кодировка UTF-8 (весь файл — корректный UTF-8)",
    "note.format.text_in_xls": "прочитан как текст: по содержимому это текстовая таблица",
    "note.format.xlsx_in_csv": "прочитан как Excel: по содержимому это книга Excel",
    "note.formula.link": "«{column}»: формулы =ГИПЕРССЫЛКА(...) заменены показанным текстом — "
    "{count} ({rows}).",
    "note.formula.other": "«{column}»: значений, похожих на формулы, — {count} ({rows}, например "
    "«{value}»); оставлены текстом. Выгрузите значения, а не формулы.",
    "note.funnel.preset": "этапы воронки взяты из пресета {preset} (в client.yaml нет funnel:).",
    "note.future": "«{column}»: дат позже даты аудита {as_of} — {count} ({rows}, например "
    "«{value}»); оставлены. Проверьте даты или as_of.",
    "note.header.declared": "заголовок в строке {row} (задан в client.yaml)",
    "note.header.first": "заголовок в строке {row}",
    "note.header.title": "заголовок в строке {row} (строки выше — шапка отчёта, пропущены)",
    "note.heads.missing": "«{column}»: руководители {names} не указаны менеджерами в таблице "
    "команды ({rows}).",
    "note.history.filtered": "Пропущено строк о других событиях — {count} (столбец «{column}» не "
    "равен {names}).",
    "note.history.unknown_deals": "Строк о сделках, которых нет в таблице сделок, — {count} "
    "({rows}, например «{value}»); оставлены.",
    "note.history.wide": "история стадий прочитана из столбцов файла сделок вида «{column}» "
    "({count}): записей о входе в стадию — {rows_total}.",
    "note.ids.scientific": "«{column}»: идентификаторов в экспоненциальной записи — {count}, "
    "например «{value}» ({rows}): Excel их округлил, разные записи могут "
    "совпасть. Выгрузите идентификаторы как текст.",
    "note.lost.no_stage": "Проигранных сделок без известного этапа проигрыша (ни в lost_stage, ни в "
    "истории этапов) — {count} ({rows}); какие показатели воронки от этого "
    "остаются известны, сказано в разделе о воронке.",
    "note.managers.missing": "Менеджеров, которых нет в таблице команды ({file2}), — {count}: "
    "{names} ({rows}). Добавьте их в файл команды или исправьте написание.",
    "note.neg.flagged": "«{column}»: отрицательных сумм — {count} ({rows}, например {value}); "
    "оставлены. Проверьте, возвраты это или опечатки.",
    "note.neg.refunds": "«{column}»: отрицательные суммы учтены как возвраты — {count} ({rows}), "
    "всего {value}.",
    "note.noheader.column": "столбец {letter} содержит данные, но без заголовка; пропущен.",
    "note.order.dayfirst": "день-месяц",
    "note.order.monthfirst": "месяц-день",
    "note.ragged": "Не учтено строк — {count} ({rows}): в них другое число полей, чем в заголовке "
    "({fields}), например «{value}». Проверьте кавычки и разделители в этих строках.",
    "note.rejected": "«{column}»: не учтено строк — {count} ({rows}): {reason}, например «{value}». "
    "{todo}",
    "note.role.unknown": "«{column}»: неизвестные роли {names} ({rows}); считаются универсалами. "
    "Роли: hunter, closer, farmer, universal, head.",
    "note.sheet": "лист «{sheet}»",
    "note.status.mapped": "этап взят из столбца «{column}» (выиграна → contract, проиграна → lost) "
    "для сделок: {count}.",
    "note.team.cycle": "«{column}»: руководители подчиняются друг другу по кругу ({path}); у "
    "структуры нет вершины. Исправьте руководителей в файле команды.",
    "note.team.self_head": "«{column}»: {names} указаны своими же руководителями ({rows}). Для "
    "главы команды оставьте руководителя пустым.",
    "pillar.coaching": "Коучинг",
    "pillar.operations": "Операционная работа",
    "pillar.process": "Процесс продаж",
    "pillar.training": "Обучение",
    "q.control.board": "Есть ли «доска» (рейтинг на дату)?",
    "q.control.checkins_per_day": "Сколько 5-минутных сверок в день проводит руководитель?",
    "q.control.crm": "CRM: «{name}» — да или нет?",
    "q.control.daily_plan_fact": "Ведётся ли ежедневный план/факт оплат?",
    "q.control.morning_planning": "Проводится ли утренняя планёрка?",
    "q.model.algorithm": "Шаг {step} алгоритма «{name}»: есть, частично или нет?",
    "q.model.hiring": "Продавцов нанимают по одному или группами?",
    "q.model.last_review_months_ago": "Сколько месяцев назад систему продаж пересматривали в "
    "последний раз?",
    "q.model.mode": "Компания в основном сама выходит на клиентов (активные продажи) или клиенты "
    "приходят сами (пассивные)?",
    "q.model.motivation": "Есть ли у продавцов бонусная часть дохода или только оклад?",
    "q.model.partners": "Идут ли продажи через дистрибьюторов или партнёров?",
    "q.model.pillars": "Самооценка опоры «{name}» от 0 до 4?",
    "q.model.training": "Внутреннее обучение — система, от случая к случаю или его нет?",
    "q.model.work_control": "Как контролируется текущая работа команды: ежедневно, еженедельно или "
    "никак?",
    "q.structure.after_sales_service": "Есть ли послепродажный сервис (монтаж, настройка, ремонт)?",
    "q.structure.complex_product": "Товар сложный, инновационный или высокотехнологичный?",
    "q.structure.products": "Сколько товарных направлений продаёт компания?",
    "q.structure.region_specifics": "Нужен ли регионам свой подход к продажам?",
    "q.structure.regions": "В скольких регионах продаёт компания?",
    "q.structure.repeat_sales": "Покупают ли клиенты повторно или это разовая услуга?",
    "q.structure.segment_distinct_behaviour": "Покупают ли сегменты настолько по-разному, что им "
    "нужны свои команды?",
    "q.structure.segments": "Сколько сегментов клиентов со своими факторами покупки?",
    "q.technologies": "«{name}»: есть, частично или нет?",
    "reason.no_deals": "нет таблицы сделок",
    "reason.no_plan": "нет таблицы плана",
    "reason.no_sales": "нет продаж для классификации",
    "reason.no_target": "нет цели по выручке в client.yaml",
    "reason.no_team": "нет таблицы команды",
    "reason.not_built": "ещё не реализовано в этой версии",
    "rec.batch": "Нанимать группами с групповыми собеседованиями, а не по одному.",
    "rec.head": "Добавить руководителя: у {head} {n} продавцов (норма {span}).",
    "rec.hire": "Нанять {n} продавцов группами по {b}, чтобы выйти на нужную мощность.",
    "rec.push": "В первую очередь — {driver}: +10% дают {v} за {h} мес., больше любого другого "
    "фактора воронки.",
    "rec.review": "Пересматривать систему продаж раз в 3 месяца; следующий аудит — этой же книгой.",
    "rec.stage": "Подтянуть переход {a} → {b} — самый слабый шаг: +10% на нём дают {v} за {h} мес.",
    "rec.stage_plain": "Подтянуть переход {a} → {b}: это самый слабый шаг.",
    "rec.tech": "Технологии к внедрению, с начала дорожной карты: {items}.",
    "recon.basis.payments": "Оплаты",
    "recon.basis.won_deals": "Выигранные сделки",
    "recon.lag": "Дней от выигрыша сделки до оплаты клиента (медиана)",
    "recon.note.payments": "Все цели, прогноз, подбор цели и расчёт штата в отчёте — в оплатах: в "
    "них задана цель.",
    "recon.note.ratio": "За последние 12 месяцев оплаты составили {ratio}× от выигранных сделок (с "
    "повторными покупками и рассрочками; медианная задержка {lag} дн.): таблица "
    "плана и итоги ABC-XYZ — в оплатах и пересчитываются по этому коэффициенту.",
    "recon.note.won_deals": "Все цели, прогноз, подбор цели и расчёт штата в отчёте — в выручке "
    "выигранных сделок (сделки, выигранные в месяце): в ней задана цель.",
    "recon.plan": "План за последние 12 месяцев (таблица плана)",
    "recon.ratio": "Оплаты ÷ выигранные сделки",
    "recon.revenue": "Выручка за последние 12 месяцев",
    "recon.target": "Цель за 12 месяцев",
    "reject.absurd_number": "неправдоподобная сумма (бесконечность или больше 10^15)",
    "reject.absurd_number.todo": "Исправьте число в CRM и выгрузите заново.",
    "reject.bad_date": "не дата",
    "reject.bad_date.todo": "Исправьте даты в файле или задайте date_format в client.yaml.",
    "reject.bad_number": "не число",
    "reject.bad_number.todo": "Оставьте только число (знак валюты и пробелы допустимы) или задайте "
    "decimal в client.yaml.",
    "reject.empty": "обязательное значение пустое",
    "reject.empty.todo": "Заполните значение в CRM и выгрузите снова.",
    "reject.order_mismatch": "дата подходит только под другой порядок день/месяц",
    "reject.order_mismatch.todo": "Выгрузите столбец в одном формате дат.",
    "report.as_of": "Дата аудита",
    "report.contents": "Содержание",
    "report.currency": "Валюта",
    "report.generated": "Сформирован",
    "report.title": "Аудит отдела продаж",
    "role.closer": "Клоузер",
    "role.farmer": "Фермер",
    "role.head": "Руководитель отдела",
    "role.hunter": "Хантер",
    "role.universal": "Универсал",
    "role.unknown": "Роль не указана",
    "roles.hunter_closer_farmer": "хантеры, клоузеры и фермеры",
    "roles.universal": "универсальные продавцы",
    "s.closer_meetings": "Нагрузка клоузеров считается во встречах из журнала активности: договором "
    "заканчиваются {logged} из них, а конверсия воронки встреча → договор — "
    "{m2c} (на сделку приходится несколько встреч), поэтому для цели нужно "
    "встреч в месяц: {meetings} — {closers, plural, one {# клоузер} few {# "
    "клоузера} many {# клоузеров} other {# клоузера}} по {capacity} встреч.",
    "s.cost": "Месячный фонд оплаты при целевом доходе",
    "s.gap": "В команде {now, plural, one {# продавец} few {# продавца} many {# продавцов} other {# "
    "продавца}}; нужно {needed} ({roles}) и руководителей: {heads}.",
    "s.gap_no_team": "Таблица команды не передана, текущая численность неизвестна; нужно продавцов: "
    "{needed} ({roles}), руководителей: {heads}.",
    "s.headcount": "Численность",
    "s.hiring": "План найма на 12 месяцев",
    "s.no_average_deal": "Для расчёта численности нужен средний чек: за 12 месяцев до даты аудита "
    "нет сумм выигранных сделок. Укажите capacity.average_deal в client.yaml.",
    "s.no_target": "Нет цели по выручке в client.yaml: расчёт ведётся от средней выручки за 12 "
    "месяцев.",
    "s.productive": "Продуктивные ставки",
    "s.rates_default": "Не собственные цифры клиента: {rates}. Данные клиента их не дают (нет таких "
    "этапов, мало сделок или неизвестен этап проигрыша); расчёт выше зависит от "
    "них — замените их в разделе capacity.rates файла client.yaml, когда клиент "
    "знает точнее.",
    "s.summary": "Для {target} в месяц нужно: договоров {contracts}, встреч {meetings}, контактов "
    "{contacts}, звонков {calls}.",
    "s.workload.calls": "Звонки",
    "s.workload.contacts": "Контакты",
    "s.workload.contracts": "Договоры",
    "s.workload.meetings": "Встречи с ЛПР",
    "section.00_intake": "Исходные данные и их качество",
    "section.01_sales_model": "Модель продаж",
    "section.02_technologies": "Технологии продаж",
    "section.03_structure": "Структура отдела",
    "section.04_team": "Численность команды",
    "section.05_funnel": "Воронка продаж",
    "section.06_customers": "Клиенты: ABC-XYZ",
    "section.07_control": "Отчётность и контроль",
    "section.99_summary": "Итоги",
    "section.since": "С прошлого аудита",
    "since.better": "лучше",
    "since.col.before": "Было",
    "since.col.change": "Изменение",
    "since.col.item": "Показатель",
    "since.col.now": "Стало",
    "since.coverage": "Покрытие технологиями: {group}",
    "since.fig.average_deal": "Средняя сделка",
    "since.fig.crm_readiness": "Готовность CRM",
    "since.fig.cycle_days": "Медианный цикл, дней",
    "since.fig.deals": "Сделок",
    "since.fig.forecast_p50": "Прогноз выручки на 12 месяцев (P50)",
    "since.fig.meeting_to_contract": "Встреча → договор",
    "since.fig.p_target": "Вероятность выполнить план",
    "since.fig.sellers": "Продавцов",
    "since.fig.sellers_needed": "Продавцов нужно для плана",
    "since.fig.win_rate": "Доля выигранных сделок",
    "since.fig.won": "Выиграно сделок",
    "since.h.abcxyz": "ABC-XYZ: клиентов в ячейке",
    "since.h.algorithm": "Алгоритм построения отдела",
    "since.h.figures": "Ключевые показатели",
    "since.h.scores": "Оценки",
    "since.intro": "Что изменилось с прошлого аудита от {date} ({months, plural, one {# месяц} few "
    "{# месяца} many {# месяцев} other {# месяца}} назад): каждая оценка и ключевой "
    "показатель, было → стало.",
    "since.lead": "Этот аудит в сравнении с прошлым для того же клиента.",
    "since.no_date": "В прошлом findings.json нет даты аудита.",
    "since.pillar": "{name}, 0–100",
    "since.pp": "{v} п.п.",
    "since.same": "без изменений",
    "since.stale": "Прошлый аудит старше {review, plural, one {# месяца} few {# месяцев} many {# "
    "месяцев} other {# месяца}}: методология пересматривает систему продаж каждые "
    "{review, plural, one {# месяц} few {# месяца} many {# месяцев} other {# "
    "месяца}}, и изменения между аудитами остались без пересмотра.",
    "since.worse": "хуже",
    "source.data": "данные (см. качество данных)",
    "source.default": "значение salesaudit по умолчанию (в методике нет числа)",
    "source.methodology": "Методика, {section}",
    "source.preset": "пресет CRM",
    "source.stage_reach": "правило аудита для проигранных сделок без известного этапа",
    "st.no_head": "{n, plural, one {# продавец} few {# продавца} many {# продавцов} other {# "
    "продавца}} без руководителя: {names}.",
    "st.no_head_label": "(без руководителя)",
    "st.ok": "Нарушений нормы управляемости нет.",
    "st.over_span": "{head} руководит {n, plural, one {# продавцом} few {# продавцами} many {# "
    "продавцами} other {# продавца}} — больше нормы {span}: нужен ещё руководитель.",
    "st.recommended": "Рекомендуется: {main}{second}.",
    "st.rule.customer_type": "{segments, plural, one {# сегмент} few {# сегмента} many {# "
    "сегментов} other {# сегмента}} клиентов с разным поведением → деление "
    "по типам клиентов.",
    "st.rule.functional_linear": "Мало продуктов, один регион, без особых сегментов → "
    "линейно-функциональная.",
    "st.rule.product_category": "Сложный продукт или сервис после продажи → деление по товарным "
    "категориям.",
    "st.rule.regional_matrix": "{regions, plural, one {# регион} few {# региона} many {# регионов} "
    "other {# региона}} со своей спецификой → региональная матрица.",
    "st.secondary": ", с дополнительным делением: {s}",
    "st.undecided": "Структуру пока нельзя рекомендовать: она зависит от ответов, которых нет, — "
    "{facts}.",
    "stage.contract": "Договор",
    "stage.first_contact": "Встреча с ЛПР",
    "stage.needs_brief": "Бриф потребностей",
    "stage.offer": "Коммерческое предложение",
    "stage.offer_defense": "Защита КП",
    "stage.target_list": "Целевой список",
    "status.in_place": "есть",
    "status.missing": "нет",
    "status.not_assessed": "не оценено",
    "status.partial": "частично",
    "structure.customer_type": "по типам клиентов",
    "structure.functional_linear": "линейно-функциональная",
    "structure.product_category": "по товарным категориям",
    "structure.regional_matrix": "региональная матрица",
    "sum.abc": "{n, plural, one {# клиент класса A даёт} few {# клиента класса A дают} many {# "
    "клиентов класса A дают} other {# клиента класса A дают}} {share} выручки.",
    "sum.algorithm": "Шагов алгоритма вне порядка: {v}; типичных ошибок: {m}.",
    "sum.algorithm_partial": "По данным ответам: шагов алгоритма вне порядка — {v}, типичных ошибок "
    "— {m}; не оценено ошибок: {k}, шагов: {s}.",
    "sum.forecast": "Следующие {h} мес.: ожидается {p50} выручки от сделок (80% диапазон "
    "{p10}–{p90}); вероятность достичь цели {target} — {p}.",
    "sum.funnel": "Доля выигранных {win}; самый слабый переход — {a} → {b}: {p}.",
    "sum.funnel_unknown": "Доля выигранных сделок {win}. На каком этапе воронки теряются сделки, "
    "пока неизвестно: выгрузка не говорит, на каком этапе проиграны сделки. "
    "Первым делом запросите историю стадий сделок — от неё зависит, с каким "
    "этапом работать.",
    "sum.model": "Модель продаж: {mode}, {type} продажи.",
    "sum.model_type": "Тип продаж: {type}; активные или пассивные продажи — не оценено.",
    "sum.open": "Открытых вопросов к следующей встрече: {n} (список ниже).",
    "sum.questions_intro": "Файл клиента оставляет открытыми {n, plural, one {# вопрос} few {# "
    "вопроса} many {# вопросов} other {# вопроса}}: задайте их на следующей "
    "встрече. Пока ответа нет, ни один из них не становится выводом, "
    "ошибкой, оценкой или рекомендацией.",
    "sum.questions_none": "На все вопросы анкеты есть ответы: открытых вопросов нет.",
    "sum.structure": "Рекомендуемая структура: {s}.",
    "sum.structure_open": "Структура: пока без рекомендации — она зависит от {n, plural, one {# "
    "ответа} few {# ответов} many {# ответов} other {# ответа}} (см. открытые "
    "вопросы).",
    "sum.team": "Для цели нужно продавцов: {need}, руководителей: {heads}; сейчас продавцов: {now}.",
    "sum.team_unknown": "Для цели нужно продавцов: {need}, руководителей: {heads}; текущая "
    "численность неизвестна (нет таблицы команды).",
    "table.activities": "Активности",
    "table.deals": "Сделки",
    "table.plan": "План",
    "table.sales": "Продажи",
    "table.stage_history": "История этапов",
    "table.team": "Команда",
    "tbl.answer": "Ответ",
    "tbl.assumption": "Допущение",
    "tbl.benchmark": "Норматив",
    "tbl.check": "Проверка",
    "tbl.choices": "Как прочитан",
    "tbl.class": "Класс",
    "tbl.clients": "Клиентов",
    "tbl.conversion": "Конверсия в следующий",
    "tbl.count": "Количество",
    "tbl.coverage": "Покрытие",
    "tbl.date_range": "Период",
    "tbl.effect": "Эффект",
    "tbl.fact": "Факт",
    "tbl.file": "Файл",
    "tbl.group": "Группа",
    "tbl.head": "Руководитель",
    "tbl.headline": "Вывод",
    "tbl.hires": "Наём",
    "tbl.impact": "Влияние",
    "tbl.interval": "90% интервал",
    "tbl.item": "Показатель",
    "tbl.manager": "Менеджер",
    "tbl.metric": "Показатель",
    "tbl.month": "Месяц",
    "tbl.needed": "Нужно",
    "tbl.now": "Сейчас",
    "tbl.package": "Пакет",
    "tbl.pillar": "Опора",
    "tbl.plan": "План",
    "tbl.priority": "Приоритет",
    "tbl.question": "Вопрос",
    "tbl.reached": "Дошло сделок",
    "tbl.reached_known": "Точно дошло сделок",
    "tbl.recommendation": "Рекомендация",
    "tbl.revenue": "Выручка",
    "tbl.role": "Роль",
    "tbl.rows_read": "Прочитано строк",
    "tbl.rows_rejected": "Отклонено строк",
    "tbl.score": "Оценка",
    "tbl.section": "Раздел",
    "tbl.sellers": "Продавцов",
    "tbl.share": "Доля",
    "tbl.source": "Источник",
    "tbl.stage": "Этап",
    "tbl.status": "Статус",
    "tbl.step": "Шаг",
    "tbl.table": "Таблица",
    "tbl.technology": "Технология",
    "tbl.value": "Значение",
    "tbl.version": "Версия",
    "tbl.warning": "Предупреждение",
    "tech.assessed": "Оценено технологий: {n} из {total} применимых. Покрытие считается только по "
    "ним, остальное — открытые вопросы в итогах.",
    "tech.not_assessed": "Не оценено: в файле клиента нет оценок технологий; спросите о {total} "
    "применимых (они в списке открытых вопросов в итогах).",
    "type.project": "проектные",
    "type.regional": "региональные",
    "type.traditional": "традиционные",
    "word.days": "дн.",
    "word.months": "мес.",
    "word.no": "нет",
    "word.none": "нет",
    "word.not_available": "нет данных",
    "word.not_identified": "неизвестна",
    "word.too_few": "мало данных",
    "word.yes": "да",
    "xlsx.about.abc_clients": "Каждый клиент: выручка, класс ABC по выручке, класс XYZ по "
    "регулярности (коэффициент вариации).",
    "xlsx.about.abc_migration": "Переходы клиентов между ячейками ABC-XYZ с прошлого периода "
    "(строки — раньше, столбцы — сейчас).",
    "xlsx.about.abc_moves": "Клиенты, у которых сменилась ячейка ABC-XYZ; критичные переходы "
    "отмечены.",
    "xlsx.about.assumptions": "Каждое значение по умолчанию вместо данных клиента — с источником и "
    "влиянием на результаты.",
    "xlsx.about.board": "Доска на дату аудита: факт каждого менеджера против плана на дату.",
    "xlsx.about.data_quality": "По строке на файл данных: прочитано и отклонено строк, период дат, "
    "как файл прочитан, предупреждения.",
    "xlsx.about.forecast": "Прогноз выручки по месяцам: P10, P50, P90 моделирования Монте-Карло, "
    "среднее и аналитическое ожидание.",
    "xlsx.about.funnel": "Каждый этап: сколько сделок дошло, сколько открыто, конверсия в следующий "
    "этап с 90% интервалом.",
    "xlsx.about.funnel_benchmarks": "Воронка в сравнении с нормативами методики.",
    "xlsx.about.funnel_cohorts": "Сделки по месяцу создания: доля дошедших до каждого этапа и "
    "исходы.",
    "xlsx.about.funnel_cuts": "Все разрезы (менеджер, продукт, канал, …) одним списком: сделки, "
    "исходы, доля выигранных и встреча → договор с интервалами. "
    "Фильтруйте по столбцу «Разрез».",
    "xlsx.about.funnel_cuts_stages": "Конверсия каждого разреза на каждом этапе: строка на значение "
    "и этап.",
    "xlsx.about.funnel_hygiene": "Сделки, не прошедшие проверку данных в CRM.",
    "xlsx.about.goal_seek": "Каким должен стать каждый фактор, чтобы в одиночку дать цель, и "
    "реалистично ли это.",
    "xlsx.about.hiring_plan": "По месяцам: найм, численность и продуктивная численность (новички "
    "выходят на полную отдачу постепенно).",
    "xlsx.about.open_questions": "Пункты анкеты, на которые в client.yaml нет ответа: в отчёте они "
    "не оценены; задайте их на следующей встрече (пункт — ключ, "
    "который нужно заполнить в client.yaml).",
    "xlsx.about.payments_today": "Платежи месяца по дням: план, факт и нарастающие итоги.",
    "xlsx.about.plan_fact": "План-факт по месяцам, отклонение разложено на эффекты объёма, "
    "конверсии, размера сделки и прочие.",
    "xlsx.about.plan_fact_managers": "План-факт по менеджерам с тем же разложением отклонения.",
    "xlsx.about.rejected_rows": "Каждая отклонённая, очищенная или помеченная ячейка: таблица, "
    "файл, строка, столбец, значение, причина, что сделано.",
    "xlsx.about.sensitivity": "Как меняется прогноз выручки, если каждый фактор изменить на 10% "
    "вверх или вниз.",
    "xlsx.about.sizing_workload": "Нагрузка в месяц, которой требует цель по выручке: договоры, "
    "встречи, контакты, звонки.",
    "xlsx.about.span": "Продавцов на одного руководителя сейчас.",
    "xlsx.about.tech_roadmap": "Отсутствующие и частичные технологии продаж в порядке внедрения "
    "(ключ — ключ в client.yaml).",
    "xlsx.about.time_in_stage": "Сколько дней сделки проводят на каждом этапе (Каплан — Мейер, с "
    "учётом ещё открытых).",
    "xlsx.basis.activities": "таблица активностей",
    "xlsx.basis.crm": "сделки в CRM",
    "xlsx.check.backwards": "Движение назад",
    "xlsx.check.close_date_passed": "Дата закрытия уже прошла",
    "xlsx.check.lost_without_stage": "Проиграна без этапа проигрыша",
    "xlsx.check.skipped_stages": "Пропущен этап",
    "xlsx.check.stale": "Открыта слишком долго",
    "xlsx.check.won_without_amount": "Выиграна без суммы",
    "xlsx.check.won_without_close_date": "Выиграна без даты закрытия",
    "xlsx.col.abc": "Класс ABC",
    "xlsx.col.abc_migration.before": "Ячейка раньше",
    "xlsx.col.abc_migration.lost": "Ушедшие клиенты",
    "xlsx.col.action": "Что сделано",
    "xlsx.col.advanced": "Перешли на следующий этап",
    "xlsx.col.after": "Ячейка сейчас",
    "xlsx.col.ambiguity": "Разброс из-за неизвестных этапов проигрыша",
    "xlsx.col.assumption": "Допущение",
    "xlsx.col.band_high": "Норма, до",
    "xlsx.col.band_low": "Норма, от",
    "xlsx.col.base": "База",
    "xlsx.col.basis": "Посчитано по",
    "xlsx.col.before": "Ячейка раньше",
    "xlsx.col.best_today": "Лучшее сейчас",
    "xlsx.col.calls": "Звонков в месяц",
    "xlsx.col.cell": "Ячейка ABC-XYZ",
    "xlsx.col.censored": "Ещё на этапе",
    "xlsx.col.change": "Нужное изменение",
    "xlsx.col.check": "Проверка",
    "xlsx.col.client_id": "Клиент",
    "xlsx.col.cohort": "Месяц создания",
    "xlsx.col.column": "Столбец",
    "xlsx.col.contacts": "Контактов в месяц",
    "xlsx.col.contracts": "Договоров в месяц",
    "xlsx.col.conv": "Конверсия из этапа «{what}»",
    "xlsx.col.conversion": "Эффект конверсии",
    "xlsx.col.conversion_to_next": "Конверсия в следующий",
    "xlsx.col.critical": "Критичный переход",
    "xlsx.col.current": "Сейчас",
    "xlsx.col.cut": "Разрез",
    "xlsx.col.cv": "Вариация (CV)",
    "xlsx.col.date": "Дата",
    "xlsx.col.date_from": "Даты с",
    "xlsx.col.date_to": "Даты по",
    "xlsx.col.deal_id": "Сделка",
    "xlsx.col.deal_size": "Эффект размера сделки",
    "xlsx.col.deals": "Сделок",
    "xlsx.col.down": "Ухудшение",
    "xlsx.col.driver": "Фактор",
    "xlsx.col.expected": "Ожидание (аналитически)",
    "xlsx.col.fact": "Факт",
    "xlsx.col.fact_cum": "Факт нарастающим итогом",
    "xlsx.col.file": "Файл",
    "xlsx.col.funnel.key": "Этап",
    "xlsx.col.funnel_benchmarks.key": "Норматив",
    "xlsx.col.funnel_benchmarks.value": "Значение",
    "xlsx.col.gap": "Отклонение",
    "xlsx.col.group": "Группа",
    "xlsx.col.head": "Руководитель",
    "xlsx.col.headcount": "Численность",
    "xlsx.col.hi": "Верх (90%)",
    "xlsx.col.high": "Норма, до",
    "xlsx.col.hires": "Найм",
    "xlsx.col.holds": "Что на листе",
    "xlsx.col.how_read": "Как прочитан",
    "xlsx.col.identified": "Конверсия известна",
    "xlsx.col.impact": "Влияние",
    "xlsx.col.implied_meeting_to_contract": "Встреча → договор при этом",
    "xlsx.col.implied_meetings": "Встреч в месяц при этом",
    "xlsx.col.item": "Пункт в client.yaml",
    "xlsx.col.key": "Ключ",
    "xlsx.col.label": "Технология",
    "xlsx.col.lo": "Низ (90%)",
    "xlsx.col.lost": "Проиграно",
    "xlsx.col.low": "Норма, от",
    "xlsx.col.m2c": "Встреча → договор",
    "xlsx.col.m2c_hi": "Встреча → договор, верх (90%)",
    "xlsx.col.m2c_lo": "Встреча → договор, низ (90%)",
    "xlsx.col.m2c_n": "Встреч в расчёте",
    "xlsx.col.m2c_too_few": "Встреча → договор: слишком мало данных",
    "xlsx.col.manager": "Менеджер",
    "xlsx.col.mean": "Среднее",
    "xlsx.col.median_days": "Медиана, дней",
    "xlsx.col.meetings": "Встреч в месяц",
    "xlsx.col.month": "Месяц",
    "xlsx.col.n": "Сделок в расчёте",
    "xlsx.col.naive_median_days": "Медиана завершённых, дней",
    "xlsx.col.needed": "Нужно",
    "xlsx.col.new": "Новых сделок",
    "xlsx.col.open": "Открыто",
    "xlsx.col.open_here": "Открыто на этапе",
    "xlsx.col.other": "Прочие эффекты",
    "xlsx.col.p10": "P10 (пессимистично)",
    "xlsx.col.p50": "P50 (медиана)",
    "xlsx.col.p80_days": "80-й перцентиль, дней",
    "xlsx.col.p90": "P90 (оптимистично)",
    "xlsx.col.plan": "План",
    "xlsx.col.plan_cum": "План нарастающим итогом",
    "xlsx.col.plan_new": "Новых сделок нужно по плану",
    "xlsx.col.plan_to_date": "План на дату",
    "xlsx.col.priority": "Приоритет",
    "xlsx.col.productive": "Продуктивная численность",
    "xlsx.col.question": "Вопрос",
    "xlsx.col.rank": "Место",
    "xlsx.col.reach": "Дошли до этапа «{what}»",
    "xlsx.col.reached": "Дошло сделок",
    "xlsx.col.realistic": "Реалистично",
    "xlsx.col.reason": "Причина",
    "xlsx.col.revenue": "Выручка",
    "xlsx.col.revenue_delta": "Изменение выручки при +10%",
    "xlsx.col.revenue_delta_down": "Изменение выручки при −10%",
    "xlsx.col.row": "Строка в файле",
    "xlsx.col.rows_read": "Прочитано строк",
    "xlsx.col.rows_rejected": "Отклонено строк",
    "xlsx.col.section": "Раздел",
    "xlsx.col.sellers": "Продавцов",
    "xlsx.col.share": "Доля: {what}",
    "xlsx.col.share_of_plan": "Доля плана",
    "xlsx.col.sheet": "Лист",
    "xlsx.col.source": "Источник",
    "xlsx.col.spells": "Пребываний на этапе",
    "xlsx.col.stage": "Этап",
    "xlsx.col.status": "Статус",
    "xlsx.col.table": "Таблица",
    "xlsx.col.too_few": "Слишком мало данных",
    "xlsx.col.value": "Значение",
    "xlsx.col.volume": "Эффект объёма",
    "xlsx.col.warnings": "Предупреждений",
    "xlsx.col.win_hi": "Доля выигранных, верх (90%)",
    "xlsx.col.win_lo": "Доля выигранных, низ (90%)",
    "xlsx.col.win_n": "Закрытых сделок в расчёте",
    "xlsx.col.win_rate": "Доля выигранных",
    "xlsx.col.win_too_few": "Доля выигранных: слишком мало данных",
    "xlsx.col.won": "Выиграно",
    "xlsx.col.won_revenue": "Выручка выигранных сделок",
    "xlsx.col.xyz": "Класс XYZ",
    "xlsx.outcome.lost": "проиграно",
    "xlsx.outcome.open": "открыто",
    "xlsx.outcome.won": "выиграно",
    "xlsx.readme.note": "Числа хранятся как числа (формат меняет только вид); на каждом листе "
    "фильтр в строке заголовка. Методика, по которой построены таблицы: "
    "docs/methodology.md в репозитории salesaudit.",
    "xlsx.reason.no_benchmark": "в методике нет норматива",
    "xlsx.reason.run_rate_independent": "не меняет выручку в месяц в установившемся режиме",
    "xlsx.sheet.abc_clients": "Клиенты ABC-XYZ",
    "xlsx.sheet.abc_migration": "Миграция ABC-XYZ",
    "xlsx.sheet.abc_moves": "Переходы ABC-XYZ",
    "xlsx.sheet.assumptions": "Допущения",
    "xlsx.sheet.board": "Доска",
    "xlsx.sheet.data_quality": "Качество данных",
    "xlsx.sheet.forecast": "Прогноз",
    "xlsx.sheet.funnel": "Воронка",
    "xlsx.sheet.funnel_benchmarks": "Нормативы воронки",
    "xlsx.sheet.funnel_cohorts": "Когорты воронки",
    "xlsx.sheet.funnel_cuts": "Воронка по разрезам",
    "xlsx.sheet.funnel_cuts_stages": "Воронка по разрезам и этапам",
    "xlsx.sheet.funnel_hygiene": "Гигиена воронки",
    "xlsx.sheet.goal_seek": "Подбор цели",
    "xlsx.sheet.hiring_plan": "План найма",
    "xlsx.sheet.open_questions": "Открытые вопросы",
    "xlsx.sheet.payments_today": "Платежи сегодня",
    "xlsx.sheet.plan_fact": "План-факт",
    "xlsx.sheet.plan_fact_managers": "План-факт по менеджерам",
    "xlsx.sheet.readme": "Описание",
    "xlsx.sheet.rejected_rows": "Отклонённые строки",
    "xlsx.sheet.sensitivity": "Чувствительность",
    "xlsx.sheet.sizing_workload": "Нагрузка для расчёта штата",
    "xlsx.sheet.span": "Норма управляемости",
    "xlsx.sheet.tech_roadmap": "Дорожная карта технологий",
    "xlsx.sheet.time_in_stage": "Время на этапе",
}
