import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateGraph } from "@/flows-runtime/compiler/validate";
import { startAriSimulator } from "@/workers/ari-simulator";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BILLING = "tests/e2e/fixtures/run-flow-billing.json";
const INVALID = "tests/e2e/fixtures/run-flow-invalid.json";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it, in its own process. */
function runFlow(args: string[], timeoutMs = 90_000, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/run-flow.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`run-flow did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The rows of the step trace table (between the dashes and the blank line). */
function traceRows(stdout: string): string[] {
  const lines = stdout.split("\n");
  const header = lines.findIndex((l) => /^seq\s+node\s+type\s+port\s+input\s+vars changed\s+ms$/.test(l));
  expect(header, stdout).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf("", header);
  return lines.slice(header + 2, end);
}

describe("scripts/run-flow.ts", () => {
  let scratch = "";
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "run-flow-test-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("runs a flow with a scripted caller and prints the trace table, the prompts and the outcome", { timeout: 120_000 }, async () => {
    const run = await runFlow([
      BILLING,
      "--from",
      "13800000000",
      "--to",
      "4001",
      "--script",
      "wait prompt; press 1; wait 1s; press 0; hangup after 5s",
      "--time-scale",
      "0.5",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Flow     Billing line (run-flow example) (tests/e2e/fixtures/run-flow-billing.json)");
    expect(run.stdout).toMatch(/^Call     13800000000 -> 4001 {2}\[\S+\]$/m);

    const rows = traceRows(run.stdout);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^ *1 {2}Incoming call +start +next +call\.language: "" -> "en-US" +\d+$/);
    expect(rows[1]).toMatch(/^ *2 {2}Main menu +menu +option:1 +1 +department: null -> "1" +\d+$/);
    expect(rows[2]).toMatch(/^ *3 {2}Billing menu +menu +option:0 +0 +billingChoice: null -> "0" +\d+$/);
    expect(rows[3]).toMatch(/^ *4 {2}Agents busy +play +next +\d+$/);
    expect(rows[4]).toMatch(/^ *5 {2}Hang up +hangup +- +\d+$/);
    // the billing menu waited for the caller's 1 s pause: its duration shows it
    expect(Number(rows[2]?.split(/\s+/).at(-1))).toBeGreaterThanOrEqual(400);

    const prompts = run.stdout.split("Prompts played\n")[1]?.split("\n\n")[0]?.split("\n") ?? [];
    expect(prompts).toHaveLength(3);
    expect(prompts[0]).toMatch(/^ +\+\d+\.\d\ds {2}tts\(en-US\) "Welcome\. For billing, press 1\. For support, press 2\." {2}\(stopped early\)$/);
    expect(prompts[1]).toMatch(/tts\(en-US\) "Billing\. To hear your balance, press 1\. To speak to an agent, press 0\." {2}\(stopped early\)$/);
    expect(prompts[2]).toMatch(/tts\(en-US\) "All agents are busy\. Goodbye\."$/);

    expect(run.stdout).toMatch(/^Outcome {2}completed \(5 steps, \d+\.\d\ds, last node bye\)$/m);
    expect(run.stdout).toMatch(/^Call end hung up by app; caller script still running when the call ended$/m);
  });

  it("places the caller as a Local channel (--originate), the way it runs on a real Asterisk", { timeout: 120_000 }, async () => {
    const run = await runFlow([
      BILLING,
      "--to",
      "4001",
      "--originate",
      "Local/4001@cc-test-caller",
      "--script",
      "wait prompt; press 1; wait 1s; press 0; hangup after 5s",
      "--time-scale",
      "0.5",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Call     13800000000 -> 4001 {2}\[run-flow-\S+\]$/m);
    expect(run.stdout).toContain("(as the dialplan of Local/4001@cc-test-caller)");
    const rows = traceRows(run.stdout);
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/^ *2 {2}Main menu +menu +option:1 +1 /);
    expect(rows[2]).toMatch(/^ *3 {2}Billing menu +menu +option:0 +0 /);
    expect(run.stdout).toMatch(/^Outcome {2}completed \(5 steps/m);
  });

  it("with ARI_URL drives that Asterisk over ARI only (here a separate simulator playing the dialplan)", { timeout: 120_000 }, async () => {
    const pbx = await startAriSimulator({
      port: 0,
      timeScale: 0.5,
      callerContexts: { "cc-test-caller": "wait prompt; press 1; wait 1s; press 0; hangup after 5s" },
    });
    try {
      const run = await runFlow([BILLING, "--to", "4001", "--from", "13900000000", "--originate", "Local/4001@cc-test-caller"], 90_000, {
        ARI_URL: pbx.url,
        ARI_USERNAME: "asterisk",
        ARI_PASSWORD: "asterisk",
        ARI_APP: "cc-flows",
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Script   the dialplan of Local/4001@cc-test-caller on ${pbx.url}`);
      expect(traceRows(run.stdout)).toHaveLength(5);
      expect(run.stdout).toContain("(not known on a real Asterisk: see its log)");
      expect(run.stdout).toMatch(/^Outcome {2}completed \(5 steps/m);
      const originates = pbx.sw.log.entries.filter((e) => e.kind === "originate");
      expect(originates).toHaveLength(1);
      expect(originates[0]).toMatchObject({ endpoint: "Local/4001@cc-test-caller", app: "cc-flows", appArgs: "4001", callerId: "13900000000" });
    } finally {
      await pbx.close();
    }
  });

  it("refuses an invalid flow with the validator's full list of issues and exit code 1", async () => {
    const graph: unknown = JSON.parse(await readFile(path.join(ROOT, INVALID), "utf8"));
    const validation = validateGraph(graph);
    if (validation.ok) throw new Error("the fixture must be invalid");
    expect(validation.issues.filter((i) => i.severity === "error").length).toBeGreaterThanOrEqual(4);

    const run = await runFlow([INVALID, "--script", "wait prompt; hangup"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^run-flow: ${INVALID} is not a valid flow: \\d+ error\\(s\\), \\d+ warning\\(s\\)$`));
    expect(lines.slice(1)).toHaveLength(validation.issues.length);
    for (const issue of validation.issues) {
      const line = lines.find((l) => l.includes(issue.message));
      expect(line, issue.message).toBeDefined();
      expect(line).toContain(issue.severity);
      if (issue.nodeId) expect(line).toContain(`node ${issue.nodeId}`);
      expect(line).toContain(`[${issue.code}]`);
    }
    // field paths are printed the way they appear in the JSON
    expect(run.stderr).toMatch(/error +node billing_menu {2}options\[2\]\.key: .*key 1 is used by two options/);
    expect(run.stderr).toMatch(/error +node billing_menu {2}timeoutSeconds: .*at most 60/);
    expect(run.stderr).toMatch(/error +node balance {2}media\[0\]\.text: /);
    expect(run.stderr).toMatch(/error +node mystery: .*unknown type "teleport"/);
  });

  it("refuses a file that is not JSON, pointing at the line and column", async () => {
    const file = path.join(scratch, "broken.json");
    await writeFile(file, '{\n  "schemaVersion": 1,\n  "nodes": [}\n');
    const run = await runFlow([file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`run-flow: ${file} is not valid JSON: line 3, column 13: unexpected '}'`);
    expect(run.stderr).toContain('    "nodes": [}\n' + " ".repeat(4 + 12) + "^");
  });

  it("refuses a JSON value that is not a flow, and a missing file", async () => {
    const file = path.join(scratch, "array.json");
    await writeFile(file, "[1, 2]");
    const notFlow = await runFlow([file]);
    expect(notFlow.code).toBe(1);
    expect(notFlow.stderr).toMatch(/is not a valid flow: [1-9]\d* error\(s\)/);

    const missing = await runFlow([path.join(scratch, "nope.json")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`run-flow: cannot read ${path.join(scratch, "nope.json")}: no such file\n`);
  });

  it("explains bad arguments with the usage text", async () => {
    const none = await runFlow([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("run-flow: <flow.json>: the flow file is required");
    expect(none.stderr).toContain("Usage: npx tsx scripts/run-flow.ts <flow.json> [options]");

    const bad = await runFlow([BILLING, "--time-scale", "fast", "--secret", "no-equals"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--time-scale: ");
    expect(bad.stderr).toContain("--secret: must look like NAME=VALUE");

    const help = await runFlow(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--script <steps>");
  });
});
