/**
 * BackendApi over HTTP, using the client generated from services/openapi.json
 * (src/api/schema.gen.ts, `npm run gen:api`). This is the only module that knows wire
 * shapes: snake_case fields, code-point offsets, null-means-default settings, sessions.
 */
import createClient from "openapi-fetch";
import type { Middleware } from "openapi-fetch";
import type { CustomRecognizer, Finding, OperatorChoice, UserSettings } from "../domain";
import type { BackendEndpoint } from "../host/bridge";
import { offsetMap } from "../text/offsets";
import type { components, paths } from "./schema.gen";
import { ApiError } from "./port";
import { errorMessage } from "./errors";
import { createJobsApi } from "./jobsApi";
import { isSavable } from "../settings/customTypes";

export { errorMessage };
import type { BackendApi } from "./port";

type Schemas = components["schemas"];
type WireOperator = NonNullable<Schemas["UserSettings"]["default_operators"]>[string];
type WireSettings = Schemas["UserSettings"];

/** The server's default minimum score (redacta.settings.Settings.score_threshold). */
const DEFAULT_THRESHOLD = 0.35;
const SESSION_KEY = "redacta.session";

export function toWireOperator(c: OperatorChoice): WireOperator {
  switch (c.type) {
    case "replace":
      return { type: "replace", new_value: c.newValue ? c.newValue : null };
    case "mask":
      return { type: "mask", masking_char: c.maskingChar || "*", chars_to_mask: c.charsToMask ?? 100, from_end: c.fromEnd ?? false };
    case "encrypt":
      return { type: "encrypt", key: c.key ?? "" };
    default:
      return { type: c.type };
  }
}

export function fromWireOperator(w: WireOperator): OperatorChoice {
  switch (w.type) {
    case "replace":
      return { type: "replace", newValue: w.new_value ?? "" };
    case "mask":
      return { type: "mask", maskingChar: w.masking_char, charsToMask: w.chars_to_mask, fromEnd: w.from_end };
    case "encrypt":
      return { type: "encrypt", key: w.key };
    default:
      return { type: w.type };
  }
}

function toWireRecognizer(r: CustomRecognizer): Schemas["CustomRecognizer"] {
  return {
    name: r.name,
    entity_type: r.entityType,
    pattern: r.pattern,
    score: r.score,
    flags: r.ignoreCase ? ["IGNORECASE"] : [],
    context: r.context ?? [],
  };
}

export function fromWireSettings(w: WireSettings, enabledByDefault: string[]): UserSettings {
  return {
    entities: w.enabled_entities ?? enabledByDefault,
    threshold: w.score_threshold ?? DEFAULT_THRESHOLD,
    operators: Object.fromEntries(Object.entries(w.default_operators ?? {}).map(([k, v]) => [k, fromWireOperator(v)])),
    allowList: w.allow_list ?? [],
    denyLists: w.deny_lists ?? {},
    recognizers: (w.custom_recognizers ?? []).map((r) => ({
      name: r.name,
      entityType: r.entity_type,
      pattern: r.pattern,
      score: r.score,
      ignoreCase: (r.flags ?? []).includes("IGNORECASE"),
      context: r.context ?? [],
    })),
  };
}

export function toWireSettings(s: UserSettings): WireSettings {
  return {
    enabled_entities: s.entities,
    score_threshold: s.threshold,
    default_operators: Object.fromEntries(Object.entries(s.operators).map(([k, v]) => [k, toWireOperator(v)])),
    allow_list: s.allowList,
    deny_lists: Object.fromEntries(Object.entries(s.denyLists).filter(([, v]) => v.length > 0)),
    // A recognizer still being typed (no pattern or type yet) is kept on screen but not saved.
    custom_recognizers: s.recognizers.filter(isSavable).map(toWireRecognizer),
  };
}

type AnalyzeBody = Schemas["AnalyzeRequest"];
type AnalyzeResult = Schemas["AnalyzeResponse"];
type StreamLine = Schemas["AnalyzeStreamLine"];

/**
 * Reads the NDJSON lines of `POST /api/v1/analyze/stream`: reports each progress line and
 * resolves to the result line's analysis (or throws its error).
 */
export async function readAnalyzeStream(
  body: ReadableStream<Uint8Array>,
  onProgress: (p: { done: number; total: number }) => void,
): Promise<AnalyzeResult> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    const lines = (buffered + (value ? decoder.decode(value, { stream: true }) : "")).split("\n");
    buffered = done ? "" : (lines.pop() ?? "");
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      const msg = JSON.parse(line) as StreamLine;
      if (msg.type === "progress") onProgress({ done: msg.done, total: msg.total });
      else if (msg.type === "result") {
        void reader.cancel();
        return msg.result;
      } else if (msg.type === "error") throw new ApiError(errorMessage(msg.status, { detail: msg.error }), msg.status);
    }
    if (done) throw new ApiError("The analysis ended without a result; try again.", 502);
  }
}

/** The export is an opaque text token (encrypted by the backend); saved as-is to a file. */
function textBlob(token: string): Blob {
  return new Blob([token], { type: "application/octet-stream" });
}

/** Unwraps an openapi-fetch result or throws an ApiError with the backend's message. */
function ok<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.error !== undefined || !r.response.ok || r.data === undefined) {
    throw new ApiError(errorMessage(r.response.status, r.error), r.response.status);
  }
  return r.data;
}

