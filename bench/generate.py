"""Deterministic generator of realistic annual reports for the benchmark.

    python -m bench.generate OUT_DIR --reports 20000 --seed 1

writes OUT_DIR/district-0001/<unit>.yaml, OUT_DIR/district-0002/<unit>.yaml, ...: each district
folder holds one report per member unit (19 in 2020), cycling through the units in the ruleset's
order until the requested number of reports is written (the last district may be incomplete).

The reports follow the format of SPEC §3 and the style of the hand-written sample year in
reports/2020/: Chinese actions with places, dates and figures, the named campaigns of a task,
outputs (publication, standard, event, survey) with dates, metrics that match the figures of the
actions, and document numbers as evidence. Most entries are clean; a small share carries the gaps
the checker is there to find (a missing entry, a partial or not-started task, a not-applicable
task, an entry for another unit's task, a campaign left unmentioned, an action that copies the
plan's wording).

Same seed and count give byte-identical files: every report draws from its own
`random.Random` seeded with (seed, district, unit), nothing reads the clock, and files are
written in sorted order.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Bump when the output changes, so that cached corpora are regenerated.
GENERATOR_VERSION = 3
MANIFEST = "bench-corpus.json"
YEAR = 2020

# Rates of the gaps, chosen so that findings exist in every large corpus but most entries are clean.
P_MISSING_ENTRY = 0.008  # an assigned task left out of the report
P_PARTIAL = 0.02
P_NOT_STARTED = 0.01
P_NOT_APPLICABLE = 0.008
P_WRONG_UNIT = 0.01  # per report: one extra entry for a task that belongs to other units
P_OPEN_EXTRA = 0.03  # per report: one extra entry for an open task that does not name the unit (legitimate)
P_CAMPAIGN_OMITTED = 0.03  # an entry on a campaign task that never names the campaign
P_RESTATED = 0.002  # an entry whose first action copies the plan's wording
P_REQUIREMENT_MISSED = 0.03  # an entry that leaves out an output the plan's words ask for


# The gap rates above as a profile, and a denser one: most reports with a few findings, as a
# real year's first submissions are (with about nine entries per report, roughly 80 % of reports
# get at least one finding, most of them one to three).
@dataclass(frozen=True)
class Rates:
    missing_entry: float = P_MISSING_ENTRY
    partial: float = P_PARTIAL
    not_started: float = P_NOT_STARTED
    not_applicable: float = P_NOT_APPLICABLE
    wrong_unit: float = P_WRONG_UNIT
    campaign_omitted: float = P_CAMPAIGN_OMITTED
    restated: float = P_RESTATED
    requirement_missed: float = P_REQUIREMENT_MISSED
    # Every report gets at least one gap of its own: one that drew none is written again with
    # every entry, the first of its own that would be `done` marked `partial` instead.
    every_report: bool = False


PROFILES: dict[str, Rates] = {
    "sparse": Rates(),
    "realistic": Rates(
        missing_entry=0.04,
        partial=0.08,
        not_started=0.03,
        not_applicable=0.02,
        wrong_unit=0.15,
        campaign_omitted=0.25,
        restated=0.03,
        requirement_missed=0.2,
    ),
}
# The realistic rates, and no report without a finding of its own.
PROFILES["all"] = dataclasses.replace(PROFILES["realistic"], every_report=True)
# The deliberate gaps that always give a report a finding of its own (a missing entry is found by
# the set checks only when none of the unit's reports has it; a left-out output may be made up
# for by another the unit listed).
FINDING_GAPS = (
    "wrong-unit-entry",
    "status-partial",
    "status-not_started",
    "status-not_applicable",
    "campaign-omitted",
    "restated-action",
)
P_OUTPUTS = 0.35
P_METRICS = 0.85
P_EVIDENCE = 0.3
P_SPECIFIC = 0.55  # an action drawn from the unit's own kind of work rather than common office work

# What each task is about (topic) and whom the work deals with (subject), for the phrase templates.
TOPICS: dict[str, tuple[str, str]] = {
    "1-1": ("网络售假", "网店"),
    "1-2": ("网络版权", "网络平台"),
    "1-3": ("互联网企业主体责任", "电商平台"),
    "1-4": ("电商平台知识产权保护", "电商企业"),
    "2-1": ("农村市场", "城乡结合部经营户"),
    "2-2": ("农村假冒伪劣食品", "食品经营户"),
    "2-3": ("农资打假", "农资门店"),
    "3-1": ("进出口侵权", "外贸企业"),
    "4-1": ("重点市场", "市场经营户"),
    "5-1": ("重点产品质量", "生产企业"),
    "5-2": ("药品医疗器械化妆品", "药店和美妆店"),
    "5-3": ("消毒产品", "消毒产品经营单位"),
    "5-4": ("铅蓄电池", "电池销售点"),
    "5-5": ("车用油品", "加油站"),
    "6-1": ("商标侵权", "商户"),
    "7-1": ("专利侵权纠纷", "企业"),
    "8-1": ("版权保护", "出版物经营单位"),
    "8-2": ("文化市场", "网吧和演出场所"),
    "9-1": ("地理标志保护", "经营户"),
    "10-1": ("种子种苗", "种苗经营户"),
    "11-1": ("软件正版化", "下属单位"),
    "12-1": ("外商投资企业知识产权保护", "外资企业"),
    "13-1": ("侵权假冒犯罪", "重点场所"),
    "14-1": ("侵权假冒犯罪检察", "行政执法机关"),
    "15-1": ("知识产权审判", "企业"),
    "16-1": ("两法衔接", "行政执法单位"),
    "17-1": ("侵权假冒涉税", "企业"),
    "18-1": ("区域协作", "企业"),
    "19-1": ("知识产权立法", "企业"),
    "20-1": ("侵权假冒商品销毁", "暂扣物品仓库"),
    "20-2": ("非法出版物销毁", "出版物经营单位"),
    "20-3": ("无害化销毁", "成员单位"),
    "21-1": ("信用信息归集", "市场主体"),
    "21-2": ("征信", "征信机构"),
    "21-3": ("涉企信息公示", "企业"),
    "21-4": ("政府采购信用", "供应商"),
    "21-5": ("农资信用档案", "农资经营主体"),
    "21-6": ("商务诚信", "商贸企业"),
    "21-7": ("商标抢注和非正常专利申请", "代理机构"),
    "22-1": ("平安建设考核", "街道"),
    "23-1": ("行政处罚信息公开", "执法单位"),
    "24-1": ("市场主体责任", "企业"),
    "25-1": ("行业组织", "行业协会"),
    "26-1": ("知识产权纠纷调处", "律师事务所"),
    "26-2": ("人民调解", "调解组织"),
    "26-3": ("司法鉴定管理", "鉴定机构"),
    "27-1": ("维权援助", "展会主办单位"),
    "28-1": ("普法宣传", "社区"),
    "29-1": ("执法业务", "执法单位"),
    "29-2": ("业务能力提升", "成员单位"),
    "29-3": ("知识产权审判队伍", "审判庭"),
    "29-4": ("知识产权检察人才", "检察部门"),
    "30-1": ("信息化监管", "网络平台"),
    "30-2": ("消毒产品备案", "消毒产品企业"),
    "31-1": ("打击侵权假冒宣传", "社区"),
}
DEFAULT_TOPIC = ("打击侵权假冒", "企业")

PLACES = (
    "螺蛳湾国际商贸城",
    "关上农贸市场",
    "大板桥街道",
    "阿拉街道",
    "六甲街道",
    "小板桥街道",
    "官渡街道",
    "太和街道",
    "吴井街道",
    "金马街道",
    "矣六街道",
    "世纪城商圈",
    "昆明滇池国际会展中心",
    "长水机场周边",
    "官渡古镇",
    "新螺蛳湾",
    "东华街道",
    "关上街道",
    "西福路商圈",
    "昆明国际花卉拍卖交易中心",
)
MONTHS = (
    "1月",
    "2月",
    "3月",
    "4月",
    "5月",
    "6月",
    "7月",
    "8月",
    "9月",
    "10月",
    "11月",
    "12月",
    "上半年",
    "下半年",
    "三季度",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "小明",
    "小红",
    "建华",
    "海燕",
    "志强",
    "丽娟",
    "云飞",
    "春梅",
    "国平",
    "文博",
    "晓东",
    "一鸣",
    "思远",
)
DOC_PREFIX = {
    "区委宣传部": "官宣",
    "区委政法委": "官政法",
    "区打击侵权假冒工作领导小组办公室": "官打假办",
    "区科信局": "官科信",
    "市公安官渡分局": "官公",
    "区商投局": "官商投",
    "区市场监管局": "官市监",
    "区自然资源局": "官自然资源",
    "区文化和旅游局": "官文旅",
    "区农业农村局": "官农",
    "区法院": "官法",
    "区检察院": "官检",
    "区卫生健康局综合监督执法局": "官卫监",
    "市生态环境官渡分局": "昆环官",
    "区财政局": "官财",
    "国资委": "官国资",
    "区税务局": "官税",
    "区司法局": "官司",
    "区发展改革局": "官发改",
}
# Which group of phrase templates a unit's actions come from.
GROUP = {
    "市公安官渡分局": "police",
    "区法院": "court",
    "区检察院": "procuratorate",
    "区市场监管局": "regulator",
    "区文化和旅游局": "regulator",
    "区农业农村局": "regulator",
    "区自然资源局": "regulator",
    "区卫生健康局综合监督执法局": "regulator",
    "市生态环境官渡分局": "regulator",
    "区商投局": "regulator",
}

# Phrase templates. {place} {month} {partner} {topic} {subject} are words; {n|metric|lo-hi} is a
# count, {w|metric|lo-hi} an amount in tenths of 万元 (the metric gets 万元), {p|-|lo-hi} a
# percentage. A metric name of "-" records no metric.
GENERIC = (
    "组织{topic}业务培训{n|trainings|1-12}期，培训执法人员和企业从业人员{n|people_trained|30-900}人次，考试合格率{p|-|90-100}%。",
    "{month}在{place}开展{topic}宣传活动{n|events|1-15}场，发放宣传资料{n|leaflets|200-12000}份，接受群众咨询{n|consultations|30-2400}人次。",
    "向区打假办报送{topic}工作信息{n|reports_sent|2-24}期，在“两法衔接”平台录入案件信息{n|records|5-320}条。",
    "走访辖区{subject}{n|companies_visited|8-160}家，收集{topic}方面的意见建议{n|suggestions|3-60}条，形成专题报告{n|research_reports|1-4}份。",
    "建立{topic}工作台账，动态更新记录{n|records_updated|30-2000}条，{month}底完成年度核查并报{partner}备案。",
    "{month}召开{topic}工作联席会议{n|meetings|1-6}次，与{partner}互通案件线索{n|leads_shared|2-40}条，形成会议纪要。",
    "在区政府门户网站和“官渡发布”公众号发布{topic}工作信息{n|publications|3-60}条，曝光典型案例{n|cases_published|2-12}个。",
)
ENFORCEMENT = (
    "{month}在{place}开展{topic}专项检查，检查{subject}{n|inspections|40-2600}户次，发现问题{n|problems|3-120}个，已全部督促整改。",
    "立案查处{topic}案件{n|cases|2-60}件，罚没款{w|fines_yuan|5-1500}万元，移送涉嫌犯罪线索{n|leads_transferred|1-9}条。",
    "会同{partner}在{place}联合开展{topic}执法行动{n|joint_operations|2-24}次，出动执法人员{n|officers|20-600}人次。",
    "受理{topic}投诉举报{n|complaints|10-800}件，按期办结率{p|-|86-100}%，为消费者挽回经济损失{w|recovered_yuan|2-400}万元。",
    "约谈{place}{subject}负责人{n|interviews|2-60}人次，督促签订“不售假”承诺书{n|pledges|40-3800}份。",
    "抽检{subject}经营的相关产品{n|samples|10-260}批次，不合格{n|unqualified|1-20}批次，均已依法立案处理。",
)
SPECIFIC = {
    "police": (
        "破获{topic}刑事案件{n|criminal_cases|2-45}起，抓获犯罪嫌疑人{n|suspects|3-120}名，涉案金额{w|amount_yuan|30-9000}万元。",
        "在{place}捣毁制假售假窝点{n|dens_destroyed|1-18}个，查扣侵权假冒商品{n|items_seized|300-60000}件。",
        "{month}对{place}的物流寄递网点开展清查，核查可疑包裹{n|parcels_checked|50-3000}件，发现涉嫌侵权线索{n|leads|1-30}条。",
    ),
    "court": (
        "审结{topic}相关案件{n|cases_concluded|2-160}件，其中刑事案件{n|criminal_cases|1-20}件，判处罚金{w|fines_yuan|3-900}万元。",
        "受理{topic}民事纠纷{n|civil_cases|5-600}件，调解撤诉率{p|-|35-70}%，发布典型案例{n|cases_published|1-8}个。",
        "就{topic}案件向{partner}发出司法建议{n|judicial_suggestions|1-6}份，均已获书面回复。",
    ),
    "procuratorate": (
        "批准逮捕{topic}犯罪嫌疑人{n|arrests|2-60}名，提起公诉{n|prosecutions|2-40}件，监督行政执法机关移送案件{n|supervised|1-10}件。",
        "对{partner}办理的{topic}案件开展立案监督{n|cases_supervised|1-15}件，制发检察建议{n|procuratorial_suggestions|1-6}份。",
    ),
    "regulator": ENFORCEMENT,
    "office": (
        "{month}对{partner}的{topic}工作开展督导检查{n|inspections|2-20}次，通报问题{n|problems|1-25}个并跟踪整改。",
        "编印{topic}工作简报{n|bulletins|2-24}期，报送区委、区政府和市打假办。",
    ),
}

OUTPUT_TITLES = {
    "publication": ("官渡区2020年{topic}工作情况通报", "{unit}2020年{topic}典型案例", "2020年{topic}检查情况公告"),
    "standard": ("官渡区{topic}工作规范（试行）", "{unit}{topic}工作指引", "官渡区{topic}办案流程规定"),
    "event": ("2020年{topic}集中宣传活动", "官渡区{topic}工作推进会", "{topic}业务培训班"),
    "survey": ("{topic}情况调查报告", "辖区{subject}{topic}问卷调查", "{topic}工作调研报告"),
}
OUTPUT_KINDS = ("publication", "event", "standard", "survey")
OUTPUT_WEIGHTS = (45, 25, 15, 15)

REASONS = {
    "partial": (
        "受疫情影响，{topic}工作只完成年度计划的{pct}%，剩余工作顺延至2021年一季度。",
        "{topic}相关系统因经费未落实尚未上线，本年度只完成了人员培训和基础台账建设。",
    ),
    "not_started": (
        "本年度未发现{topic}方面的案件线索，与{partner}的协作机制尚在会商，拟于2021年建立后启动。",
        "受疫情防控任务影响，{topic}工作未列入本年度计划，拟于2021年{quarter}启动。",
    ),
    "not_applicable": (
        "本单位职能调整后，{topic}工作已划转{partner}，本年度不再承担该项工作。",
        "辖区内没有{subject}，本年度无此项工作。",
    ),
}

# The metric names of the templates as ids of the metrics vocabulary (rulesets/2020/metrics.yaml);
# a figure the vocabulary has no metric for is written in the action only. Amounts are in 万元.
VOCABULARY: dict[str, str] = {
    "cases": "admin_cases",
    "fines_yuan": "fines_wan",
    "amount_yuan": "case_value_wan",
    "leads_transferred": "transfers",
    "complaints": "complaints_handled",
    "criminal_cases": "criminal_cases",
    "suspects": "arrests",
    "arrests": "arrests",
    "cases_concluded": "trials_concluded",
    "inspections": "inspections",
    "companies_visited": "entities_inspected",
    "samples": "samples_tested",
    "items_seized": "goods_seized",
    "dens_destroyed": "dens_destroyed",
    "prosecutions": "prosecutions",
    "civil_cases": "civil_cases",
    "people_trained": "trainees",
    "officers": "officers_deployed",
    "events": "publicity_events",
    "cases_published": "typical_cases_published",
}
_PLACEHOLDER = re.compile(r"\{(?:(n|w|p)\|([\w-]+)\|(\d+)-(\d+)|(\w+))\}")


@dataclass(frozen=True)
class Wanted:
    """Outputs a requirement of the ruleset asks for: `count` of `kind`, or one in each period."""

    applies_to: str  # lead | named | carriers
    kind: str
    count: int = 1
    periods: int = 0  # 2: one in each half-year, 4: one in each quarter
    distinct_dates: bool = False


@dataclass(frozen=True)
class PlanTask:
    id: str
    text: str
    campaigns: tuple[str, ...]
    open: bool
    units: frozenset[str]
    leads: frozenset[str]
    wanted: tuple[Wanted, ...] = ()

    def wants(self, unit: str, own: bool) -> list[Wanted]:
        """The output requirements that apply to `unit` carrying this task."""
        applies = {"lead": unit in self.leads, "named": own, "carriers": True}
        return [wanted for wanted in self.wanted if applies.get(wanted.applies_to, False)]


@dataclass(frozen=True)
class PlanUnit:
    name: str
    full_name: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    year: int
    tasks: tuple[PlanTask, ...]
    units: tuple[PlanUnit, ...]
    # The metric keys the ruleset's vocabulary knows (None: it has none, every key is kept):
    # reports carry only those, so that the corpus's findings are the deliberate gaps alone.
    metric_known: Callable[[str], bool] | None = field(default=None, compare=False)


def load_plan() -> Plan:
    """The tasks and units of the bundled ruleset."""
    from ipr_rules.ruleset.loader import open_ruleset

    ruleset = open_ruleset(None)
    tasks = tuple(
        PlanTask(
            task.id,
            task.text,
            tuple(task.campaigns),
            bool(task.open),
            frozenset(unit.name for unit in ruleset.registry.units if task.role_of(unit.name)),
            frozenset(unit.name for unit in ruleset.registry.units if task.role_of(unit.name) == "lead"),
            _wanted(task),
        )
        for task in ruleset.tasks
    )
    units = tuple(PlanUnit(unit.name, unit.full_name, tuple(unit.aliases)) for unit in ruleset.registry.units)
    vocabulary = ruleset.metrics
    known = None if vocabulary is None else (lambda key: vocabulary.resolve(key) is not None)
    return Plan(int(ruleset.year), tasks, units, known)


def _wanted(task: object) -> tuple[Wanted, ...]:
    """The output requirements of a task, read from its declarative rules (others are ignored)."""
    wanted = []
    for requirement in getattr(task, "requirements", ()) or ():
        applies_to = str(getattr(requirement, "applies_to", "named"))
        schema = getattr(requirement, "schema", None) or {}
        for rules in schema.values():
            if not isinstance(rules, dict):
                continue
            for rule, params in rules.items():
                if not isinstance(params, dict):
                    continue
                kinds = params.get("kinds") or ["event"]
                kind = kinds[0]
                if rule == "min_outputs_of_kind":
                    wanted.append(Wanted(applies_to, kind, int(params.get("count", 1))))
                elif rule == "covers_periods":
                    periods = {"half": 2, "quarter": 4}.get(str(params.get("periods")), 2)
                    wanted.append(Wanted(applies_to, kind, periods, periods=periods))
                elif rule == "min_dated_outputs":
                    wanted.append(Wanted(applies_to, kind, int(params.get("count", 2)), distinct_dates=True))
    return tuple(wanted)


def layout(plan: Plan, reports: int) -> list[tuple[str, int, PlanUnit]]:
    """(relative path, district number, unit) of every report, in sorted path order."""
    districts = (reports + len(plan.units) - 1) // len(plan.units)
    width = max(4, len(str(districts)))
    files = []
    for index in range(reports):
        district, unit = index // len(plan.units) + 1, plan.units[index % len(plan.units)]
        files.append((f"district-{district:0{width}d}/{unit.name}.yaml", district, unit))
    files.sort(key=lambda item: item[0])
    return files


class _Report:
    """Composes one report's text; `gaps` counts what was deliberately left wrong."""

    def __init__(
        self,
        plan: Plan,
        unit: PlanUnit,
        district: int,
        seed: int,
        rates: Rates = PROFILES["sparse"],
        force_gap: bool = False,
    ) -> None:
        self.plan, self.unit, self.rates = plan, unit, rates
        self.force_gap = force_gap
        self.rng = random.Random(f"ipr-check-bench:{seed}:{district}:{unit.name}")
        self.group = GROUP.get(unit.name, "office")
        self.partners = [other.name for other in plan.units if other.name != unit.name]
        self.gaps: Counter[str] = Counter()
        self.lines: list[str] = []

    # -- words ---------------------------------------------------------------------------------------

    def _fill(self, template: str, topic: str, subject: str, metrics: dict[str, int]) -> str:
        rng = self.rng

        def replace(match: re.Match[str]) -> str:
            kind, metric, low, high, word = match.groups()
            if word is not None:
                return {
                    "place": lambda: rng.choice(PLACES),
                    "month": lambda: rng.choice(MONTHS),
                    "partner": lambda: rng.choice(self.partners),
                    "topic": lambda: topic,
                    "subject": lambda: subject,
                    "unit": lambda: self.unit.name,
                }[word]()
            value = rng.randint(int(low), int(high))
            metric = VOCABULARY.get(metric, "-")
            if kind == "w":
                if metric != "-":  # kept in tenths of 万元, written in 万元
                    metrics[metric] = metrics.get(metric, 0) + value
                return f"{value / 10:g}"
            if metric != "-":
                metrics[metric] = metrics.get(metric, 0) + value
            return str(value)

        return _PLACEHOLDER.sub(replace, template)

    def _date(self, first_month: int = 1, last_month: int = 12) -> str:
        return f"{YEAR}-{self.rng.randint(first_month, last_month):02d}-{self.rng.randint(1, 28):02d}"

    # -- the report ----------------------------------------------------------------------------------

    def render(self) -> str:
        rng, unit = self.rng, self.unit
        written = unit.name
        draw = rng.random()
        if draw < 0.12 and unit.full_name:
            written = unit.full_name
        elif draw < 0.2 and unit.aliases:
            written = rng.choice(unit.aliases)
        submitted_month, submitted_day = rng.choice(((12, rng.randint(10, 31)), (1, rng.randint(1, 20))))
        submitted_year = YEAR if submitted_month == 12 else YEAR + 1
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = f"0871-6{rng.randint(0, 9_999_999):07d}"
        self.lines += [
            f"# {unit.name} {YEAR} 年打击侵权假冒工作年度报告",
            f"unit: {written}",
            f"year: {YEAR}",
            f"submitted: {submitted_year}-{submitted_month:02d}-{submitted_day:02d}",
            f'contact: {{name: {name}, phone: "{phone}"}}',
            "tasks:",
        ]
        entries: list[tuple[PlanTask, bool]] = []
        for task in self.plan.tasks:
            if unit.name not in task.units:
                continue
            # Written again to force a gap, a report keeps every entry: one of them is made partial.
            if rng.random() < self.rates.missing_entry and not self.force_gap:
                self.gaps["missing-entry"] += 1
                continue
            entries.append((task, True))
        if rng.random() < self.rates.wrong_unit:
            foreign = [task for task in self.plan.tasks if unit.name not in task.units and not task.open]
            if foreign:
                entries.append((rng.choice(foreign), False))
                self.gaps["wrong-unit-entry"] += 1
        if rng.random() < P_OPEN_EXTRA:
            extra = [task for task in self.plan.tasks if unit.name not in task.units and task.open]
            if extra:
                entries.append((rng.choice(extra), False))
                self.gaps["open-task-extra-entry (no gap)"] += 1
        order = {task.id: index for index, task in enumerate(self.plan.tasks)}
        entries.sort(key=lambda item: order[item[0].id])
        if not entries:
            self.lines[-1] = "tasks: {}"
        for task, own in entries:
            self._entry(task, own)
        self.gaps["reports"] += 1
        self.gaps["entries"] += len(entries)
        return "\n".join(self.lines) + "\n"

    def _entry(self, task: PlanTask, own: bool) -> None:
        rng, lines = self.rng, self.lines
        topic, subject = TOPICS.get(task.id, DEFAULT_TOPIC)
        status = "done"
        if own:
            draw = rng.random()
            if draw < self.rates.partial:
                status = "partial"
            elif draw < self.rates.partial + self.rates.not_started:
                status = "not_started"
            elif draw < self.rates.partial + self.rates.not_started + self.rates.not_applicable:
                status = "not_applicable"
            elif self.force_gap:
                status = "partial"
            self.force_gap = False
        lines.append(f'  "{task.id}":')
        lines.append(f"    status: {status}")
        if status != "done":
            self.gaps[f"status-{status}"] += 1
        reason = self._reason(status, topic, subject) if status != "done" else None
        if status in ("not_started", "not_applicable"):
            lines.append(f"    reason: {reason}")
            return
        metrics: dict[str, int] = {}
        specific = list(SPECIFIC[self.group] + (ENFORCEMENT if self.group == "police" else ()))
        generic = list(GENERIC)
        actions = []
        for _ in range(rng.choices((1, 2, 3), weights=(20, 50, 30))[0]):
            # The unit's own kind of work first, common office work for the rest.
            source = specific if specific and rng.random() < P_SPECIFIC else generic
            template = source.pop(rng.randrange(len(source)))
            actions.append(self._fill(template, topic, subject, metrics))
        campaigns: list[str] = []
        if task.campaigns:
            draw = rng.random()
            named = "".join(f"“{campaign}”" for campaign in task.campaigns)
            if draw < self.rates.campaign_omitted:
                self.gaps["campaign-omitted"] += 1
            elif draw < 0.88:
                campaigns = list(task.campaigns)
                actions[0] = f"结合{named}专项行动，{actions[0]}"
            elif draw < 0.95:
                campaigns = list(task.campaigns)
            else:
                actions[0] = f"按照{named}行动部署，{actions[0]}"
        if rng.random() < self.rates.restated:
            actions[0] = task.text.split("。")[0] + "。"
            self.gaps["restated-action"] += 1
        lines.append("    actions:")
        lines.extend(f"      - {action}" for action in actions)
        if campaigns:
            lines.append(f"    campaigns: [{', '.join(campaigns)}]")
        outputs = self._outputs(task, own, topic, subject)
        if outputs:
            lines.append("    outputs:")
            lines.extend(f"      - {{title: {title}, date: {date}, kind: {kind}}}" for title, date, kind in outputs)
        if self.plan.metric_known is not None:
            metrics = {key: value for key, value in metrics.items() if self.plan.metric_known(key)}
        if metrics and rng.random() < P_METRICS:
            shown = {key: f"{value / 10:g}" if key.endswith("_wan") else value for key, value in metrics.items()}
            lines.append("    metrics: {" + ", ".join(f"{key}: {value}" for key, value in shown.items()) + "}")
        if rng.random() < P_EVIDENCE:
            prefix = DOC_PREFIX.get(self.unit.name, "官")
            numbers = sorted(rng.sample(range(1, 120), rng.choice((1, 1, 1, 2))))
            lines.append("    evidence: [" + ", ".join(f"{prefix}〔{YEAR}〕{number}号" for number in numbers) + "]")
        if reason:
            lines.append(f"    reason: {reason}")

    def _reason(self, status: str, topic: str, subject: str) -> str:
        rng = self.rng
        template = rng.choice(REASONS[status])
        return template.format(
            topic=topic,
            subject=subject,
            partner=rng.choice(self.partners),
            pct=rng.randint(30, 70),
            quarter=rng.choice(("一季度", "二季度", "上半年")),
        )

    def _outputs(self, task: PlanTask, own: bool, topic: str, subject: str) -> list[tuple[str, str, str]]:
        rng = self.rng
        outputs: list[tuple[str, str, str]] = []

        def add(kind: str, date: str, title: str | None = None) -> None:
            titles = OUTPUT_TITLES.get(kind, OUTPUT_TITLES["standard"])
            title = title or rng.choice(titles).format(topic=topic, subject=subject, unit=self.unit.name)
            if any(title == earlier for earlier, _, _ in outputs):
                title = f"{title}（{int(date[5:7])}月）"
            outputs.append((title, date, kind))

        # What the plan's words ask for (a publication, a standard, one in each half-year ...).
        for wanted in task.wants(self.unit.name, own):
            if rng.random() < self.rates.requirement_missed:
                self.gaps["required-output-missing"] += 1
                continue
            if wanted.periods:
                span = 12 // wanted.periods
                for period in range(wanted.periods):
                    label = ("上半年", "下半年")[period] if wanted.periods == 2 else f"第{period + 1}季度"
                    add(
                        wanted.kind,
                        self._date(period * span + 1, period * span + span),
                        f"官渡区{YEAR}年{label}{topic}违法问题检查情况",
                    )
            elif wanted.distinct_dates:
                months = sorted(rng.sample(range(1, 13), min(wanted.count, 12)))
                for month in months:
                    add(wanted.kind, self._date(month, month))
            else:
                for _ in range(wanted.count):
                    add(wanted.kind, self._date())
        # Other documents and events the unit chose to list.
        if rng.random() < P_OUTPUTS:
            for _ in range(rng.choices((1, 2), weights=(80, 20))[0]):
                add(rng.choices(OUTPUT_KINDS, weights=OUTPUT_WEIGHTS)[0], self._date())
        return outputs


