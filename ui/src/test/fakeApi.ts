/**
 * An in-memory BackendApi for component tests: it finds fixed words and replaces exactly the
 * findings it is given, and records every call so tests can assert what the UI sent.
 * The real backend is exercised by the end-to-end tests (e2e/).
 */
import type { BackendApi } from "../api/port";
import type { Finding, OperatorChoice, UserSettings } from "../domain";

export interface FakeApi extends BackendApi {
  calls: { redact: { text: string; findings: Finding[]; operators: Record<string, OperatorChoice> }[]; putSettings: UserSettings[] };
  setAlive(v: boolean): void;
  /** Makes the given call throw like an unreachable backend until set back. */
  setFailing(call: "redact" | "putSettings", v: boolean): void;
}

const unreachable = () => new TypeError("Failed to fetch");

export function fakeApi(dictionary: Record<string, string> = { Alice: "PERSON", "alice@example.com": "EMAIL_ADDRESS" }): FakeApi {
  let alive = true;
  let settings: UserSettings = {
    entities: ["PERSON", "EMAIL_ADDRESS"],
    threshold: 0.35,
    operators: { DEFAULT: { type: "replace" } },
    allowList: [],
    denyLists: {},
    recognizers: [],
  };
  const calls: FakeApi["calls"] = { redact: [], putSettings: [] };
  const failing = { redact: false, putSettings: false };
  return {
    calls,
    setAlive: (v) => {
      alive = v;
    },
    setFailing: (call, v) => {
      failing[call] = v;
    },
    alive: async () => alive,
    info: async () => ({ version: "test", entities: ["EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER"], supported: ["EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER"] }),
    analyze: async (text) => {
      const out: Finding[] = [];
      for (const [word, entityType] of Object.entries(dictionary)) {
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
          out.push({ id: `f${i}-${entityType}`, entityType, start: i, end: i + word.length, score: 0.85, recognizer: "Fake", explanation: "listed word", manual: false });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    redact: async (text, findings, operators) => {
      if (failing.redact) throw unreachable();
      calls.redact.push({ text, findings, operators });
      let out = text;
      for (const f of [...findings].sort((a, b) => b.start - a.start)) {
        const op = operators[f.entityType]?.type ?? operators.DEFAULT?.type ?? "replace";
        const by = op === "redact" ? "" : op === "mask" ? "*".repeat(f.end - f.start) : `<${f.entityType}>`;
        out = out.slice(0, f.start) + by + out.slice(f.end);
      }
      return { text: out, items: [] };
    },
    restore: async (text) => ({
      text: text.replaceAll("<PERSON_1>", "Alice"),
      restored: text.split("<PERSON_1>").length - 1,
      unknownLabels: [...text.matchAll(/<[A-Z_]+_\d+>/g)].map((m) => m[0]).filter((l) => l !== "<PERSON_1>"),
    }),
    exportVault: async () => new Blob(["x"]),
    importVault: async () => 1,
    getSettings: async () => settings,
    putSettings: async (s) => {
      if (failing.putSettings) throw unreachable();
      calls.putSettings.push(s);
      settings = s;
      return s;
    },
    testRecognizer: async (r, sample) => {
      const re = new RegExp(r.pattern, "g");
      return [...sample.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
    },
    jobs: null,
  };
}
