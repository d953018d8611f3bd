import { describe, expect, it } from "vitest";
import { graph, say } from "../testing/graph-builder";
import type { Issue } from "./issue";
import { validateGraph, validateGraphForEditor } from "./validate";

const menuData = {
  prompt: [{ kind: "tts", text: "Press 1 or 2" }],
  options: [{ key: "1" }, { key: "2" }],
};

function issuesOf(input: unknown, options = {}): Issue[] {
  const result = validateGraph(input, options);
  return result.ok ? result.warnings : result.issues;
}

const brief = (issues: Issue[]) => issues.map((issue) => ({ code: issue.code, nodeId: issue.nodeId, path: issue.path, message: issue.message }));

/** Start -> Main menu, every menu exit to hang-up unless told otherwise. */
function menuFlow(skip: string[] = []) {
  const builder = graph().node("start", "start").node("menu", "menu", menuData, "Main menu").node("bye", "hangup", {}, "Bye").edge("start", "next", "menu");
  for (const port of ["option:1", "option:2", "timeout", "invalid"]) if (!skip.includes(port)) builder.edge("menu", port, "bye");
  return builder;
}

describe("validateGraph: a valid graph", () => {
  it("returns the parsed graph with defaults and no issues", () => {
    const result = validateGraph(menuFlow().build());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings).toEqual([]);
      expect(result.graph.nodes[1]?.data).toEqual(menuData);
      expect(result.graph.variables).toEqual([]);
    }
  });

  it("accepts the graph as JSON text", () => {
    expect(validateGraph(JSON.stringify(menuFlow().build())).ok).toBe(true);
  });
});

describe("validateGraph: shape of the file", () => {
  it("reports text that is not JSON and values that are not graphs", () => {
    expect(brief(issuesOf("{nodes: ["))).toEqual([{ code: "graph-not-json", nodeId: null, path: [], message: expect.stringMatching(/^The flow is not valid JSON: /) }]);
    for (const input of [null, 42, [], "[1]", undefined]) {
      expect(issuesOf(input).map((issue) => issue.code)).toEqual(["graph-not-object"]);
    }
  });

  it("reports a newer or missing schema version", () => {
    expect(brief(issuesOf({ ...menuFlow().build(), schemaVersion: 7 }))).toEqual([
      {
        code: "graph-version-newer",
        nodeId: null,
        path: ["schemaVersion"],
        message: "This flow was saved by a newer version of the designer (format 7); this server reads format 1 at most",
      },
    ]);
    expect(issuesOf({ ...menuFlow().build(), schemaVersion: "1" }).map((issue) => [issue.code, issue.path])).toEqual([["graph-version-invalid", ["schemaVersion"]]]);
  });

  it("reports wrong types with their paths, for every node and edge at once", () => {
    const input = {
      schemaVersion: 1,
      kind: "fax",
      name: 5,
      variables: [{ name: "1bad" }],
      nodes: [
        { id: "start", type: "start", position: { x: 0, y: 0 } },
        { id: "broken", type: "play", position: { x: "left", y: 0 } },
        { type: "play", position: { x: 0, y: 0 } },
      ],
      edges: [{ id: "e1", source: "start", sourcePort: "next", target: "broken" }, { id: 7 }],
    };
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId, issue.edgeId, issue.path])).toEqual([
      ["graph-field-invalid", null, null, ["kind"]],
      ["graph-field-invalid", null, null, ["name"]],
      ["node-invalid", "broken", null, ["nodes", 1, "position", "x"]],
      ["node-invalid", null, null, ["nodes", 2, "id"]],
      ["variable-invalid", null, null, ["variables", 0, "name"]],
      ["edge-invalid", null, null, ["edges", 1, "id"]],
      ["edge-invalid", null, null, ["edges", 1, "source"]],
      ["edge-invalid", null, null, ["edges", 1, "sourcePort"]],
      ["edge-invalid", null, null, ["edges", 1, "target"]],
    ]);
    expect(issuesOf(input)[2]?.message).toBe('Node #2 is malformed at "nodes #2 › position › x": Invalid input: expected number, received string');
    expect(issuesOf(input)[1]?.message).toBe('The flow\'s "name" is invalid: expected text of at most 200 characters');
  });

  it("reports lists that are missing or too long without checking further", () => {
    expect(issuesOf({ schemaVersion: 1, kind: "ivr", nodes: {}, edges: [] }).map((issue) => [issue.code, issue.path])).toEqual([["graph-field-invalid", ["nodes"]]]);
    const tooMany = issuesOf({ schemaVersion: 1, kind: "ivr", nodes: Array.from({ length: 5001 }, () => 0), edges: [] });
    expect(brief(tooMany)).toEqual([{ code: "graph-too-large", nodeId: null, path: ["nodes"], message: "The flow has 5001 nodes; the maximum is 5000" }]);
  });

  it("reports duplicate node and edge ids", () => {
    const input = menuFlow().node("menu", "play", say("again")).edge("start", "next", "menu", "start.next->menu").build();
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId, issue.edgeId, issue.message])).toEqual(
      expect.arrayContaining([
        ["duplicate-node-id", "menu", null, 'Two nodes have the id "menu"'],
        ["duplicate-edge-id", null, "start.next->menu", 'Two connections have the id "start.next->menu"'],
      ]),
    );
  });
});

