"""The stylesheet of the HTML gap report: inline, no fonts or images from anywhere, A4 print."""

from __future__ import annotations

from ipr_rules.render.states import LOOKS

# Fonts the office's machines have (Windows, macOS, Linux with Noto CJK); none is downloaded.
FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", '
    '"WenQuanYi Micro Hei", "SimHei", sans-serif'
)

_BASE = """
:root { --ink: #1f2937; --muted: #6b7280; --line: #d1d5db; --soft: #f3f4f6;
  --error: #b42318; --warning: #a15c07; --info: #1d4ed8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--soft); font: 14px/1.6 FONTS; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 28px 40px; background: #fff; }
header h1 { font-size: 24px; line-height: 1.3; margin: 0 0 4px; }
header .subtitle { color: var(--muted); margin: 0; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 0 0 8px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
code, .where { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Consolas, monospace; font-size: 12.5px; }
.where { overflow-wrap: anywhere; }
table.list td.loc { width: 22%; }
dl.checked { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 12px 0 0; }
dl.checked dt { color: var(--muted); }
dl.checked dd { margin: 0; word-break: break-all; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 0 0 14px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.figure .value { display: block; font-size: 26px; font-weight: 700; line-height: 1.3; }
.figure .label { color: var(--muted); font-size: 13px; }
.figure.error .value { color: var(--error); }
.figure.warning .value { color: var(--warning); }
.figure.info .value { color: var(--info); }
.figure.zero .value { color: var(--ink); }
table.list { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
table.list th, table.list td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.list thead th { background: var(--soft); font-weight: 600; white-space: nowrap; }
table.kinds { width: auto; min-width: 50%; }
table.kinds .kind { display: inline; margin-left: 8px; }
table.list td.num, table.list th.num { text-align: right; white-space: nowrap; }
table.list td.nowrap { white-space: nowrap; }
.sev { font-weight: 700; white-space: nowrap; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
.kind { display: block; color: var(--muted); font-size: 12px; font-family: monospace; }
.matrix-wrap { overflow-x: auto; margin: 8px 0; }
table.matrix { border-collapse: collapse; table-layout: fixed; font-size: 12px; line-height: 1.2;
  width: calc(224px + var(--tasks, 55) * 18px); }
table.matrix col.unit { width: 178px; }
table.matrix col.rate { width: 46px; }
table.matrix col.task { width: 18px; }
table.matrix col.first { border-left: 2px solid var(--ink); }
table.matrix th { font-weight: 600; padding: 0; }
table.matrix thead th.sec { text-align: left; padding: 2px 3px; border-bottom: 1px solid var(--line);
  overflow: hidden; white-space: nowrap; text-overflow: ellipsis; background: var(--soft); }
table.matrix thead th.task { height: 38px; vertical-align: bottom; font-weight: 500; font-size: 11px; }
table.matrix thead th.task span { writing-mode: vertical-rl; white-space: nowrap; display: inline-block;
  padding-bottom: 3px; }
table.matrix thead th.corner { text-align: left; vertical-align: bottom; padding: 2px 6px 3px 0; }
table.matrix tbody th { text-align: left; padding: 0 6px 0 0; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; font-weight: 500; }
table.matrix tbody th a { color: inherit; text-decoration: none; }
table.matrix tbody th.absent { color: var(--muted); font-style: italic; }
table.matrix td.rate, table.matrix tfoot td { text-align: right; padding: 0 4px; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
table.matrix td.c { height: 20px; text-align: center; padding: 0; border: 1px solid #fff; font-weight: 700; }
table.matrix tbody tr:nth-child(even) td.s-not_assigned { background: #f4f5f7; }
table.matrix td.lead { box-shadow: inset 0 0 0 2px #111827; }
table.matrix tfoot td, table.matrix tfoot th { border-top: 2px solid var(--ink); font-size: 11px; text-align: center;
  padding: 2px 0; }
table.matrix tfoot th { text-align: left; }
table.matrix tfoot td.zero { color: #fff; background: var(--error); font-weight: 700; }
ul.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 8px 0;
  font-size: 13px; }
.swatch { display: inline-block; width: 18px; height: 18px; margin-right: 6px; vertical-align: -4px; text-align: center;
  line-height: 18px; font-weight: 700; font-size: 12px; border: 1px solid var(--line); }
.swatch.lead { box-shadow: inset 0 0 0 2px #111827; }
.task-notes { font-size: 12px; color: #374151; columns: 2 360px; column-gap: 28px; margin: 10px 0 0; }
.task-notes p { margin: 0 0 4px; break-inside: avoid; }
.task-notes b { font-weight: 600; }
.chips { display: flex; flex-wrap: wrap; gap: 3px; margin: 6px 0 10px; padding: 0; list-style: none; }
.chips li { font-size: 12px; padding: 0 5px; border-radius: 3px; font-weight: 600; }
.chips li.lead { box-shadow: inset 0 0 0 2px #111827; }
section.unit-report { border-top: 1px solid var(--line); padding-top: 14px; margin-top: 22px; }
section.unit-report .facts { color: var(--muted); font-size: 13px; margin: 0 0 4px; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }

@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #6b7280; } }
@page wide { size: A4 landscape; margin: 9mm 9mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h2 { font-size: 13pt; margin-top: 14px; }
  h2, h3 { break-after: avoid; }
  tr, .figure, ul.legend { break-inside: avoid; }
  .figures { grid-template-columns: repeat(3, 1fr); }
  section.matrix { page: wide; break-before: page; }
  section.matrix h2 { margin-top: 0; }
  .matrix-wrap { overflow: visible; }
  table.matrix { width: 100%; font-size: 6.5pt; }
  table.kinds { max-width: none; }
  table.matrix col.unit { width: 34mm; }
  table.matrix col.rate { width: 10mm; }
  table.matrix col.task { width: auto; }
  table.matrix thead th.task { height: 26px; font-size: 6.5pt; }
  table.matrix td.c { height: 15px; }
  table.matrix tfoot td, table.matrix tfoot th { font-size: 6.5pt; }
  ul.legend { font-size: 7.5pt; margin: 4px 0; }
  .task-notes { font-size: 6.5pt; columns: 3; column-gap: 16px; }
  section.unit-report { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  h2#units { break-before: page; margin-top: 0; }
  h2#units + section.unit-report { break-before: auto; }
  .where { font-size: 8.5pt; }
}
"""


def stylesheet() -> str:
    """The whole stylesheet: the base rules and one class per cell state."""
    states = "\n".join(f".s-{look.key} {{ background: {look.fill}; color: {look.ink}; }}" for look in LOOKS)
    return _BASE.replace("FONTS", FONTS) + states + "\n"
