import type { Pretend } from "@/flows-runtime/pretend/pretend-schema";

/** The pretend form as typed (strings); pretendFromForm turns it into what the API takes. */
export interface PretendFormState {
  clockOn: boolean;
  date: string;
  time: string;
  timeZone: string;
  caller: string;
  dialed: string;
  language: string;
  variables: { name: string; value: string }[];
  http: { nodeId: string; status: string; body: string }[];
}

export function emptyPretendForm(timeZone: string): PretendFormState {
  return { clockOn: false, date: "", time: "", timeZone, caller: "", dialed: "", language: "", variables: [], http: [] };
}

/** A value typed as JSON (`"vip"`, `3`, `{"a":1}`) is that value; anything else is the text itself. */
function valueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const show = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

export type PretendFromForm = { ok: true; pretend: Pretend } | { ok: false; field: string };

/** What the form pretends; the server checks every field again and names what it refuses. */
export function pretendFromForm(form: PretendFormState): PretendFromForm {
  const pretend: Pretend = {};
  if (form.clockOn) pretend.clock = { date: form.date, time: form.time, timeZone: form.timeZone };
  if (form.caller.trim() !== "") pretend.caller = form.caller.trim();
  if (form.dialed.trim() !== "") pretend.dialed = form.dialed.trim();
  if (form.language !== "") pretend.language = form.language;
  const variables = form.variables.filter((row) => row.name.trim() !== "");
  if (variables.length > 0) pretend.variables = variables.map((row) => ({ name: row.name.trim(), value: valueOf(row.value) }));
  const http: NonNullable<Pretend["http"]> = [];
  for (const [index, row] of form.http.entries()) {
    let body: unknown;
    try {
      body = row.body.trim() === "" ? null : JSON.parse(row.body);
    } catch {
      return { ok: false, field: `http.${index}.body` };
    }
    http.push({ nodeId: row.nodeId, status: Number(row.status), body });
  }
  if (http.length > 0) pretend.http = http;
  return { ok: true, pretend };
}

export function formFromPretend(pretend: Pretend, timeZone: string): PretendFormState {
  return {
    clockOn: pretend.clock !== undefined,
    date: pretend.clock?.date ?? "",
    time: pretend.clock?.time ?? "",
    timeZone: pretend.clock?.timeZone ?? timeZone,
    caller: pretend.caller ?? "",
    dialed: pretend.dialed ?? "",
    language: pretend.language ?? "",
    variables: (pretend.variables ?? []).map((row) => ({ name: row.name, value: show(row.value) })),
    http: (pretend.http ?? []).map((row) => ({ nodeId: row.nodeId, status: String(row.status), body: JSON.stringify(row.body, null, 2) })),
  };
}