describe("validateGraph: nodes and settings", () => {
  it("reports an unknown node type", () => {
    const input = menuFlow(["timeout"]).node("x", "fax-machine", {}, "Old fax").edge("menu", "timeout", "x").build();
    expect(brief(issuesOf(input))).toEqual([
      { code: "unknown-node-type", nodeId: "x", path: [], message: 'fax-machine "Old fax" has an unknown type "fax-machine"' },
    ]);
  });

  it("reports missing required settings with the field path", () => {
    const input = graph().node("start", "start").node("menu", "menu", { options: [{ key: "1" }] }, "Main menu").edge("start", "next", "menu").build();
    expect(brief(issuesOf(input)).filter((issue) => issue.code !== "required-port-unconnected")).toEqual([{ code: "setting-required", nodeId: "menu", path: ["prompt"], message: 'Menu "Main menu": "Prompt" is required' }]);
    // Its exits are asked for already, before the prompt is filled in.
    expect(issuesOf(input).filter((issue) => issue.code === "required-port-unconnected").map((issue) => issue.params.port)).toEqual(["option:1", "timeout", "invalid"]);
  });

  it("reports duplicate DTMF keys", () => {
    const input = graph()
      .node("start", "start")
      .node("menu", "menu", { ...menuData, options: [{ key: "1" }, { key: "2" }, { key: "1" }] }, "Main menu")
      .edge("start", "next", "menu")
      .build();
    expect(brief(issuesOf(input)).filter((issue) => issue.code !== "required-port-unconnected")).toEqual([
      { code: "duplicate-key", nodeId: "menu", path: ["options", 2, "key"], message: 'Menu "Main menu": key 1 is used by two options' },
    ]);
  });

  it("names unlabelled nodes by id", () => {
    const input = graph().node("start", "start").node("menu_7", "menu", { options: [{ key: "1" }] }, "").edge("start", "next", "menu_7").build();
    expect(issuesOf(input)[0]?.message).toBe('Menu "menu_7": "Prompt" is required');
  });
});

describe("validateGraph: connections", () => {
  it("reports required exits left unconnected", () => {
    expect(brief(issuesOf(menuFlow(["timeout"]).build()))).toEqual([
      { code: "required-port-unconnected", nodeId: "menu", path: [], message: 'Menu "Main menu" has no path for "timeout": connect it to a node' },
    ]);
    expect(issuesOf(menuFlow(["option:2"]).build())[0]?.message).toBe('Menu "Main menu" has no path for "key 2": connect it to a node');
  });

  it("reports connections to or from missing nodes and from missing exits", () => {
    const input = menuFlow().edge("ghost", "next", "bye", "e-ghost").edge("start", "oops", "bye", "e-port").edge("bye", "next", "nowhere", "e-nowhere").build();
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId, issue.edgeId, issue.message])).toEqual([
      ["edge-unknown-source", null, "e-ghost", 'A connection starts at node "ghost", which does not exist'],
      ["edge-unknown-port", "start", "e-port", 'Start "start" has no exit "oops": remove this connection'],
      ["edge-unknown-target", "bye", "e-nowhere", 'Hang up "Bye": the connection from "next" leads to node "nowhere", which does not exist'],
    ]);
  });

  it("does not report connections of a malformed node a second time", () => {
    const input = menuFlow().build();
    input.nodes[2] = { id: "bye", type: "hangup", label: "Bye", position: { x: Number.NaN, y: 0 }, data: {} };
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId])).toEqual([["node-invalid", "bye"]]);
  });

  it("reports an exit connected twice", () => {
    const input = menuFlow().node("other", "hangup").edge("menu", "timeout", "other", "e-dup").build();
    expect(brief(issuesOf(input).filter((issue) => issue.severity === "error"))).toEqual([
      { code: "duplicate-edge", nodeId: "menu", path: [], message: 'Menu "Main menu": exit "timeout" is connected twice; an exit can lead to only one node' },
    ]);
    expect(issuesOf(input)[0]?.edgeId).toBe("e-dup");
  });

  it("requires exactly one Start", () => {
    expect(brief(issuesOf(graph().node("bye", "hangup").build()))).toEqual([
      { code: "no-start", nodeId: null, path: [], message: "The flow has no Start node: add one" },
    ]);
    const two = menuFlow().node("start2", "start", {}, "Second entry").edge("start2", "next", "bye").build();
    expect(brief(issuesOf(two))).toEqual([
      { code: "multiple-starts", nodeId: "start2", path: [], message: 'The flow has more than one Start node: Start "Second entry" is extra, keep exactly one' },
    ]);
  });
});

