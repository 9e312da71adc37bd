/** Where and why a text stops being valid JSON. `offset` is text.length when the text ends too early. */
export interface JsonSyntaxError {
  readonly offset: number;
  readonly reason: string;
}

const TRUNCATED = "the file ends before the JSON is complete (is it truncated?)";

/**
 * Finds the first syntax error in `text`, or null when it is valid JSON. V8's JSON.parse names a position for
 * some errors only and quotes pieces of the input in its message; this scanner gives a position and a plain
 * reason for every error. Iterative, so deep nesting cannot overflow the stack.
 * @example findJsonSyntaxError('{"a": 1 "b": 2}') // { offset: 8, reason: "expected ',' or '}' after a property value" }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const length = text.length;
  const stack: ("object" | "array")[] = [];
  let i = 0;
  let state: "value" | "key" | "after-value" = "value";
  const fail = (reason: string): JsonSyntaxError => (i >= length ? { offset: length, reason: TRUNCATED } : { offset: i, reason });
  const skipSpace = () => {
    while (i < length) {
      const ch = text.charCodeAt(i);
      if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) break;
      i++;
    }
  };
  for (;;) {
    skipSpace();
    if (state === "value") {
      const ch = text.charAt(i);
      if (ch === "{" || ch === "[") {
        i++;
        skipSpace();
        if (text.charAt(i) === (ch === "{" ? "}" : "]")) {
          i++;
          state = "after-value";
        } else {
          stack.push(ch === "{" ? "object" : "array");
          state = ch === "{" ? "key" : "value";
        }
      } else if (ch === '"') {
        const error = scanString();
        if (error !== null) return error;
        state = "after-value";
      } else if (ch === "t" || ch === "f" || ch === "n") {
        const word = ch === "t" ? "true" : ch === "f" ? "false" : "null";
        for (const expected of word) {
          if (text.charAt(i) !== expected) return fail(`expected the literal ${word}`);
          i++;
        }
        state = "after-value";
      } else if (ch === "-" || (ch >= "0" && ch <= "9")) {
        const error = scanNumber();
        if (error !== null) return error;
        state = "after-value";
      } else {
        return fail("expected a value (an object, array, string, number, true, false or null)");
      }
    } else if (state === "key") {
      if (text.charAt(i) !== '"') return fail("expected a double-quoted property name");
      const error = scanString();
      if (error !== null) return error;
      skipSpace();
      if (text.charAt(i) !== ":") return fail("expected ':' after a property name");
      i++;
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < length ? fail("unexpected text after the JSON value") : null;
      const close = top === "object" ? "}" : "]";
      if (text.charAt(i) === ",") {
        i++;
        state = top === "object" ? "key" : "value";
      } else if (text.charAt(i) === close) {
        i++;
        stack.pop();
      } else {
        return fail(top === "object" ? "expected ',' or '}' after a property value" : "expected ',' or ']' after an array element");
      }
    }
  }

  function scanString(): JsonSyntaxError | null {
    i++; // the opening quote
    while (i < length) {
      const ch = text.charCodeAt(i);
      if (ch === 34) {
        i++;
        return null;
      }
      if (ch < 32) return fail("a control character (such as a raw line break) inside a string; it must be escaped");
      if (ch === 92) {
        const escape = text.charAt(i + 1);
        if (escape === "u") {
          const hex = /^[0-9a-fA-F]{0,4}/.exec(text.slice(i + 2, i + 6))?.[0] ?? "";
          if (hex.length < 4) {
            i = i + 2 + hex.length;
            return fail("invalid \\u escape: expected four hex digits");
          }
          i += 6;
          continue;
        }
        if (escape === "" || !'"\\/bfnrt'.includes(escape)) {
          i++;
          return fail("invalid escape in a string");
        }
        i += 2;
        continue;
      }
      i++;
    }
    return fail(TRUNCATED);
  }

  function scanNumber(): JsonSyntaxError | null {
    const pattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    const end = match === null ? i : i + match[0].length;
    // A number cut off by the end of the file ("1.", "-", "1e") is truncation, not a bad character.
    if ((match === null || end < length) && /^-?(?:(?:0|[1-9]\d*)(?:\.|(?:\.\d+)?[eE][+-]?))?$/.test(text.slice(i))) {
      i = length;
      return fail(TRUNCATED);
    }
    if (match === null) return fail("invalid number");
    i = end;
    return null;
  }
}

/**
 * Offset of the first character where `text` stops being valid JSON: text.length when it ends too early,
 * -1 when it is valid.
 * @example jsonErrorOffset('{"a": tru }') // 9
 */
export function jsonErrorOffset(text: string): number {
  return findJsonSyntaxError(text)?.offset ?? -1;
}