export function createHttpApi(endpoint: BackendEndpoint, fetchImpl: typeof fetch = (...a) => fetch(...a)): BackendApi {
  const client = createClient<paths>({ baseUrl: endpoint.baseUrl, fetch: fetchImpl });
  const auth: Middleware = {
    onRequest({ request }) {
      if (endpoint.token) request.headers.set("Authorization", `Bearer ${endpoint.token}`);
      return request;
    },
  };
  client.use(auth);

  let sessionId: string | null = null;
  try {
    sessionId = sessionStorage.getItem(SESSION_KEY);
  } catch {
    sessionId = null;
  }
  const setSession = (id: string | null) => {
    sessionId = id;
    try {
      if (id) sessionStorage.setItem(SESSION_KEY, id);
      else sessionStorage.removeItem(SESSION_KEY);
    } catch {
      // memory only
    }
  };

  const enabledByDefault = async () => ok(await client.GET("/api/v1/entities")).enabled;

  const api: BackendApi = {
    async alive(signal) {
      const r = await fetchImpl(`${endpoint.baseUrl}/livez`, { signal, cache: "no-store" });
      return r.ok;
    },

    async info() {
      const [info, entities] = await Promise.all([client.GET("/api/v1/info"), client.GET("/api/v1/entities")]);
      const e = ok(entities);
      // Some types are enabled by default without being listed as supported (e.g. UK_NINO).
      return { version: ok(info).version, entities: [...new Set([...e.supported, ...e.enabled])].sort(), supported: e.supported };
    },

    async analyze(text, options, signal, onProgress) {
      const body: AnalyzeBody = { text, entities: options.entities, score_threshold: options.threshold };
      let data: AnalyzeResult;
      if (onProgress) {
        // Progress comes as NDJSON lines; closing the connection (abort) cancels the work.
        const r = await client.POST("/api/v1/analyze/stream", { body, signal, parseAs: "stream" });
        if (!r.response.ok || !r.data) throw new ApiError(errorMessage(r.response.status, r.error), r.response.status);
        data = await readAnalyzeStream(r.data, onProgress);
      } else {
        data = ok(await client.POST("/api/v1/analyze", { body, signal }));
      }
      const m = offsetMap(text);
      return data.findings.map(
        (f): Finding => ({
          id: `f${f.start}-${f.end}-${f.entity_type}`,
          entityType: f.entity_type,
          start: m.toUtf16(f.start),
          end: m.toUtf16(f.end),
          score: f.score,
          recognizer: f.recognizer,
          explanation: f.explanation,
          manual: false,
        }),
      );
    },

    async redact(text, findings, operators, signal) {
      const m = offsetMap(text);
      const body = {
        text,
        findings: findings.map((f) => ({ entity_type: f.entityType, start: m.toCodePoint(f.start), end: m.toCodePoint(f.end), score: f.score })),
        operators: Object.fromEntries(Object.entries(operators).map(([k, v]) => [k, toWireOperator(v)])),
      };
      let r = await client.POST("/api/v1/redact", { body: { ...body, session_id: sessionId }, signal });
      if (r.response.status === 404 && sessionId) {
        // The backend restarted and forgot the session: start a new one.
        setSession(null);
        r = await client.POST("/api/v1/redact", { body: { ...body, session_id: null }, signal });
      }
      const data = ok(r);
      if (data.session_id) setSession(data.session_id);
      const out = offsetMap(data.text);
      return {
        text: data.text,
        items: data.items.map((i) => ({ entityType: i.entity_type, start: out.toUtf16(i.start), end: out.toUtf16(i.end), operator: i.operator })),
      };
    },

    async restore(text) {
      if (!sessionId) {
        throw new ApiError("No pseudonyms in this session yet: redact text with the pseudonymize operator first, or import a mapping.", 409);
      }
      const data = ok(await client.POST("/api/v1/restore", { body: { session_id: sessionId, text } }));
      return { text: data.text, restored: data.restored, unknownLabels: data.unknown_labels };
    },

    async exportVault(passphrase) {
      if (!sessionId) throw new ApiError("Nothing to export yet: redact text with the pseudonymize operator first.", 409);
      const data = ok(await client.POST("/api/v1/sessions/{session_id}/export", { params: { path: { session_id: sessionId } }, body: { passphrase } }));
      return textBlob(data.blob);
    },

    async importVault(file, passphrase) {
      const blob = (await file.text()).trim();
      const data = ok(await client.POST("/api/v1/sessions/import", { body: { blob, passphrase } }));
      setSession(data.session_id);
      return data.labels;
    },

    async getSettings() {
      const [settings, enabled] = await Promise.all([client.GET("/api/v1/settings"), enabledByDefault()]);
      return fromWireSettings(ok(settings), enabled);
    },

    async putSettings(settings) {
      const saved = ok(await client.PUT("/api/v1/settings", { body: toWireSettings(settings) }));
      return fromWireSettings(saved, settings.entities);
    },

    async testRecognizer(recognizer, sample, signal) {
      const data = ok(
        await client.POST("/api/v1/recognizers/test", {
          body: { pattern: recognizer.pattern, text: sample, flags: recognizer.ignoreCase ? ["IGNORECASE"] : [] },
          signal,
        }),
      );
      const m = offsetMap(sample);
      return data.matches.map((x) => {
        const start = m.toUtf16(x.start);
        const end = m.toUtf16(x.end);
        return { start, end, text: sample.slice(start, end) };
      });
    },

    jobs: createJobsApi(client),
  };
  return api;
}