describe("validateGraph: paths", () => {
  it("warns about unreachable nodes without blocking", () => {
    const result = validateGraph(menuFlow().node("lost", "play", say("never"), "Lost prompt").build());
    expect(result.ok).toBe(true);
    expect(result.ok ? brief(result.warnings) : []).toEqual([
      { code: "unreachable-node", nodeId: "lost", path: [], message: 'Play prompt "Lost prompt" can never be reached from Start: connect it or delete it' },
    ]);
    expect(result.ok && result.warnings[0]?.severity).toBe("warning");
  });

  it("reports nodes from which the call can never end", () => {
    // A caller-driven loop (allowed) with no way out: every exit leads back to the menu.
    const input = graph()
      .node("start", "start")
      .node("menu", "menu", menuData, "Main menu")
      .node("info", "play", say("Info"), "Info")
      .node("counter", "set-variables", { assignments: [{ name: "n", value: "1" }] }, "Count")
      .node("check", "branch", { conditions: [{ expression: "n > 3" }] }, "Enough?")
      .edge("start", "next", "menu")
      .edge("menu", "option:1", "info")
      .edge("menu", "option:2", "info")
      .edge("menu", "timeout", "counter")
      .edge("menu", "invalid", "counter")
      .edge("counter", "next", "check")
      .edge("check", "condition:0", "info")
      .edge("check", "else", "menu")
      .edge("info", "next", "menu")
      .build();
    const issues = issuesOf(input);
    expect(issues.map((issue) => [issue.code, issue.nodeId])).toEqual([
      ["no-ending", "start"],
      ["no-ending", "menu"],
      ["no-ending", "info"],
      ["no-ending", "counter"],
      ["no-ending", "check"],
      // Also true: silence at the menu runs "Count" -> "Enough?" -> back, and "n" never grows.
      ["unbounded-loop", "check"],
    ]);
    expect(issues[1]?.message).toBe(
      'Menu "Main menu" never leads to the end of the call: every path from here loops back; add a way to a Hang up or Transfer',
    );
  });

  it("reports a menu whose timeout loops back to itself", () => {
    const input = menuFlow(["timeout"]).edge("menu", "timeout", "menu").build();
    expect(brief(issuesOf(input))).toEqual([
      {
        code: "unbounded-loop",
        nodeId: "menu",
        path: [],
        message:
          "Menu \"Main menu\" is in a loop that can repeat forever without the caller pressing a key (Main menu): use the menu's retries, or count attempts in a variable and leave the loop with a Branch",
      },
    ]);
  });

  it("reports a retry loop around a failing HTTP request, once", () => {
    const input = graph()
      .node("start", "start")
      .node("api", "http-request", { url: "https://api.example.com/x" }, "Lookup")
      .node("wait", "play", say("Please hold"), "Hold prompt")
      .node("bye", "hangup")
      .edge("start", "next", "api")
      .edge("api", "success", "bye")
      .edge("api", "error", "wait")
      .edge("wait", "next", "api")
      .build();
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId, issue.params.nodes])).toEqual([["unbounded-loop", "api", "Lookup, Hold prompt"]]);
  });

  it("accepts a loop left by a counter and a branch", () => {
    const input = graph()
      .variable("tries", "number", 0)
      .node("start", "start")
      .node("api", "http-request", { url: "https://api.example.com/x" }, "Lookup")
      .node("count", "set-variables", { assignments: [{ name: "tries", value: "tries + 1" }] }, "Count tries")
      .node("check", "branch", { conditions: [{ expression: "tries < 3" }] }, "Retry?")
      .node("bye", "hangup")
      .edge("start", "next", "api")
      .edge("api", "success", "bye")
      .edge("api", "error", "count")
      .edge("count", "next", "check")
      .edge("check", "condition:0", "api")
      .edge("check", "else", "bye")
      .build();
    expect(issuesOf(input)).toEqual([]);
  });

  it("accepts loops that go through a menu option or collected digits", () => {
    const input = graph()
      .node("start", "start")
      .node("menu", "menu", menuData, "Main menu")
      .node("info", "play", say("Opening hours are 9 to 5"), "Hours")
      .node("ask", "collect", { variable: "order" }, "Order number")
      .node("bye", "hangup")
      .edge("start", "next", "menu")
      .edge("menu", "option:1", "info")
      .edge("info", "next", "menu")
      .edge("menu", "option:2", "ask")
      .edge("ask", "next", "menu")
      .edge("ask", "timeout", "menu")
      .edge("ask", "invalid", "bye")
      .edge("menu", "timeout", "bye")
      .edge("menu", "invalid", "bye")
      .build();
    expect(issuesOf(input)).toEqual([]);
  });

  it("reports a loop of prompts with no exit as both endless and unbounded", () => {
    const input = graph()
      .node("start", "start")
      .node("a", "play", say("a"), "Ping")
      .node("b", "play", say("b"), "Pong")
      .edge("start", "next", "a")
      .edge("a", "next", "b")
      .edge("b", "next", "a")
      .build();
    expect(issuesOf(input).map((issue) => [issue.code, issue.nodeId])).toEqual([
      ["no-ending", "start"],
      ["no-ending", "a"],
      ["no-ending", "b"],
      ["unbounded-loop", "a"],
    ]);
  });
});

