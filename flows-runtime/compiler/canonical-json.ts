/**
 * JSON with object keys sorted and no whitespace, so equal values always give identical bytes
 * (plan hashes, "has the published version changed" checks). Follows JSON.stringify for what
 * JSON cannot hold: undefined object fields are left out, undefined array items and non-finite
 * numbers become null. Throws on cycles.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  const ancestors = new Set<object>();
  const write = (current: unknown, inArray: boolean): boolean => {
    if (current === null) {
      parts.push("null");
      return true;
    }
    switch (typeof current) {
      case "string":
        parts.push(JSON.stringify(current));
        return true;
      case "number":
        parts.push(Number.isFinite(current) ? JSON.stringify(current) : "null");
        return true;
      case "boolean":
        parts.push(current ? "true" : "false");
        return true;
      case "object":
        break;
      default:
        if (inArray) parts.push("null");
        return inArray;
    }
    if (ancestors.has(current)) throw new TypeError("canonicalJson: cyclic value");
    ancestors.add(current);
    if (Array.isArray(current)) {
      parts.push("[");
      current.forEach((item: unknown, index) => {
        if (index > 0) parts.push(",");
        write(item, true);
      });
      parts.push("]");
    } else {
      parts.push("{");
      let first = true;
      for (const key of Object.keys(current).sort()) {
        const mark = parts.length;
        parts.push(first ? "" : ",", JSON.stringify(key), ":");
        if (write(Object.getOwnPropertyDescriptor(current, key)?.value, false)) first = false;
        else parts.length = mark;
      }
      parts.push("}");
    }
    ancestors.delete(current);
    return true;
  };
  if (!write(value, false)) return "null";
  return parts.join("");
}
