import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_LIMIT,
  isActionArgumentForm,
  isActionArgumentText,
  refuseMalformedActionBody,
} from "@/lib/http/action-body";

// The proxy's check in front of Next's server action decoder: it lets
// through what the decoder turns into a list of arguments, and answers 400 to
// what would make it throw (a 500 before any Kith code runs).

const SELF_CONTAINED = ["$$x", "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$D2026-11-12T00:00:00.000Z", "$n12", "$T", "$K1"];
const BROKEN = ["$", "$1", "$@1", "$Q2", "$W3", "$B1", "$nabc", "$Z", "$C1", "$F1"];

describe("a text body", () => {
  it("passes the arguments React encodes", () => {
    expect(isActionArgumentText("[]")).toBe(true);
    expect(isActionArgumentText('[{"name":"Ada","ids":["$$1"]},null,3]')).toBe(true);
    expect(isActionArgumentText(JSON.stringify([SELF_CONTAINED]))).toBe(true);
  });

  it("refuses what is not a JSON array, or refers to rows a text body cannot have", () => {
    for (const body of ["", "nope", "{", '{"a":1}', '"x"', "1", "null", "[1,", "[1]x"]) {
      expect(isActionArgumentText(body), body).toBe(false);
    }
    for (const reference of BROKEN) expect(isActionArgumentText(JSON.stringify([{ a: [reference] }])), reference).toBe(false);
  });
});

describe("a multipart body", () => {
  const form = (entries: [string, string | Blob][]) => {
    const data = new FormData();
    for (const [key, value] of entries) data.append(key, value);
    return data;
  };

  it("passes rows that refer to rows it holds", () => {
    expect(isActionArgumentForm(form([["0", '["$K1"]'], ["1_name", "Ada"]]))).toBe(true);
    expect(isActionArgumentForm(form([["0", '["$@1","$Q2","$B3"]'], ["1", '"x"'], ["2", '[["a",1]]'], ["3", new Blob(["x"])]]))).toBe(true);
  });

  it("refuses a missing root, a root that is not an array, and references to missing or broken rows", () => {
    expect(isActionArgumentForm(form([]))).toBe(false);
    expect(isActionArgumentForm(form([["1", "[]"]]))).toBe(false);
    expect(isActionArgumentForm(form([["0", '{"a":1}']]))).toBe(false);
    expect(isActionArgumentForm(form([["0", new Blob(["[]"])]]))).toBe(false);
    expect(isActionArgumentForm(form([["0", '["$1"]']]))).toBe(false);
    expect(isActionArgumentForm(form([["0", '["$1"]'], ["1", "not json"]]))).toBe(false);
    expect(isActionArgumentForm(form([["0", '["$1"]'], ["1", '["$2"]']]))).toBe(false);
  });
});

describe("the proxy's answer", () => {
  const action = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://localhost:3000/contacts", { method: "POST", body, headers: { "next-action": "7f00", ...headers } });

  it("answers 400 to a malformed action body and lets everything else through", async () => {
    expect((await refuseMalformedActionBody(action("not json")))?.status).toBe(400);
    expect((await refuseMalformedActionBody(action('{"name":"x"}')))?.status).toBe(400);
    const multipart = new FormData();
    multipart.set("1", "[]");
    expect((await refuseMalformedActionBody(action(multipart)))?.status).toBe(400);

    expect(await refuseMalformedActionBody(action('[{"name":"Ada"}]'))).toBeNull();
    const wellFormed = new FormData();
    wellFormed.set("0", '["$K1"]');
    wellFormed.set("1_t", "token");
    expect(await refuseMalformedActionBody(action(wellFormed))).toBeNull();
    // Not an action call: a form post to a page, a GET.
    expect(await refuseMalformedActionBody(new Request("http://localhost:3000/x", { method: "POST", body: "nope" }))).toBeNull();
    expect(await refuseMalformedActionBody(new Request("http://localhost:3000/x", { headers: { "next-action": "7f00" } }))).toBeNull();
  });

  it("leaves a body over Next's limit to Next, which answers 413", async () => {
    const large = "x".repeat(ACTION_BODY_LIMIT + 1);
    expect(await refuseMalformedActionBody(action(large))).toBeNull();
    expect(await refuseMalformedActionBody(action("[]", { "content-length": String(ACTION_BODY_LIMIT + 1) }))).toBeNull();
  });

  it("leaves the body for the action to read", async () => {
    const request = action('["kept"]');
    await refuseMalformedActionBody(request);
    expect(await request.text()).toBe('["kept"]');
  });
});

// React's reply decoder, as Next runs it: in a child process, since it loads
// only under the "react-server" condition.
const decoderPath = createRequire(import.meta.url).resolve("next/dist/compiled/react-server-dom-turbopack/server.node.js");
const DECODE = `
process.on("unhandledRejection", () => {});
const { decodeReply, createTemporaryReferenceSet } = require(${JSON.stringify(decoderPath)});
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const verdicts = [];
  for (const body of JSON.parse(input)) {
    let reply = body.text;
    if (body.form) {
      reply = new FormData();
      for (const [key, value] of body.form) reply.append(key, value);
    }
    try {
      const args = await decodeReply(reply, {}, { temporaryReferences: createTemporaryReferenceSet() });
      verdicts.push(Array.isArray(args) ? "arguments" : "not-a-list");
    } catch {
      verdicts.push("threw");
    }
  }
  process.stdout.write(JSON.stringify(verdicts));
});`;

type Body = { text?: string; form?: [string, string][] };

function decodeWithReact(bodies: Body[]): string[] {
  const output = execFileSync(process.execPath, ["--conditions=react-server", "-e", DECODE], {
    input: JSON.stringify(bodies),
    env: { ...process.env, NODE_ENV: "production" },
  });
  return JSON.parse(output.toString()) as string[];
}

const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...SELF_CONTAINED, ...BROKEN, "$0", "$@0", "$1", "$2", "$@2", "$W1", "$Q1", "$i1"),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 3 })),
})).value;
const text = fc.oneof(
  { arbitrary: json.map((value) => JSON.stringify(value)), weight: 6 },
  { arbitrary: fc.array(json, { maxLength: 4 }).map((value) => JSON.stringify(value)), weight: 6 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
const body: fc.Arbitrary<Body> = fc.oneof(
  text.map((value) => ({ text: value })),
  fc
    .array(fc.tuple(fc.constantFrom("0", "1", "2", "1_a", "x"), text), { maxLength: 4 })
    .map((entries) => ({ form: entries })),
);

describe("agrees with React's decoder", () => {
  it("lets through only what decodes to a list of arguments, and refuses what throws", () => {
    const bodies = fc.sample(body, { numRuns: 600, seed: 20261202 });
    const verdicts = decodeWithReact(bodies);
    bodies.forEach((candidate, index) => {
      const form = new FormData();
      for (const [key, value] of candidate.form ?? []) form.append(key, value);
      const isPassed = candidate.form ? isActionArgumentForm(form) : isActionArgumentText(candidate.text ?? "");
      const verdict = verdicts[index];
      if (isPassed) expect(verdict, JSON.stringify(candidate)).toBe("arguments");
      if (verdict !== "arguments") expect(isPassed, JSON.stringify(candidate)).toBe(false);
    });
    expect(verdicts.filter((verdict) => verdict === "arguments").length).toBeGreaterThan(100);
    expect(verdicts.filter((verdict) => verdict === "threw").length).toBeGreaterThan(100);
  });
});