describe("validateGraph: variables and expressions", () => {
  const flowWith = (expression: string, variables: [string, "string" | "number" | "object" | "any"][] = []) => {
    const builder = graph();
    for (const [name, type] of variables) builder.variable(name, type);
    return builder
      .node("start", "start")
      .node("check", "branch", { conditions: [{ expression }] }, "Check")
      .node("bye", "hangup")
      .edge("start", "next", "check")
      .edge("check", "condition:0", "bye")
      .edge("check", "else", "bye")
      .build();
  };

  it("knows call.*, declared variables and variables written by nodes", () => {
    expect(issuesOf(flowWith('call.caller == "1" && call.language == "en-US"'))).toEqual([]);
    expect(issuesOf(flowWith("tier == 1", [["tier", "number"]]))).toEqual([]);
    const written = menuFlow().build();
    written.nodes[1] = { ...written.nodes[1]!, data: { ...menuData, storeAs: "choice" } };
    written.nodes.push({ id: "p", type: "play", label: "Say choice", position: { x: 0, y: 0 }, data: say("You chose {{choice}}") });
    written.edges = written.edges.map((edge) => (edge.sourcePort === "option:1" ? { ...edge, target: "p" } : edge));
    written.edges.push({ id: "p-next", source: "p", sourcePort: "next", target: "bye" });
    expect(issuesOf(written)).toEqual([]);
  });

  it("reports unknown variables, unknown call fields and reaching for JavaScript internals", () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ["process.env.HOME", "unknown-variable", { name: "process", position: 0, length: 7 }],
      ["constructor", "unknown-variable", { name: "constructor" }],
      ["__proto__", "unknown-variable", { name: "__proto__" }],
      ["call.constructor", "expression-syntax", { errorCode: "forbidden_property" }],
      ['call["__proto__"]', "expression-syntax", { errorCode: "forbidden_property" }],
      ["call.secretary", "unknown-call-field", { name: "secretary" }],
      ["secret.TOKEN", "expression-syntax", { detail: expect.stringContaining("{{secret.NAME}}") }],
    ];
    for (const [expression, code, params] of cases) {
      const issues = issuesOf(flowWith(expression));
      expect(issues.map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([[code, "check", ["conditions", 0, "expression"]]]);
      expect(issues[0]?.params).toMatchObject(params);
    }
    expect(issuesOf(flowWith("customer_tier == 1"))[0]?.message).toBe(
      'Branch "Check": "Conditions #1 › Condition" uses the unknown variable "customer_tier": declare it in the flow\'s variables or set it in a node',
    );
  });

  it("reports syntax errors with their position", () => {
    const issues = issuesOf(flowWith("tier == (1 +"));
    expect(brief(issues)).toEqual([
      { code: "expression-syntax", nodeId: "check", path: ["conditions", 0, "expression"], message: expect.stringMatching(/^Branch "Check": "Conditions #1 › Condition" cannot be read: /) },
    ]);
    expect(issues[0]?.params).toMatchObject({ position: 12, column: 13 });
  });

  it("reports type errors found by the type checker", () => {
    const issues = issuesOf(flowWith('count > "3"', [["count", "number"]]));
    expect(brief(issues)).toEqual([
      {
        code: "expression-type",
        nodeId: "check",
        path: ["conditions", 0, "expression"],
        message: 'Branch "Check": "Conditions #1 › Condition": Cannot compare a number with a string using ">"',
      },
    ]);
    expect(issues[0]?.params).toMatchObject({ position: 0, length: 11 });
  });

  it("checks variable declarations", () => {
    const input = graph()
      .variable("call", "string")
      .variable("tier", "string", "gold")
      .variable("tier", "number")
      .variable("count", "number", "three")
      .variable("constructor", "any")
      .node("start", "start")
      .node("bye", "hangup")
      .edge("start", "next", "bye")
      .build();
    expect(brief(issuesOf(input))).toEqual([
      { code: "reserved-variable", nodeId: null, path: ["variables", 0, "name"], message: '"call" is a reserved name: choose another variable name' },
      { code: "duplicate-variable", nodeId: null, path: ["variables", 2, "name"], message: 'Variable "tier" is declared twice' },
      { code: "variable-initial-invalid", nodeId: null, path: ["variables", 3, "initial"], message: 'Variable "count": the initial value must be a number' },
      { code: "reserved-variable", nodeId: null, path: ["variables", 4, "name"], message: '"constructor" is a reserved name: choose another variable name' },
    ]);
  });

  it("warns when a node stores text in a variable declared as a number", () => {
    const input = graph()
      .variable("pin", "number")
      .node("start", "start")
      .node("ask", "collect", { variable: "pin" }, "Ask PIN")
      .node("bye", "hangup")
      .edge("start", "next", "ask")
      .edge("ask", "timeout", "bye")
      .edge("ask", "invalid", "bye")
      .build();
    const result = validateGraph(input);
    expect(result.ok).toBe(true);
    expect(result.ok ? brief(result.warnings) : []).toEqual([
      { code: "type-mismatch", nodeId: "ask", path: ["variable"], message: 'Collect digits "Ask PIN": "Store in variable" must be a number, but this gives text' },
    ]);
  });

  it("does not blame later nodes for a variable whose writer has broken settings", () => {
    const input = graph()
      .node("start", "start")
      .node("ask", "collect", { variable: "order", maxLength: 99 }, "Ask order")
      .node("say", "play", say("Order {{order}}"), "Say order")
      .edge("start", "next", "ask")
      .edge("ask", "next", "say")
      .build();
    expect(issuesOf(input).filter((issue) => issue.code !== "required-port-unconnected").map((issue) => [issue.code, issue.nodeId])).toEqual([["setting-too-big", "ask"]]);
  });
});