def render_report(
    plan: Plan, unit: PlanUnit, district: int, seed: int, rates: Rates = PROFILES["sparse"]
) -> tuple[str, Counter[str]]:
    report = _Report(plan, unit, district, seed, rates)
    text = report.render()
    if rates.every_report and not any(report.gaps[gap] for gap in FINDING_GAPS):
        report = _Report(plan, unit, district, seed, rates, force_gap=True)
        text = report.render()
        report.gaps["forced-partial"] += 1
    return text, report.gaps


def generate(
    out_dir: Path, reports: int, seed: int, plan: Plan | None = None, findings: str = "sparse"
) -> dict[str, object]:
    """Write the corpus into out_dir (which must hold no earlier corpus) and return its manifest.

    `findings`: the profile of deliberate gaps, "sparse" (few entries wrong), "realistic"
    (most reports with a few findings) or "all" (the realistic rates, and every report with at
    least one finding of its own)."""
    plan = plan or load_plan()
    rates = PROFILES[findings]
    gaps: Counter[str] = Counter()
    total_bytes = 0
    made: set[Path] = set()
    for relative, district, unit in layout(plan, reports):
        text, report_gaps = render_report(plan, unit, district, seed, rates)
        gaps.update(report_gaps)
        path = out_dir / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
    manifest: dict[str, object] = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "findings": findings,
        "reports": reports,
        "districts": len(made),
        "units": len(plan.units),
        "bytes": total_bytes,
        "mean_bytes": round(total_bytes / reports) if reports else 0,
        "gaps": dict(sorted(gaps.items())),
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write district-NNNN/<unit>.yaml into")
    parser.add_argument("--reports", type=int, default=20_000, help="number of reports (default 20000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--findings",
        choices=sorted(PROFILES),
        default="sparse",
        help="share of deliberate gaps: sparse (default; few entries wrong), realistic (most reports with a few) "
        "or all (realistic, and every report with at least one)",
    )
    args = parser.parse_args(argv)
    if args.reports < 1:
        parser.error("--reports must be at least 1")
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty; give a new or empty folder")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    manifest = generate(args.out_dir, args.reports, args.seed, findings=args.findings)
    print(json.dumps(manifest, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
