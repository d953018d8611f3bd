import type { CallReport } from "./call-report";
import { renderTable } from "./text-table";

export interface ReportContext {
  file: string;
  flowName: string;
  from: string;
  to: string;
  script: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

/** The human-readable run report: step trace table, prompts played, outcome. */
export function renderReport(ctx: ReportContext, report: CallReport): string {
  const out: string[] = [];
  out.push(`Flow     ${ctx.flowName} (${ctx.file})`);
  out.push(`Call     ${ctx.from} -> ${ctx.to}  [${report.callId}]`);
  out.push(`Script   ${ctx.script}`);
  out.push("");
  out.push("Step trace");
  out.push(
    renderTable(
      [
        { header: "seq", align: "right" },
        { header: "node", maxWidth: 28 },
        { header: "type" },
        { header: "port" },
        { header: "input" },
        { header: "vars changed", maxWidth: 60 },
        { header: "ms", align: "right" },
      ],
      report.steps.map((s) => [
        String(s.seq),
        s.node,
        s.type,
        s.port ?? "-",
        s.input ?? "",
        s.error ? `${s.varsChanged}${s.varsChanged ? "; " : ""}error: ${s.error}` : s.varsChanged,
        String(s.ms),
      ]),
    ),
  );
  out.push("");
  out.push("Prompts played");
  if (report.prompts === null) out.push("  (not known on a real Asterisk: see its log)");
  else if (report.prompts.length === 0) out.push("  (none)");
  for (const p of report.prompts ?? []) {
    out.push(`  ${`+${seconds(p.atMs)}`.padStart(8)}  ${p.media.join(" + ")}${p.stopped ? "  (stopped early)" : ""}`);
  }
  out.push("");
  const facts = [
    `${report.steps.length} steps`,
    report.callMs !== null ? `${seconds(report.callMs)}` : null,
    report.lastNodeId ? `last node ${report.lastNodeId}` : null,
  ].filter((f) => f !== null);
  out.push(`Outcome  ${report.outcome} (${facts.join(", ")})`);
  if (report.error) out.push(`Error    ${report.error}`);
  const ending = [
    report.hungUpBy ? `hung up by ${report.hungUpBy}` : null,
    report.continuedTo ? `continued in dialplan at ${report.continuedTo}` : null,
    report.script ? `caller script ${report.script}` : null,
  ].filter((f) => f !== null);
  if (ending.length > 0) out.push(`Call end ${ending.join("; ")}`);
  return out.join("\n");
}