describe("validateGraph: every problem at once", () => {
  it("reports problems of many nodes in one pass", () => {
    const input = graph()
      .node("start", "start")
      .node("menu", "menu", { ...menuData, options: [{ key: "1" }, { key: "1" }] }, "Main menu")
      .node("hours", "business-hours", { timezone: "Moon/Base", weekly: [{ day: 1, open: "25:00", close: "18:00" }] }, "Hours")
      .node("api", "http-request", { url: "gopher://x" }, "API")
      .node("check", "branch", { conditions: [{ expression: "unknown_var > 1" }] }, "Check")
      .node("ask", "collect", { variable: "x", pattern: "(" }, "Ask")
      .edge("start", "next", "menu")
      .edge("menu", "option:1", "hours")
      .build();
    const codes = issuesOf(input).map((issue) => `${issue.nodeId}:${issue.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "menu:duplicate-key",
        "hours:bad-timezone",
        "hours:bad-time",
        "api:bad-url",
        "check:unknown-variable",
        "ask:bad-regex",
        "check:unreachable-node",
        "ask:unreachable-node",
      ]),
    );
  });
});

describe("validateGraph: problems inside one node", () => {
  it("checks a node's expressions even when another of its settings is invalid", () => {
    const input = graph()
      .node("start", "start")
      .node("menu", "menu", { ...menuData, prompt: [{ kind: "tts", text: "Hello {{ nobody }}" }], timeoutSeconds: 0 }, "Main menu")
      .edge("start", "next", "menu")
      .build();
    expect(issuesOf(input).filter((issue) => issue.code !== "required-port-unconnected").map((issue) => [issue.code, issue.nodeId, issue.path])).toEqual([
      ["setting-too-small", "menu", ["timeoutSeconds"]],
      ["unknown-variable", "menu", ["prompt", 0, "text"]],
    ]);
  });

  it("reports the invalid setting once, and the expressions of the other settings", () => {
    const input = graph()
      .node("start", "start")
      .node("api", "http-request", { url: "https://api.example.com/{{ nobody }}", timeoutSeconds: 99, headers: [{ name: "X-Id", value: "{{ ghost" }] }, "API")
      .node("menu", "menu", { ...menuData, timeoutPrompt: [{ kind: "video", text: "{{ hidden }}" }], invalidPrompt: [{ kind: "tts", text: "{{ seen }}" }] }, "Menu")
      .edge("start", "next", "api")
      .edge("api", "success", "menu")
      .build();
    expect(issuesOf(input).filter((issue) => issue.code !== "required-port-unconnected").map((issue) => [issue.code, issue.nodeId, issue.path, issue.params.name ?? null])).toEqual([
      ["setting-too-big", "api", ["timeoutSeconds"], null],
      ["setting-invalid-choice", "menu", ["timeoutPrompt", 0, "kind"], null],
      ["unknown-variable", "api", ["url"], "nobody"],
      ["expression-syntax", "api", ["headers", 0, "value"], null],
      ["unknown-variable", "menu", ["invalidPrompt", 0, "text"], "seen"],
    ]);
  });
});

describe("validateGraphForEditor", () => {
  it("groups issues by node and says whether the flow can be published", () => {
    const result = validateGraphForEditor(menuFlow(["timeout"]).node("lost", "play", say("x")).build());
    expect(result.publishable).toBe(false);
    expect(Object.keys(result.byNode).sort()).toEqual(["lost", "menu"]);
    expect(result.byNode.menu?.map((issue) => issue.code)).toEqual(["required-port-unconnected"]);
    expect(result.general).toEqual([]);
    expect(validateGraphForEditor(menuFlow().build())).toEqual({ issues: [], byNode: {}, general: [], publishable: true });
    expect(validateGraphForEditor(null).general.map((issue) => issue.code)).toEqual(["graph-not-object"]);
  });
});

describe("required exits of a node whose settings are not filled in yet", () => {
  it("reports every unconnected exit of a fresh menu (empty prompt) at once, not after the prompt is typed", () => {
    const fresh = { prompt: [{ kind: "tts", text: "" }], options: [{ key: "1" }, { key: "2" }, { key: "3" }] };
    const result = validateGraphForEditor(graph().node("start", "start").node("menu", "menu", fresh).edge("start", "next", "menu").build());
    const menuIssues = result.byNode.menu ?? [];
    expect(menuIssues.some((issue) => issue.path[0] === "prompt")).toBe(true);
    const unconnected = menuIssues.filter((issue) => issue.code === "required-port-unconnected").map((issue) => issue.params.port);
    expect(unconnected).toEqual(["option:1", "option:2", "option:3", "timeout", "invalid"]);
  });

  it("stops asking for an exit once it is connected, while the settings are still incomplete", () => {
    const fresh = { prompt: [{ kind: "tts", text: "" }], options: [{ key: "1" }] };
    const builder = graph().node("start", "start").node("menu", "menu", fresh).node("bye", "hangup").edge("start", "next", "menu").edge("menu", "timeout", "bye");
    const unconnected = (validateGraphForEditor(builder.build()).byNode.menu ?? []).filter((issue) => issue.code === "required-port-unconnected").map((issue) => issue.params.port);
    expect(unconnected).toEqual(["option:1", "invalid"]);
  });
});
