export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/**
 * Finds the first syntax error in JSON text with its line and column. JSON.parse in Node 20 does
 * not always say where ("Unexpected token '}', …"), and a position is what the user needs.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { offset: i });
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i] ?? "")) i++;
  };
  const describe = () => (i >= text.length ? "end of file" : `'${text[i]}'`);
  const expect = (ch: string) => {
    if (text[i] !== ch) fail(`expected '${ch}' but found ${describe()}`);
    i++;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      const ch = text[i] ?? "";
      if (ch < " ") fail("control character in a string (use \\n, \\t)");
      if (ch === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("bad \\u escape");
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? "x") || i >= text.length) fail("bad escape in a string");
      }
      i++;
    }
    expect('"');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes but found ${describe()}`);
        string();
        ws();
        expect(":");
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") return void i++;
        fail(`expected ',' or '}' but found ${describe()}`);
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") return void i++;
        fail(`expected ',' or ']' but found ${describe()}`);
      }
    }
    if (ch === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail(`unexpected ${describe()}`);
    i += literal?.[0].length ?? 0;
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the document`);
    return null;
  } catch (err) {
    const offset = i;
    const before = text.slice(0, offset);
    return {
      offset,
      line: before.split("\n").length,
      column: offset - before.lastIndexOf("\n"),
      message: err instanceof Error ? err.message : String(err),
    };
  }
}
